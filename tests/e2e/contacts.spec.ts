import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ContactRow, FollowUp } from '@shared/api/contact-schema'
import type { LoanEventRow } from '@shared/api/records'
import { addDays, addMonths, systemClock, type CivilDate } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import type { Ledger } from '@shared/engine/ledger-types'
import { presetTerms } from '@shared/engine/presets'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import { fillDate } from './support/forms'
import {
  callApi,
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
  type ServedApp,
} from './support/browser'

/**
 * The contact log through the UI, against `npm run serve` with a fresh data folder and a 微粒贷
 * loan two months overdue: a collector's call at 23:00 is flagged with what to do; a call that
 * agreed a plan of two installments records the plan (the Agreements list and the schedule
 * follow it); its follow-up date shows on the dashboard; after a reload all of it is still there.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TEXT = {
  'zh-CN': {
    add: '记录一次联系',
    save: '保存记录',
    who: '对方姓名或号码',
    summary: '谈了什么',
    promises: '承诺',
    collector: '催收方',
    flagTitle: '违反催收规定',
    night: '夜间催收',
    agreements: '协商与调整',
    planEvent: '共 2 期',
    planNumber: (n: number) => `协商第 ${n} 期`,
    overview: '总览',
    followUps: '跟进',
    inDays: '还有 3 天',
    channel: '方式',
    party: '对方是',
    direction: '谁先联系',
    edit: '编辑',
  },
  en: {
    add: 'Log a contact',
    save: 'Save contact',
    who: 'Name or number',
    summary: 'What was said',
    promises: 'Promises',
    collector: 'A collector',
    flagTitle: 'Breaks the collection rules',
    night: 'Collection at night',
    agreements: 'Agreements and changes',
    planEvent: '2 installments',
    planNumber: (n: number) => `Plan ${n}`,
    overview: 'Overview',
    followUps: 'Follow-ups',
    inDays: 'in 3 days',
    channel: 'Channel',
    party: 'The other side',
    direction: 'Who reached out',
    edit: 'Edit',
  },
} as const
type Language = keyof typeof TEXT

/** Types a 24-hour time into the React Aria time field. */
async function fillTime(page: Page, field: Locator, time: string): Promise<void> {
  const [hour, minute] = time.split(':') as [string, string]
  await field.locator('[data-type="hour"]').click()
  await page.keyboard.type(hour)
  await field.locator('[data-type="minute"]').click()
  await page.keyboard.type(minute)
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

async function expectFits(page: Page, screen: string): Promise<void> {
  expect(await horizontalOverflow(page), `${screen} is wider than the window`).toBe(0)
}

/** The window as it shows the contact log: its heading scrolled to the top. */
async function shootContacts(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.getElementById('contacts-title')?.scrollIntoView())
  await page.screenshot({ path: screenshotPath(name) })
}

async function seedLoan(app: ServedApp) {
  const today = systemClock.today()
  // First installment a month after disbursement, 46 days before today: M2 (31–60 days).
  const disbursedOn = addDays(addMonths(today, -3), 15)
  const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn })
  expect(computeLedger(terms, [], [], today).stage.label).toBe('M2')
  const loan = (await callApi(app, 'loans.create', {
    name: '微粒贷',
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms,
  })) as { id: number }
  return { today, loanId: loan.id }
}

async function openLoanPage(
  app: ServedApp,
  language: Language,
  loanId: number,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser().newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width: 1024, height: 700 },
    colorScheme,
  })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.goto(`${app.origin}/#/loans/${loanId}`)
  await page.locator('#contacts-title').waitFor()
  // The charts above load last; wait for them so that the page no longer moves under a click.
  await page.locator('[data-testid="late-charges-chart"] .series-late-charges').first().waitFor()
  await page.locator('[data-testid="waiting-chart"] .recharts-bar-rectangle').first().waitFor()
  return page
}

