import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Reminder } from '@shared/api/reminder-schema'
import { addDays, formatCivilDate, systemClock, type CivilDate } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { sumAmounts } from '@shared/engine/ledger-types'
import { presetTerms } from '@shared/engine/presets'
import type { LoanTerms } from '@shared/engine/terms'
import { formatFen } from '@shared/money'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import {
  callApi,
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
  type ServedApp,
} from './support/browser'

/**
 * Reminders in browser mode, against `npm run serve` with a fresh data folder: a loan with an
 * installment due in 2 days and a follow-up due today show at the top of the overview;
 * dismissing one acknowledges it (gone after a reload, the other still there); with "days
 * before" set to 0 in Settings, a second loan due in 2 days brings no reminder. In zh-CN and en,
 * light and dark, checked with axe-core and photographed.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TEXT = {
  'zh-CN': {
    banner: '提醒',
    dismiss: '知道了',
    dismissAll: '全部知道了',
    dueSoon: '“微粒贷”2天后到期',
    followUp: '跟进“微粒贷”',
    settings: '设置',
    overview: '总览',
    card: '提醒',
    daysBefore: '提前几天提醒还款',
    save: '保存提醒设置',
    saved: '已保存提醒设置',
    badDays: '请填 0 到 30 之间的整数。',
  },
  en: {
    banner: 'Reminders',
    dismiss: 'Dismiss',
    dismissAll: 'Dismiss all',
    dueSoon: '微粒贷: due in 2 days',
    followUp: 'Follow up: 微粒贷',
    settings: 'Settings',
    overview: 'Overview',
    card: 'Reminders',
    daysBefore: 'Days before each due date',
    save: 'Save reminders',
    saved: 'Reminders saved',
    badDays: 'Enter a whole number from 0 to 30.',
  },
} as const
type Language = keyof typeof TEXT

/** A 微粒贷 whose first installment falls due on `dueOn` (20 days after it was taken out). */
function termsDueOn(dueOn: CivilDate): LoanTerms {
  const terms = presetTerms('webank', { principalFen: 600_000, disbursedOn: addDays(dueOn, -22) })
  if (terms.schedule.method === 'custom') throw new Error('the WeBank preset has a schedule')
  const withDue = { ...terms, schedule: { ...terms.schedule, firstDueOn: dueOn } }
  const first = computeLedger(withDue, [], [], systemClock.today()).installments[0]
  expect(first?.dueOn).toBe(dueOn)
  return withDue
}

async function createLoan(app: ServedApp, name: string, dueOn: CivilDate): Promise<number> {
  const loan = (await callApi(app, 'loans.create', {
    name,
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms: termsDueOn(dueOn),
  })) as { id: number }
  return loan.id
}

async function expectClean(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
  expect(await horizontalOverflow(page), `${screen} is wider than the window`).toBe(0)
}

async function openApp(app: ServedApp, language: Language, colorScheme: 'light' | 'dark') {
  const context = await browser().newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width: 1024, height: 700 },
    colorScheme,
  })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  return page
}

