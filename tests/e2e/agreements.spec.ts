import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { LoanEventRow } from '@shared/api/records'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import type { LoanEvent } from '@shared/engine/terms'
import { formatFen } from '@shared/money'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import {
  callApi,
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
} from './support/browser'

/**
 * Recording what the lender agreed, on the loan page in Chromium: a 停息 waiver on the seed's
 * 微粒贷 two months overdue stops the daily growth at once, and a settlement caps what clearing
 * the loan costs, both exactly as the engine says; a bad amount is refused at its field and
 * nothing is saved; after a reload the agreements are still there.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TEXT = {
  'zh-CN': {
    record: '记录协商结果',
    settlement: '协商结清',
    amount: '约定的结清金额（元）',
    save: '保存',
    badAmount: '请输入以元为单位的金额，最多两位小数',
  },
  en: {
    record: 'Record an agreement',
    settlement: 'Settlement',
    amount: 'Settlement amount (yuan)',
    save: 'Save',
    badAmount: 'Enter an amount in yuan, with at most two decimals',
  },
} as const

async function expectClean(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
  expect(await horizontalOverflow(page), `${screen} is wider than the window`).toBe(0)
}

describe('recording agreements in Chromium', () => {
  it.each(['zh-CN', 'en'] as const)(
    'a 停息 waiver and a settlement change the figures as the engine says, and stay (%s)',
    async (language) => {
      const app = await serveApp(tempDir())
      const context = await browser().newContext({
        locale: language === 'en' ? 'en-US' : 'zh-CN',
        viewport: { width: 1024, height: 700 },
      })
      try {
        const text = TEXT[language]
        const today = systemClock.today()
        const terms = presetTerms('webank', {
          principalFen: 1_000_000,
          disbursedOn: addDays(addMonths(today, -3), 15),
        })
        const loan = (await callApi(app, 'loans.create', {
          name: '微粒贷',
          lenderKind: 'webank',
          presetId: 'webank',
          terms,
        })) as { id: number }
        const before = computeLedger(terms, [], [], today)
        expect(before.dailyAccrual.fen).toBeGreaterThan(0)

        const page = await context.newPage()
        await page.goto(`${app.url}#/loans/${loan.id}`)
        const eachDay = page.getByTestId('loan-each-day')
        await eachDay.waitFor()
        expect(await eachDay.textContent()).toBe(formatFen(before.dailyAccrual.fen, language))

        // A 停息 waiver, the dialog's first choice with its defaults: penalty, compound interest
        // and fees waived, charges stopped from today.
        await page.getByRole('button', { name: text.record }).click()
        const form = page.getByTestId('agreement-form')
        await form.waitFor()
        await expectClean(page, 'agreement dialog')
        await page.screenshot({ path: screenshotPath(`agreement-dialog-${language}`) })
        await form.getByRole('button', { name: text.save, exact: true }).click()
        await form.waitFor({ state: 'detached' })
        const waiver: LoanEvent = {
          type: 'waiver',
          on: today,
          components: ['penalty', 'compound', 'fee'],
          stopFurtherCharges: true,
        }
        const waived = computeLedger(terms, [waiver], [], today)
        await expect.poll(() => eachDay.textContent()).toBe(formatFen(0, language))
        expect(waived.dailyAccrual.fen).toBe(0)
        expect(await page.getByTestId('loan-due-now').textContent()).toBe(
          formatFen(waived.dueNowFen, language),
        )

        // A settlement: a bad amount is named at its field and saves nothing.
        await page.getByRole('button', { name: text.record }).click()
        await form.waitFor()
        await form.locator('.preset-choice', { hasText: text.settlement }).click()
        const amount = form.getByLabel(text.amount)
        await amount.fill('12.345')
        await form.getByRole('button', { name: text.save, exact: true }).click()
        await form.getByText(text.badAmount).waitFor()
        expect(await amount.getAttribute('aria-invalid')).toBe('true')
        expect(await callApi(app, 'events.list', { loanId: loan.id })).toHaveLength(1)
        await expectClean(page, 'agreement dialog with an error')
        await page.screenshot({ path: screenshotPath(`agreement-dialog-settlement-${language}`) })
        // 8,000.00 settles it: clearing the loan now costs at most that.
        await amount.fill('8000')
        await form.getByRole('button', { name: text.save, exact: true }).click()
        await form.waitFor({ state: 'detached' })
        const settlement: LoanEvent = { type: 'settlement', on: today, amountFen: 800_000 }
        const settled = computeLedger(terms, [waiver, settlement], [], today)
        expect(settled.payoffFen).toBe(800_000)

        // Reload: both agreements are listed and stored as typed.
        await page.reload()
        const events = page.locator('.event-list .event')
        await expect.poll(() => events.count()).toBe(2)
        const stored = (await callApi(app, 'events.list', { loanId: loan.id })) as LoanEventRow[]
        expect(stored.map((row) => row.event)).toEqual([waiver, settlement])
        expect(await page.getByTestId('loan-payoff').textContent()).toBe(
          formatFen(settled.payoffFen, language),
        )
        await page
          .getByRole('heading', { name: /协商与调整|Agreements and changes/ })
          .scrollIntoViewIfNeeded()
        await expectClean(page, 'loan page with agreements')
        await page.screenshot({ path: screenshotPath(`agreements-${language}`) })
      } finally {
        await context.close()
      }
    },
  )
})