async function runContacts(app: ServedApp, language: Language): Promise<void> {
  const text = TEXT[language]
  const { today, loanId } = await seedLoan(app)
  const yesterday = addDays(today, -1)
  const followUpOn = addDays(today, 3)
  const plan = [
    { dueOn: addMonths(today, 1), principalFen: 500_000 },
    { dueOn: addMonths(today, 2), principalFen: 500_000 },
  ]
  const page = await openLoanPage(app, language, loanId)
  try {
    const section = page.locator('section', { has: page.locator('#contacts-title') })
    await section.getByText(text.add).waitFor()
    expect(await callApi(app, 'contacts.list', { loanId })).toEqual([])

    // A collector's call yesterday at 23:00.
    await section.getByRole('button', { name: text.add }).click()
    let form = page.getByTestId('contact-form')
    await form.waitFor()
    // The party starts as a collector, the date as today.
    expect(await form.getByLabel(text.party).inputValue()).toBe('collector')
    await fillDate(form.getByTestId('field-contact-date'), yesterday)
    await fillTime(page, form.getByTestId('field-contact-time'), '23:00')
    await form.getByLabel(text.who, { exact: true }).fill('催收员 王某 0755-12345678')
    await form.getByLabel(text.summary).fill('晚上11点打电话催还款，说要联系我的家人')
    await form.getByRole('button', { name: text.save }).click()
    await form.waitFor({ state: 'detached' })

    const [night] = (await callApi(app, 'contacts.list', { loanId })) as ContactRow[]
    expect(night).toMatchObject({
      occurredAt: `${yesterday}T23:00`,
      channel: 'phone',
      direction: 'incoming',
      party: 'collector',
      who: '催收员 王某 0755-12345678',
    })
    expect(night!.violations.map((violation) => violation.kind)).toEqual(['night'])
    // The flag says in words which rule was broken and what to do, with its sources.
    const nightItem = page.getByTestId(`contact-${night!.id}`)
    const flag = nightItem.getByTestId('contact-flag')
    await flag.waitFor()
    const flagText = (await flag.textContent()) ?? ''
    for (const words of [text.flagTitle, text.night, '12378', '12363', '110', 'GB/T 45251']) {
      expect(flagText).toContain(words)
    }
    expect(await nightItem.textContent()).toContain(text.collector)

    // A call with the lender today that agreed a plan of two installments, to follow up in 3 days.
    await section.getByRole('button', { name: text.add }).click()
    form = page.getByTestId('contact-form')
    await form.waitFor()
    await fillTime(page, form.getByTestId('field-contact-time'), '10:30')
    await form.getByLabel(text.party).selectOption('lender')
    await form.getByLabel(text.direction).selectOption('outgoing')
    await form.getByLabel(text.who, { exact: true }).fill('微众银行客服 95384')
    await form.getByLabel(text.summary).fill('协商分两期还清，减免罚息')
    await form.getByLabel(text.promises, { exact: true }).fill('三天内短信确认方案')
    await fillDate(form.getByTestId('field-contact-followUpOn'), followUpOn)
    await form.getByTestId('contact-has-plan').check()
    // The plan starts on the day it was agreed.
    await form.getByTestId('field-contact-planOn').waitFor()
    await fillDate(form.getByTestId('field-plan-0-dueOn'), plan[0]!.dueOn)
    await form.getByTestId('field-plan-0-principal').fill('5000')
    await form
      .getByRole('button', { name: language === 'en' ? 'Add an installment' : '添加一期' })
      .click()
    await fillDate(form.getByTestId('field-plan-1-dueOn'), plan[1]!.dueOn)
    await form.getByTestId('field-plan-1-principal').fill('5,000.00')
    await expectNoSeriousViolations(page, 'contact dialog')
    await expectFits(page, 'contact dialog')
    await page.screenshot({ path: screenshotPath(`contact-dialog-plan-${language}`) })
    await page.locator('.modal').evaluate((modal) => modal.scrollTo(0, 0))
    await page.screenshot({ path: screenshotPath(`contact-dialog-${language}`) })
    await form.getByRole('button', { name: text.save }).click()
    await form.waitFor({ state: 'detached' })

    // Contact and event were saved together.
    const contacts = (await callApi(app, 'contacts.list', { loanId })) as ContactRow[]
    expect(contacts.map((row) => row.occurredAt)).toEqual([`${today}T10:30`, `${yesterday}T23:00`])
    expect(contacts[0]).toMatchObject({
      party: 'lender',
      direction: 'outgoing',
      followUpOn,
      promises: '三天内短信确认方案',
      violations: [],
    })
    const events = (await callApi(app, 'events.list', { loanId })) as LoanEventRow[]
    expect(events.map((row) => row.event)).toEqual([
      {
        type: 'agreed_plan',
        on: today,
        installments: plan.map((item) => ({ ...item, interestFen: 0 })),
      },
    ])

    // Editing a contact opens it as logged and changes only what was changed.
    await page.getByTestId(`contact-${night!.id}`).getByRole('button', { name: text.edit }).click()
    form = page.getByTestId('contact-form')
    await form.waitFor()
    expect(await form.getByLabel(text.who, { exact: true }).inputValue()).toBe(night!.who)
    expect(await form.getByTestId('contact-has-plan').count()).toBe(0)
    await form.getByLabel(text.promises, { exact: true }).fill('下周一前还500元')
    await form.getByRole('button', { name: text.save }).click()
    await form.waitFor({ state: 'detached' })
    const edited = (await callApi(app, 'contacts.list', { loanId })) as ContactRow[]
    expect(edited[1]).toEqual({ ...night, promises: '下周一前还500元' })

    await checkLoanPage(app, page, language, loanId)
    await expectNoSeriousViolations(page, 'loan page with contacts')
    await expectFits(page, 'loan page with contacts')
    await shootContacts(page, `contacts-${language}`)

    // The dashboard lists the follow-up, linking to the loan.
    await page.getByRole('link', { name: text.overview, exact: true }).click()
    await checkDashboard(page, language, contacts[0]!.id, followUpOn)
    await expectNoSeriousViolations(page, 'dashboard with follow-ups')
    await expectFits(page, 'dashboard with follow-ups')
    await page.getByTestId('follow-ups').evaluate((element) => element.scrollIntoView())
    await page.screenshot({ path: screenshotPath(`dashboard-follow-ups-${language}`) })

    // Reload: all of it is still there.
    await page.reload()
    await checkDashboard(page, language, contacts[0]!.id, followUpOn)
    await page.getByTestId(`follow-up-${contacts[0]!.id}`).getByRole('link').click()
    await page.locator('#contacts-title').waitFor()
    await checkLoanPage(app, page, language, loanId)
    const followUps = (await callApi(app, 'contacts.followUps', {})) as FollowUp[]
    expect(followUps.map((item) => [item.contactId, item.daysUntil])).toEqual([
      [contacts[0]!.id, 3],
    ])
  } finally {
    await page.context().close()
  }

  // The same page in the dark theme.
  const dark = await openLoanPage(app, language, loanId, 'dark')
  try {
    await dark.getByTestId('contact-flag').waitFor()
    await expectNoSeriousViolations(dark, 'loan page with contacts (dark)')
    await expectFits(dark, 'loan page with contacts (dark)')
    await shootContacts(dark, `contacts-dark-${language}`)
  } finally {
    await dark.context().close()
  }
}