async function runReminders(app: ServedApp, language: Language): Promise<void> {
  const text = TEXT[language]
  const today = systemClock.today()
  const dueOn = addDays(today, 2)
  const loanId = await createLoan(app, '微粒贷', dueOn)
  const contact = (await callApi(app, 'contacts.add', {
    loanId,
    occurredAt: `${today}T00:05`,
    channel: 'phone',
    party: 'lender',
    who: '客服 0755-95384',
    summary: '约定今天再确认一次还款日',
    followUpOn: today,
  })) as { id: number }
  const dueSoonId = `due:${loanId}:${dueOn}:before`
  const followUpId = `followup:${contact.id}:${today}`
  const owed = sumAmounts(
    computeLedger(termsDueOn(dueOn), [], [], today).installments[0]!.outstanding,
  )

  const page = await openApp(app, language, 'light')
  try {
    // The overview starts with both reminders, the one due soon with its amount and date.
    const banner = page.getByTestId('reminders')
    await banner.waitFor()
    expect(await banner.getByRole('heading', { level: 2 }).textContent()).toBe(text.banner)
    const dueSoon = banner.getByTestId(`reminder-${dueSoonId}`)
    const dueSoonText = (await dueSoon.textContent()) ?? ''
    expect(dueSoonText).toContain(text.dueSoon)
    expect(dueSoonText).toContain(formatFen(owed, language))
    expect(dueSoonText).toContain(formatCivilDate(dueOn, language))
    expect(await banner.getByTestId(`reminder-${followUpId}`).textContent()).toContain(
      text.followUp,
    )
    expect(await banner.locator('.reminder').count()).toBe(2)
    await banner.getByRole('button', { name: text.dismissAll }).waitFor()
    await expectClean(page, 'overview with reminders')
    await page.screenshot({ path: screenshotPath(`reminders-${language}`) })

    // Its title leads to the loan.
    await dueSoon.getByRole('link', { name: text.dueSoon }).click()
    await page.waitForURL(`**/#/loans/${loanId}`)
    await page.getByRole('link', { name: text.overview }).click()
    await banner.waitFor()

    // Dismissed: gone at once and after a reload; the follow-up stays until dismissed too.
    await dueSoon.getByRole('button', { name: `${text.dismiss}` }).click()
    await dueSoon.waitFor({ state: 'detached' })
    await page.reload()
    await banner.getByTestId(`reminder-${followUpId}`).waitFor()
    expect(await banner.locator('.reminder').count()).toBe(1)
    const due = (await callApi(app, 'reminders.due', {})) as Reminder[]
    expect(due.map((reminder) => reminder.id)).toEqual([followUpId])
    await banner.getByRole('button', { name: text.dismiss }).click()
    await banner.waitFor({ state: 'detached' })
    await page.reload()
    await page.getByTestId('total-owed').waitFor()
    expect(await page.getByTestId('reminders').count()).toBe(0)
    expect(await callApi(app, 'reminders.due', {})).toEqual([])

    // Settings: the Reminders card shows the stored choice; 0 days before turns them off.
    await page.getByRole('link', { name: text.settings }).click()
    const card = page.getByTestId('settings-reminders')
    await card.waitFor()
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(text.card)
    const days = card.getByLabel(text.daysBefore)
    expect(await days.inputValue()).toBe('3')
    await days.fill('31')
    await card.getByRole('button', { name: text.save }).click()
    await card.getByText(text.badDays).waitFor()
    expect(await days.getAttribute('aria-invalid')).toBe('true')
    await days.fill('0')
    await card.getByRole('button', { name: text.save }).click()
    await page.locator('.toast').filter({ hasText: text.saved }).first().waitFor()
    expect(((await callApi(app, 'settings.get', {})) as { reminders: object }).reminders).toEqual({
      daysBefore: 0,
      onDueDate: true,
      onStageChange: true,
      onFollowUp: true,
    })
    await card.scrollIntoViewIfNeeded()
    await expectClean(page, 'settings with reminders')
    await page.screenshot({ path: screenshotPath(`settings-reminders-${language}`) })

    // A second loan due in 2 days, added behind the page's back (hence the reload): no reminder.
    const second = await createLoan(app, '第二笔', dueOn)
    await page.reload()
    await page.getByRole('link', { name: text.overview }).click()
    await page.getByTestId('total-owed').waitFor()
    await page.locator('.loan-name', { hasText: '第二笔' }).waitFor()
    expect(await page.getByTestId('reminders').count()).toBe(0)
    expect(await callApi(app, 'reminders.due', {})).toEqual([])
    // Back to 3 days through the API: it comes.
    await callApi(app, 'settings.update', {
      reminders: { daysBefore: 3, onDueDate: true, onStageChange: true, onFollowUp: true },
    })
    await page.reload()
    await page.getByTestId(`reminder-due:${second}:${dueOn}:before`).waitFor()
  } finally {
    await page.context().close()
  }

  // The same list in the dark theme.
  const dark = await openApp(app, language, 'dark')
  try {
    await dark.getByTestId('reminders').waitFor()
    await expectClean(dark, 'overview with reminders (dark)')
    await dark.screenshot({ path: screenshotPath(`reminders-dark-${language}`) })
  } finally {
    await dark.context().close()
  }
}

describe('reminders in Chromium (browser mode)', () => {
  it.each(['zh-CN', 'en'] as const)(
    'in %s: shown on the overview, dismissed for good, turned off in Settings',
    async (language) => {
      const app = await serveApp(tempDir())
      try {
        await runReminders(app, language)
      } finally {
        await app.stop()
      }
    },
  )
})
