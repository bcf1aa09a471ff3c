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
  type ServedApp,
} from './support/browser'

/**
 * The everyday workflow, through the UI only, against `npm run serve` with a fresh data folder:
 * add a 微粒贷 loan two months overdue, see M2 and the engine's amounts, log a payment of the
 * overdue amount, see the stage and totals change as the engine says, reload, and find it all
 * still there. The same flow runs in zh-CN and in en; every screen is checked with axe-core and
 * photographed in both languages.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TEXT = {
  'zh-CN': {
    addLoan: '添加贷款',
    name: '名称',
    lender: '放款机构',
    principal: '借款本金（元）',
    save: '保存',
    logPayment: '记录还款',
    savePayment: '保存还款',
    current: '正常',
    overview: '总览',
    loans: '贷款',
  },
  en: {
    addLoan: 'Add a loan',
    name: 'Name',
    lender: 'Lender',
    principal: 'Amount borrowed (yuan)',
    save: 'Save',
    logPayment: 'Log a payment',
    savePayment: 'Save payment',
    current: 'Current',
    overview: 'Overview',
    loans: 'Loans',
  },
} as const
type Language = keyof typeof TEXT

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

/** The whole page; a screen with a dialog open is taken as the window shows it. */
async function shoot(page: Page, name: string, { dialog = false } = {}): Promise<void> {
  // Nothing may be wider than the 1024 px window.
  expect(await horizontalOverflow(page), `${name} is wider than the window`).toBe(0)
  await page.screenshot({ path: screenshotPath(name), fullPage: !dialog })
}

async function runWorkflow(app: ServedApp, language: Language): Promise<void> {
  const text = TEXT[language]
  const today = systemClock.today()
  // First installment a month after disbursement, 46 days before today: M2 (31–60 days).
  const disbursedOn = addDays(addMonths(today, -3), 15)
  const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn })
  const before = computeLedger(terms, [], [], today)
  expect(before.stage.label).toBe('M2')

  const context = await browser().newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width: 1024, height: 700 },
  })
  const page = await context.newPage()
  try {
    await page.goto(app.url)
    // The empty dashboard leads to adding the first loan.
    const add = page.getByRole('button', { name: text.addLoan })
    await add.waitFor()
    await expectNoSeriousViolations(page, 'empty dashboard')
    await shoot(page, `dashboard-empty-${language}`)

    await add.click()
    const form = page.getByTestId('loan-form')
    await form.waitFor()
    // The WeBank preset is chosen first; its defaults show where they come from.
    expect(await form.getByRole('radio', { checked: true }).count()).toBe(1)
    expect(await form.locator('.source-note').count()).toBeGreaterThan(3)
    // Saving empty names the fields at fault and saves nothing.
    await form.getByRole('button', { name: text.save, exact: true }).click()
    await form.getByTestId('form-has-errors').waitFor()
    expect(await form.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(2)
    expect(await callApi(app, 'loans.list', {})).toEqual([])
    await expectNoSeriousViolations(page, 'loan form')
    await shoot(page, `loan-form-errors-${language}`, { dialog: true })

    await form.getByLabel(text.name, { exact: true }).fill('微粒贷')
    await form.getByLabel(text.lender, { exact: true }).fill('微众银行')
    await form.getByLabel(text.principal).fill('10,000')
    await fillDate(page.getByTestId('field-disbursedOn'), disbursedOn)
    await shoot(page, `loan-form-${language}`, { dialog: true })
    await form.getByRole('button', { name: text.save, exact: true }).click()

    // Saved: the new loan's page opens with where it stands.
    const stage = page.getByTestId('loan-stage')
    await stage.waitFor()
    expect(await stage.textContent()).toBe('M2')
    const [stored] = (await callApi(app, 'loans.list', {})) as { loan: Loan }[]
    // The form produced exactly the preset's terms from the amount and date typed.
    expect(stored?.loan.terms).toEqual(terms)
    expect(await page.getByTestId('loan-due-now').textContent()).toBe(
      formatFen(before.dueNowFen, language),
    )
    expect(await page.getByTestId('loan-days-overdue').textContent()).toBe(
      String(before.daysOverdue),
    )
    expect(await page.getByTestId('loan-each-day').textContent()).toBe(
      formatFen(before.dailyAccrual.fen, language),
    )
    await page.getByTestId('cost-of-waiting').waitFor()
    await expectNoSeriousViolations(page, 'loan page')
    await shoot(page, `loan-page-${language}`)

    // The dashboard shows the same figures.
    await page.getByRole('link', { name: text.overview, exact: true }).click()
    const loanId = stored?.loan.id ?? 0
    const row = page.getByTestId(`loan-row-${loanId}`)
    await row.waitFor()
    expect(await row.locator('.stage-badge').textContent()).toBe('M2')
    expect(await page.getByTestId('overdue-now').textContent()).toBe(
      formatFen(before.overdueFen, language),
    )
    expect(await page.getByTestId('total-owed').textContent()).toBe(
      formatFen(before.payoffFen, language),
    )
    await expectNoSeriousViolations(page, 'dashboard')
    await shoot(page, `dashboard-${language}`)

    // Log a payment of the overdue amount from the loan page (reached from its row).
    await row.click()
    await page.getByRole('button', { name: text.logPayment }).click()
    const paymentForm = page.getByTestId('payment-form')
    await paymentForm.waitFor()
    const preview = paymentForm.getByTestId('payment-preview')
    await preview.waitFor()
    const after = computeLedger(terms, [], [{ paidOn: today, amountFen: before.overdueFen }], today)
    // The amount is prefilled with what is overdue, and the preview is the engine's.
    expect(
      await preview.getByTestId('preview-stage').locator('.stage-badge').allTextContents(),
    ).toEqual(['M2', after.stage.code === 'current' ? text.current : after.stage.label])
    expect(await preview.getByTestId('preview-payoff').textContent()).toBe(
      formatFen(after.payoffFen, language),
    )
    await expectNoSeriousViolations(page, 'payment dialog')
    await shoot(page, `payment-dialog-${language}`, { dialog: true })
    await paymentForm.getByRole('button', { name: text.savePayment }).click()
    await paymentForm.waitFor({ state: 'detached' })

    await expect.poll(() => stage.textContent()).toBe(text.current)
    expect(await page.getByTestId('loan-due-now').textContent()).toBe(
      formatFen(after.dueNowFen, language),
    )
    await page.getByTestId('payments').waitFor()
    await shoot(page, `loan-page-paid-${language}`)

    // Reload: everything is still there, and the dashboard's totals moved as the engine says.
    await page.reload()
    await page.getByRole('link', { name: text.overview, exact: true }).click()
    await row.waitFor()
    expect(await row.locator('.stage-badge').textContent()).toBe(text.current)
    expect(await page.getByTestId('overdue-now').textContent()).toBe(
      formatFen(after.overdueFen, language),
    )
    expect(await page.getByTestId('total-owed').textContent()).toBe(
      formatFen(after.payoffFen, language),
    )
    await page.getByRole('link', { name: text.loans, exact: true }).click()
    await page.getByTestId(`loan-row-${loanId}`).waitFor()
    await expectNoSeriousViolations(page, 'loans page')
    await shoot(page, `loans-${language}`)
  } finally {
    await context.close()
  }
}

describe('the everyday workflow in Chromium', () => {
  it.each(['zh-CN', 'en'] as const)(
    'in %s: add a 微粒贷 loan two months overdue, pay the overdue part, reload',
    async (language) => {
      const app = await serveApp(tempDir())
      try {
        await runWorkflow(app, language)
      } finally {
        await app.stop()
      }
    },
  )
})