/** The loan page shows both contacts (the night call flagged), the plan and its installments. */
async function checkLoanPage(
  app: ServedApp,
  page: Page,
  language: Language,
  loanId: number,
): Promise<void> {
  const text = TEXT[language]
  const list = page.getByTestId('contact-list')
  await expect.poll(() => list.locator(':scope > li').count()).toBe(2)
  // Newest first: the call with the lender, then the flagged night call.
  const items = list.locator(':scope > li')
  expect(await items.nth(0).getByTestId('contact-flag').count()).toBe(0)
  expect(await items.nth(0).textContent()).toContain('三天内短信确认方案')
  expect(await items.nth(1).getByTestId('violation-night').count()).toBe(1)

  const agreements = page.locator('section', { has: page.locator('#events-title') })
  expect(await page.locator('#events-title').textContent()).toBe(text.agreements)
  await expect.poll(() => agreements.locator('.event').count()).toBe(1)
  expect(await agreements.locator('.event').textContent()).toContain(text.planEvent)

  const ledger = (await callApi(app, 'loans.ledger', { id: loanId })) as Ledger
  const planLines = ledger.installments.filter((line) => line.origin === 'agreed_plan')
  expect(planLines).toHaveLength(2)
  const schedule = page.getByTestId('schedule')
  for (const line of planLines) {
    await schedule
      .getByTestId(`installment-${line.index}`)
      .getByText(text.planNumber(line.index + 1))
      .waitFor()
  }
}

async function checkDashboard(
  page: Page,
  language: Language,
  contactId: number,
  followUpOn: CivilDate,
): Promise<void> {
  const text = TEXT[language]
  const followUps = page.getByTestId('follow-ups')
  await followUps.waitFor()
  expect(await followUps.getByRole('heading', { level: 2 }).textContent()).toBe(text.followUps)
  const item = followUps.getByTestId(`follow-up-${contactId}`)
  const itemText = (await item.textContent()) ?? ''
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })
  expect(itemText).toContain(date.format(new Date(`${followUpOn}T00:00:00Z`)))
  expect(itemText).toContain(text.inDays)
  expect(itemText).toContain('微粒贷')
  expect(itemText).toContain('三天内短信确认方案')
}

describe('the contact log in Chromium', () => {
  it.each(['zh-CN', 'en'] as const)(
    'in %s: a flagged night call, a call that agreed a plan, a follow-up; reload',
    async (language) => {
      const app = await serveApp(tempDir())
      try {
        await runContacts(app, language)
      } finally {
        await app.stop()
      }
    },
  )
})
