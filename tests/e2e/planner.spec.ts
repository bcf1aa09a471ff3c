import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, systemClock } from '@shared/dates'
import {
  comparePlans,
  planAllOrders,
  type PlannerLoan,
  type PortfolioPlan,
} from '@shared/engine/planner'
import { presetTerms } from '@shared/engine/presets'
import type { LoanTerms, Payment } from '@shared/engine/terms'
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
 * The payoff planner against `npm run serve` with a fresh data folder: three loans made through
 * the API (a 微粒贷 two months overdue with a part payment, a credit card past its due date, a
 * private loan not yet due), a monthly budget typed in yuan, and every figure on the screen —
 * each loan's total and clear date under each order, the totals, what to pay today, the saving —
 * equal to the engine's `planPortfolio` on the same terms and payments. The user's own order is
 * set with the keyboard. With one loan left, the planner's figures equal `loans.projection`'s
 * budget plan. Both languages, light and dark; axe and a 1024 px width check on each.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TEXT = {
  'zh-CN': { nav: '还款规划', budget: '每月能拿出的钱（元）', plan: '计算', custom: '自定义顺序' },
  en: {
    nav: 'Payoff planner',
    budget: 'Monthly budget (yuan)',
    plan: 'Plan',
    custom: 'Your own order',
  },
} as const
type Language = keyof typeof TEXT

const BUDGET_FEN = 300_000
const BUDGET_TEXT = '3,000'

interface SeededLoan {
  id: number
  name: string
  terms: LoanTerms
  payments: Payment[]
}

async function createLoan(
  app: ServedApp,
  name: string,
  presetId: 'webank' | 'credit_card' | 'private_loan',
  terms: LoanTerms,
  payments: Payment[] = [],
): Promise<SeededLoan> {
  const lenderKind = presetId === 'private_loan' ? 'private' : presetId
  const loan = (await callApi(app, 'loans.create', { name, lenderKind, presetId, terms })) as {
    id: number
  }
  for (const payment of payments)
    await callApi(app, 'payments.add', { loanId: loan.id, ...payment })
  return { id: loan.id, name, terms, payments }
}

async function seed(app: ServedApp): Promise<SeededLoan[]> {
  const today = systemClock.today()
  return [
    await createLoan(
      app,
      '微粒贷',
      'webank',
      presetTerms('webank', {
        principalFen: 1_000_000,
        disbursedOn: addDays(addMonths(today, -3), 15),
      }),
      [{ paidOn: addDays(today, -20), amountFen: 50_000 }],
    ),
    await createLoan(
      app,
      '招行信用卡',
      'credit_card',
      presetTerms('credit_card', { principalFen: 800_000, disbursedOn: addMonths(today, -2) }),
    ),
    await createLoan(
      app,
      '借朋友的钱',
      'private_loan',
      presetTerms('private_loan', {
        principalFen: 300_000,
        disbursedOn: addMonths(today, -4),
        periods: 12,
      }),
    ),
  ]
}

function plannerLoans(loans: SeededLoan[]): PlannerLoan[] {
  return loans.map(({ id, terms, payments }) => ({ id, terms, events: [], payments }))
}

/** What one cell of the comparison shows: the total as text and the clear date (null: never). */
async function cellFigures(cell: Locator): Promise<{ total: string; clearedOn: string | null }> {
  const total = (await cell.locator('.plan-total').textContent()) ?? ''
  const time = cell.locator('time')
  const clearedOn = (await time.count()) === 0 ? null : await time.getAttribute('datetime')
  return { total, clearedOn }
}

