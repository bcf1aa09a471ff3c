import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Loan } from '@shared/api/records'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { formatFen } from '@shared/money'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import { fillDate } from './support/forms'
import {
  callApi,
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
} from './support/browser'

/**
 * The loan forms beyond the main workflow: keyboard-only use, a credit card, installments typed
 * as the lender's app shows them, editing a loan; in the dark theme, at 1024×700.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

async function newPage(locale: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser().newContext({
    locale,
    colorScheme,
    viewport: { width: 1024, height: 700 },
  })
  return context.newPage()
}

/** The accessible text of the focused element (its label or its text). */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (element === null) return ''
    const labelled = element.getAttribute('aria-label')
    const label = element.id === '' ? null : document.querySelector(`label[for="${element.id}"]`)
    return labelled ?? label?.textContent ?? element.textContent ?? ''
  })
}

/** Presses Tab until the focused element's text is `name` (at most `limit` presses). */
async function tabTo(page: Page, name: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focusedText(page)).trim() === name) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached "${name}"; focus is on "${await focusedText(page)}"`)
}

/** Fails when the page scrolls sideways at this width: something is too wide. */
async function expectNoHorizontalOverflow(page: Page, screen: string): Promise<void> {
  expect(await horizontalOverflow(page), `${screen} is wider than the window`).toBe(0)
}

describe('the loan forms in Chromium', () => {
  it('adds a loan, opens it and logs a payment with the keyboard alone (zh-CN, dark)', async () => {
    const app = await serveApp(tempDir())
    const page = await newPage('zh-CN', 'dark')
    try {
      const today = systemClock.today()
      const disbursedOn = addDays(addMonths(today, -3), 15)
      const [year, month, day] = disbursedOn.split('-') as [string, string, string]
      await page.goto(app.url)
      await page.getByRole('button', { name: '添加贷款' }).waitFor()

      await tabTo(page, '添加贷款')
      await page.keyboard.press('Enter')
      await page.getByTestId('loan-form').waitFor()
      // Focus is inside the dialog; the preset radios come first, WeBank chosen.
      await tabTo(page, '名称')
      await page.keyboard.type('微粒贷')
      await tabTo(page, '借款本金（元）')
      await page.keyboard.type('10000')
      await page.keyboard.press('Tab')
      // The date field's segments, year first in Chinese; each moves on when complete.
      await page.keyboard.type(`${year}${month}${day}`)
      await tabTo(page, '保存')
      await page.keyboard.press('Enter')

      const stage = page.getByTestId('loan-stage')
      await stage.waitFor()
      expect(await stage.textContent()).toBe('M2')
      const [summary] = (await callApi(app, 'loans.list', {})) as { loan: Loan }[]
      expect(summary?.loan.terms).toEqual(
        presetTerms('webank', { principalFen: 1_000_000, disbursedOn }),
      )

      // The payment dialog opens from the keyboard, Escape closes it, focus goes back.
      await tabTo(page, '记录还款')
      await page.keyboard.press('Enter')
      await page.getByTestId('payment-form').waitFor()
      await page.keyboard.press('Escape')
      await page.getByTestId('payment-form').waitFor({ state: 'detached' })
      expect((await focusedText(page)).trim()).toBe('记录还款')
      await page.keyboard.press('Enter')
      await page.getByTestId('payment-preview').waitFor()
      await tabTo(page, '保存还款')
      await page.keyboard.press('Enter')
      await expect.poll(() => stage.textContent()).toBe('正常')

      // From the overview, the loan's row opens with the arrow keys and Enter.
      await tabTo(page, '总览')
      await page.keyboard.press('Enter')
      const row = page.getByTestId(`loan-row-${summary?.loan.id}`)
      await row.waitFor()
      await tabTo(page, '添加贷款')
      await page.keyboard.press('Tab')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await stage.waitFor()
      expect(page.url()).toContain(`#/loans/${summary?.loan.id}`)

      await expectNoHorizontalOverflow(page, 'loan page (dark)')
      expect(await seriousA11yViolations(page)).toEqual([])
      await page.screenshot({ path: screenshotPath('loan-page-dark-zh-CN'), fullPage: true })
    } finally {
      await page.context().close()
      await app.stop()
    }
  })

  it('takes a credit card, installments as the app shows them, and an edit (en, dark)', async () => {
    const app = await serveApp(tempDir())
    const page = await newPage('en-US', 'dark')
    try {
      const today = systemClock.today()
      await page.goto(app.url)
      await page.getByRole('button', { name: 'Add a loan' }).click()
      const form = page.getByTestId('loan-form')
      await form.locator('.preset-choice', { hasText: 'Credit card' }).click()
      await form.getByLabel('Name', { exact: true }).fill('CMB card')
      await form.getByLabel('Statement balance (yuan)').fill('20000')
      const postedOn = addDays(today, -100)
      await fillDate(page.getByTestId('field-disbursedOn'), postedOn)
      await fillDate(page.getByTestId('field-cardStatementOn'), postedOn)
      await expectNoHorizontalOverflow(page, 'card form')
      expect(await seriousA11yViolations(page)).toEqual([])
      await page.screenshot({ path: screenshotPath('loan-form-card-dark-en') })
      await form.getByRole('button', { name: 'Save', exact: true }).click()
      await page.getByTestId('loan-stage').waitFor()
      const card = presetTerms('credit_card', { principalFen: 2_000_000, disbursedOn: postedOn })
      const cardLedger = computeLedger(card, [], [], today)
      expect(await page.getByTestId('loan-stage').textContent()).toBe(cardLedger.stage.label)
      expect(await page.getByTestId('loan-due-now').textContent()).toBe(
        formatFen(cardLedger.dueNowFen, 'en'),
      )

      // A loan whose app shows a schedule of its own: two installments typed in as shown.
      await page.getByRole('link', { name: 'Loans', exact: true }).click()
      await page.getByRole('button', { name: 'Add a loan' }).click()
      await form.getByLabel('Name', { exact: true }).fill('Weilidai (as shown)')
      await form.getByLabel('Amount borrowed (yuan)').fill('3000')
      const disbursedOn = addMonths(today, -2)
      await fillDate(page.getByTestId('field-disbursedOn'), disbursedOn)
      await form.getByLabel('Repayment method').selectOption('custom')
      const schedule = [
        { dueOn: addMonths(disbursedOn, 1), principal: '1000', interest: '45.00' },
        { dueOn: addMonths(disbursedOn, 2), principal: '2000', interest: '30.50' },
      ]
      for (const [index, item] of schedule.entries()) {
        await form.getByRole('button', { name: 'Add an installment' }).click()
        const row = form.locator('.installment-row').nth(index)
        await fillDate(row.locator('.date-field'), item.dueOn)
        await row.getByLabel('Principal (yuan)').fill(item.principal)
        await row.getByLabel('Interest (yuan)').fill(item.interest)
      }
      await page.screenshot({ path: screenshotPath('loan-form-installments-dark-en') })
      await form.getByRole('button', { name: 'Save', exact: true }).click()
      await page.getByTestId('loan-stage').waitFor()
      const loans = (await callApi(app, 'loans.list', {})) as { loan: Loan }[]
      const custom = loans.find(({ loan }) => loan.name === 'Weilidai (as shown)')?.loan
      expect(custom?.terms.schedule).toEqual({
        method: 'custom',
        installments: [
          { dueOn: schedule[0]?.dueOn, principalFen: 100_000, interestFen: 4_500 },
          { dueOn: schedule[1]?.dueOn, principalFen: 200_000, interestFen: 3_050 },
        ],
      })
      expect(await page.getByTestId('schedule').locator('tbody tr').count()).toBe(2)

      // Edit: a lower rate changes what is owed, as the engine says.
      await page.getByRole('button', { name: 'Edit' }).click()
      await form.getByRole('textbox', { name: 'Contract rate' }).fill('0.02')
      await form.getByRole('button', { name: 'Save', exact: true }).click()
      await form.waitFor({ state: 'detached' })
      const edited = (await callApi(app, 'loans.get', { id: custom?.id })) as Loan
      expect(edited.terms.rate).toEqual({ value: '0.0002', per: 'day' })
      const ledger = computeLedger(edited.terms, [], [], today)
      await expect
        .poll(() => page.getByTestId('loan-payoff').textContent())
        .toBe(formatFen(ledger.payoffFen, 'en'))
      await expectNoHorizontalOverflow(page, 'loan page (dark)')
      expect(await seriousA11yViolations(page)).toEqual([])
      await page.screenshot({ path: screenshotPath('loan-page-dark-en'), fullPage: true })
    } finally {
      await page.context().close()
      await app.stop()
    }
  })
})