/** Every figure of the results against the engine's plans. */
async function expectEngineFigures(
  page: Page,
  plans: PortfolioPlan[],
  chosen: PortfolioPlan,
  language: Language,
): Promise<void> {
  const money = (fen: number) => formatFen(fen, language)
  const today = systemClock.today()
  const compare = page.getByTestId('planner-compare')
  for (const plan of plans) {
    for (const loan of plan.loans) {
      expect(
        await cellFigures(compare.getByTestId(`plan-${plan.order}-${loan.id}`)),
        `${plan.order}, loan ${loan.id}`,
      ).toEqual({ total: money(loan.totalPaidFen), clearedOn: loan.clearedOn })
    }
    expect(await cellFigures(compare.getByTestId(`plan-${plan.order}-all`)), plan.order).toEqual({
      total: money(plan.totalPaidFen),
      clearedOn: plan.clearedOn,
    })
  }
  // No column for an order the engine did not plan.
  expect(await compare.locator('[data-testid^="plan-"][data-testid$="-all"]').count()).toBe(
    plans.length,
  )

  // The chosen order: loans in its sequence, what to pay today, clear dates and totals.
  const table = page.getByTestId('planner-chosen')
  const rows = table.locator('[data-testid^="chosen-"]')
  expect(
    await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid'))),
  ).toEqual([...chosen.loans.map((loan) => `chosen-${loan.id}`), 'chosen-all'])
  let todayTotal = 0
  for (const loan of chosen.loans) {
    const row = table.getByTestId(`chosen-${loan.id}`)
    const todayFen = loan.payments[0]?.paidOn === today ? loan.payments[0].amountFen : 0
    todayTotal += todayFen
    expect(await row.getByTestId('pay-today').textContent()).toBe(money(todayFen))
    expect(await row.getByTestId('total').textContent()).toBe(money(loan.totalPaidFen))
    expect(await row.locator('time').getAttribute('datetime')).toBe(loan.clearedOn)
  }
  // The whole budget goes out today (what is owed is far more than one month's budget).
  expect(todayTotal).toBe(BUDGET_FEN)
  expect(await table.getByTestId('chosen-all').getByTestId('pay-today').textContent()).toBe(
    money(todayTotal),
  )

  // The verdict: what the cheapest order saves against the dearest.
  const comparison = comparePlans(plans)
  const verdict = page.getByTestId('planner-saving')
  expect(await verdict.getAttribute('data-saving-fen')).toBe(String(comparison.savingFen))
  if (comparison.savingFen > 0) {
    expect(await verdict.textContent()).toContain(money(comparison.savingFen))
  }
  // The cheapest order's column is the one marked.
  for (const plan of plans) {
    const classes = await compare.getByTestId(`plan-${plan.order}-all`).getAttribute('class')
    expect(classes?.split(' ').includes('plan-best'), plan.order).toBe(
      comparison.bestOrders.includes(plan.order),
    )
  }
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

/** Waits for the answer for this budget (not a previous one still shown while it loads). */
async function settledResults(page: Page, budgetFen: number): Promise<void> {
  await page
    .locator(
      `[data-testid="planner-results"][data-updating="false"][data-budget-fen="${budgetFen}"]`,
    )
    .waitFor()
}

async function runPlanner(app: ServedApp, language: Language, dark: boolean): Promise<void> {
  const text = TEXT[language]
  const today = systemClock.today()
  const suffix = `${language}${dark ? '-dark' : ''}`

  const context = await browser().newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width: 1024, height: 700 },
    colorScheme: dark ? 'dark' : 'light',
  })
  const page = await context.newPage()
  try {
    // With no loan there is nothing to plan: the page says so and offers no form.
    await page.goto(app.url)
    await page.getByRole('link', { name: text.nav, exact: true }).click()
    await page.getByTestId('planner-empty').waitFor()
    expect(await page.getByLabel(text.budget).count()).toBe(0)

    const loans = await seed(app)
    const engineLoans = plannerLoans(loans)
    await page.reload()
    const budget = page.getByLabel(text.budget)
    await budget.waitFor()
    // An amount that is not yuan is refused in words, and nothing is planned.
    await budget.fill('3000.555')
    await page.getByRole('button', { name: text.plan, exact: true }).click()
    await page.locator('.field-error').waitFor()
    expect(await page.getByTestId('planner-results').count()).toBe(0)

    // ¥1 a month never catches up: no order clears, and the page says so instead of a saving.
    await budget.fill('1')
    await page.getByRole('button', { name: text.plan, exact: true }).click()
    await settledResults(page, 100)
    const hopeless = planAllOrders(engineLoans, today, 100)
    expect(hopeless.every((plan) => !plan.clears)).toBe(true)
    const verdict = page.getByTestId('planner-saving')
    expect(await verdict.getAttribute('class')).toContain('planner-verdict-bad')
    expect(await verdict.textContent()).toContain(formatFen(100, language))
    expect(await page.getByTestId('plan-overdue_first-all').locator('.plan-never').count()).toBe(1)
    expect(
      await page.getByTestId('plan-overdue_first-all').locator('.plan-total').textContent(),
    ).toBe(formatFen(hopeless[0]!.totalPaidFen, language))
    expect(await page.getByTestId('planner-chart').count()).toBe(0)

    await budget.fill(BUDGET_TEXT)
    await page.getByRole('button', { name: text.plan, exact: true }).click()
    await settledResults(page, BUDGET_FEN)
    const plans = planAllOrders(engineLoans, today, BUDGET_FEN)
    expect(plans.map((plan) => plan.order)).toEqual(['overdue_first', 'avalanche', 'snowball'])
    await expectEngineFigures(page, plans, plans[0]!, language)
    expect(await horizontalOverflow(page)).toBe(0)
    await expectNoSeriousViolations(page, 'planner')

    // The user's own order, with the keyboard: the last loan moves to the top.
    await page.getByRole('radio', { name: text.custom }).focus()
    await page.keyboard.press('Space')
    const list = page.getByTestId('custom-order')
    await list.waitFor()
    const listed = await list
      .locator('[data-testid^="custom-order-"]')
      .evaluateAll((nodes) =>
        nodes.map((n) => Number(n.getAttribute('data-testid')?.replace('custom-order-', ''))),
      )
    expect([...listed].sort()).toEqual(loans.map((loan) => loan.id).sort())
    const last = loans.find((loan) => loan.id === listed.at(-1))!
    const moveUp = list.getByRole('button', { name: new RegExp(last.name) }).first()
    await moveUp.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    // Focus follows the loan: at the top its Move up is disabled, so Move down has it.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    expect(focused).toContain(last.name)
    const custom = [last.id, ...listed.slice(0, -1)]
    await expect
      .poll(() =>
        list
          .locator('[data-testid^="custom-order-"]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid'))),
      )
      .toEqual(custom.map((id) => `custom-order-${id}`))
    await page.getByTestId('plan-custom-all').waitFor()
    await settledResults(page, BUDGET_FEN)
    const withCustom = planAllOrders(engineLoans, today, BUDGET_FEN, custom)
    expect(withCustom.map((plan) => plan.order)).toEqual([
      'overdue_first',
      'avalanche',
      'snowball',
      'custom',
    ])
    await expectEngineFigures(page, withCustom, withCustom[3]!, language)
    await page.getByTestId('planner-chart').locator('.recharts-bar-rectangle').first().waitFor()
    expect(await horizontalOverflow(page), 'the planner is wider than the window').toBe(0)
    await expectNoSeriousViolations(page, 'planner with a custom order')
    await page.screenshot({ path: screenshotPath(`planner-${suffix}`), fullPage: true })

    // One loan left: the planner's plan is the engine's single-loan projection.
    const [kept, ...others] = loans
    for (const other of others)
      await callApi(app, 'loans.archive', { id: other.id, archived: true })
    await page.reload()
    await page.getByLabel(text.budget).fill(BUDGET_TEXT)
    await page.getByRole('button', { name: text.plan, exact: true }).click()
    await settledResults(page, BUDGET_FEN)
    const projection = (await callApi(app, 'loans.projection', {
      id: kept!.id,
      monthlyBudgetFen: BUDGET_FEN,
    })) as { budgetPlan: { clearedOn: string | null; totalPaidFen: number; payments: Payment[] } }
    const single = planAllOrders(plannerLoans([kept!]), today, BUDGET_FEN)
    expect(single[0]!.loans[0]).toEqual({
      id: kept!.id,
      clearedOn: projection.budgetPlan.clearedOn,
      totalPaidFen: projection.budgetPlan.totalPaidFen,
      payments: projection.budgetPlan.payments,
    })
    for (const order of ['overdue_first', 'avalanche', 'snowball']) {
      expect(
        await cellFigures(page.getByTestId(`plan-${order}-${kept!.id}`)),
        `${order}: one loan`,
      ).toEqual({
        total: formatFen(projection.budgetPlan.totalPaidFen, language),
        clearedOn: projection.budgetPlan.clearedOn,
      })
    }
    expect(
      await page.getByTestId(`chosen-${kept!.id}`).getByTestId('pay-today').textContent(),
    ).toBe(formatFen(projection.budgetPlan.payments[0]!.amountFen, language))
    await expectEngineFigures(page, single, single[0]!, language)
  } finally {
    await context.close()
  }
}

describe('the payoff planner in Chromium', () => {
  it.each([
    ['zh-CN', false],
    ['en', false],
    ['zh-CN', true],
    ['en', true],
  ] as const)(
    'in %s (dark: %s): every figure is the engine’s, under every order and the user’s own',
    async (language, dark) => {
      const app = await serveApp(tempDir())
      try {
        await runPlanner(app, language, dark)
      } finally {
        await app.stop()
      }
    },
  )
})
