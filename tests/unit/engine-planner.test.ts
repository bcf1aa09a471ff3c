import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import {
  comparePlans,
  planAllOrders,
  planPortfolio,
  planSequence,
  type PlannerLoan,
  type PortfolioPlan,
} from '@shared/engine/planner'
import { presetTerms, type PresetId } from '@shared/engine/presets'
import { planForMonthlyBudget } from '@shared/engine/projection'
import type { LoanEvent, Payment } from '@shared/engine/terms'
import {
  cardTermsArbitrary,
  eventsArbitrary,
  installmentTermsArbitrary,
  paymentsArbitrary,
} from '../support/loan-arbitraries'
import { singleInstallment } from '../support/loan-terms'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2_000)
const today = '2026-04-16'

/** Lent on 2026-01-01: the monthly loans' first installments are 74 days overdue today. */
const disbursedOn = '2026-01-01'

function presetLoan(
  id: number,
  preset: PresetId,
  principalFen: number,
  payments: Payment[] = [],
  events: LoanEvent[] = [],
): PlannerLoan {
  return {
    id,
    terms: presetTerms(preset, { principalFen, disbursedOn, periods: 6 }),
    events,
    payments,
  }
}

/** What each plan pays per month (all loans together), by pay day. */
function monthlySums(plan: PortfolioPlan): Map<string, number> {
  const sums = new Map<string, number>()
  for (const loan of plan.loans) {
    for (const payment of loan.payments) {
      sums.set(payment.paidOn, (sums.get(payment.paidOn) ?? 0) + payment.amountFen)
    }
  }
  return sums
}

describe('payoff planner: one loan', () => {
  const cases: [string, PlannerLoan][] = [
    ['webank', presetLoan(1, 'webank', 1_000_000)],
    ['credit card', presetLoan(2, 'credit_card', 800_000)],
    ['bank loan', presetLoan(3, 'bank_installment', 5_000_000)],
    ['consumer finance', presetLoan(4, 'consumer_finance', 2_000_000)],
    ['private loan', presetLoan(5, 'private_loan', 300_000)],
    [
      'webank with a payment and a settlement ahead',
      presetLoan(
        6,
        'webank',
        1_000_000,
        [{ paidOn: addMonths(today, -1), amountFen: 150_000 }],
        [{ type: 'settlement', on: addMonths(today, 2), amountFen: 600_000 }],
      ),
    ],
  ]
  const budgets = [20_000, 150_000, 400_000, 50_000_000]

  it.each(cases)('%s: the same payments as planForMonthlyBudget, for every budget', (_, loan) => {
    for (const budget of budgets) {
      const expected = planForMonthlyBudget(
        loan.terms,
        loan.events,
        loan.payments,
        today,
        budget,
        120,
      )
      for (const order of ['overdue_first', 'avalanche', 'snowball'] as const) {
        const plan = planPortfolio([loan], today, budget, order, 120)
        expect(plan.loans).toEqual([
          {
            id: loan.id,
            clearedOn: expected.clearedOn,
            totalPaidFen: expected.totalPaidFen,
            payments: expected.payments,
          },
        ])
        expect(plan).toMatchObject({
          clears: expected.clears,
          clearedOn: expected.clearedOn,
          totalPaidFen: expected.totalPaidFen,
        })
      }
    }
  })

  it('covers plans that clear and plans that do not (so the comparison above compares both)', () => {
    const outcomes = cases.flatMap(([, loan]) =>
      budgets.map(
        (budget) =>
          planForMonthlyBudget(loan.terms, loan.events, loan.payments, today, budget, 120).clears,
      ),
    )
    expect(outcomes).toContain(true)
    expect(outcomes).toContain(false)
  })
})

describe('payoff planner: several loans', () => {
  const loans = [
    presetLoan(1, 'webank', 1_000_000),
    presetLoan(2, 'credit_card', 800_000),
    presetLoan(3, 'private_loan', 300_000),
  ]

  it('never spends more than the budget in a month, and every payment is > 0', () => {
    for (const budget of [1_000, 60_000, 250_000, 3_000_000]) {
      for (const plan of planAllOrders(loans, today, budget, [3, 1, 2], 240)) {
        for (const [, sum] of monthlySums(plan)) expect(sum).toBeLessThanOrEqual(budget)
        for (const loan of plan.loans) {
          for (const payment of loan.payments) expect(payment.amountFen).toBeGreaterThan(0)
          expect(loan.totalPaidFen).toBe(loan.payments.reduce((s, p) => s + p.amountFen, 0))
        }
      }
    }
  })

  it('spends the whole budget each month until the last month', () => {
    const plan = planPortfolio(loans, today, 250_000, 'avalanche')
    expect(plan.clears).toBe(true)
    const sums = [...monthlySums(plan).entries()].sort(([a], [b]) => a.localeCompare(b))
    expect(sums.length).toBeGreaterThan(2)
    for (const [, sum] of sums.slice(0, -1)) expect(sum).toBe(250_000)
    expect(sums.at(-1)![0]).toBe(plan.clearedOn)
    // Each cleared loan is cleared in the engine's own ledger on its clear date.
    for (const loanPlan of plan.loans) {
      const loan = loans.find((l) => l.id === loanPlan.id)!
      const ledger = computeLedger(
        loan.terms,
        loan.events,
        [...loan.payments, ...loanPlan.payments],
        loanPlan.clearedOn!,
      )
      expect(ledger.payoffFen).toBe(0)
      expect(ledger.payments.at(-1)?.overpaidFen).toBe(0)
    }
  })

  it('says when a budget cannot keep up', () => {
    const plans = planAllOrders(loans, today, 1_000, undefined, 24)
    expect(plans.map((plan) => plan.order)).toEqual(['overdue_first', 'avalanche', 'snowball'])
    for (const plan of plans) {
      expect(plan).toMatchObject({ clears: false, clearedOn: null })
      expect(plan.totalPaidFen).toBe(24 * 1_000)
    }
    expect(comparePlans(plans)).toEqual({ best: null, bestOrders: [], worst: null, savingFen: 0 })
  })

  it('takes loans in the user’s order, the ones not listed after them overdue-first', () => {
    expect(planSequence(loans, today, { custom: [3, 1] })).toEqual([
      3,
      1,
      ...planSequence(loans, today, 'overdue_first').filter((id) => id !== 3 && id !== 1),
    ])
    // Unknown ids are ignored and repeats count once.
    expect(planSequence(loans, today, { custom: [2, 99, 2, 3, 1] })).toEqual([2, 3, 1])
    // The user's order is the order the budget is handed out in: with a budget that covers only
    // part of what is overdue, the first loan listed gets all of it this month.
    const allOverdue = [
      presetLoan(1, 'webank', 1_000_000),
      presetLoan(2, 'credit_card', 800_000),
      presetLoan(3, 'consumer_finance', 300_000),
    ]
    const overdue = allOverdue.map((loan) => computeLedger(loan.terms, [], [], today).overdueFen)
    expect(Math.min(...overdue)).toBeGreaterThan(1_000)
    const budget = Math.min(...overdue) - 1
    for (const custom of [
      [3, 1, 2],
      [2, 3, 1],
    ]) {
      const plan = planPortfolio(allOverdue, today, budget, { custom }, 1)
      expect(plan.order).toBe('custom')
      expect(plan.loans.map((loan) => loan.id)).toEqual(custom)
      expect(plan.loans.map((loan) => loan.payments)).toEqual([
        [{ paidOn: today, amountFen: budget }],
        [],
        [],
      ])
    }
    // A budget that covers what is overdue on all three and 500 fen more: each loan's overdue
    // part first, then the 500 to the first loan in the order (not all to the first loan, whose
    // payoff is more than the whole budget).
    const ledgers = allOverdue.map((loan) => computeLedger(loan.terms, [], [], today))
    const covering = overdue.reduce((sum, fen) => sum + fen, 0) + 500
    expect(ledgers[0]!.payoffFen).toBeGreaterThan(covering)
    const plan = planPortfolio(allOverdue, today, covering, { custom: [1, 3, 2] }, 1)
    expect(plan.loans.map((loan) => [loan.id, loan.totalPaidFen])).toEqual([
      [1, overdue[0]! + 500],
      [3, overdue[2]],
      [2, overdue[1]],
    ])
  })

  it('avalanche and snowball differ as worked out by hand', () => {
    // A: ¥1,000 due 2026-03-16, interest-free (rate 0, no fee): it costs nothing to wait.
    // B: ¥3,000 due 2026-03-16 at 0.1 % a day, no penalty on top: 300 fen a night on ¥3,000.
    // On 2026-04-16 B has accrued 31 nights (03-16 … 04-15): 9,300 → payoff 309,300. Budget ¥2,000.
    const rateFree = singleInstallment('2026-03-16', 100_000, 0, {
      rate: { value: '0', per: 'day' },
    })
    const costly = singleInstallment('2026-03-16', 300_000, 0, {
      rate: { value: '0.001', per: 'day' },
      penalty: {
        rate: { mode: 'multiplier', multiplier: '0' },
        basis: 'overdue_principal',
        contractInterestContinues: true,
      },
    })
    const pair: PlannerLoan[] = [
      { id: 1, terms: rateFree, events: [], payments: [] },
      { id: 2, terms: costly, events: [], payments: [] },
    ]
    const pay = (paidOn: string, amountFen: number) => ({ paidOn, amountFen })
    // Snowball: A (smaller payoff) first.
    //   04-16: A 100,000 (cleared); B 100,000 = interest 9,300 + principal 90,700 → 209,300 left.
    //   05-16: B accrued 30 nights × 209.3 = 6,279; payoff 215,579; pays 200,000 → 15,579 left.
    //   06-16: 31 nights × 15.579 = 482.949; interest charged round(9,300 + 6,279 + 482.949) =
    //          16,062, of which 15,579 paid → payoff 15,579 + 483 = 16,062 (cleared).
    //   Total 100,000 + 100,000 + 200,000 + 16,062 = 416,062.
    const snowball = planPortfolio(pair, today, 200_000, 'snowball')
    expect(snowball.loans).toEqual([
      { id: 1, clearedOn: '2026-04-16', totalPaidFen: 100_000, payments: [pay(today, 100_000)] },
      {
        id: 2,
        clearedOn: '2026-06-16',
        totalPaidFen: 316_062,
        payments: [
          pay('2026-04-16', 100_000),
          pay('2026-05-16', 200_000),
          pay('2026-06-16', 16_062),
        ],
      },
    ])
    expect(snowball).toMatchObject({ clears: true, clearedOn: '2026-06-16', totalPaidFen: 416_062 })
    // Avalanche: B (0.1 % a day against 0) first.
    //   04-16: B 200,000 = interest 9,300 + principal 190,700 → 109,300 left; A nothing.
    //   05-16: B accrued 30 × 109.3 = 3,279; payoff 112,579 (cleared); A gets 87,421.
    //   06-16: A 12,579 (cleared). Total 200,000 + 112,579 + 87,421 + 12,579 = 412,579.
    const avalanche = planPortfolio(pair, today, 200_000, 'avalanche')
    expect(avalanche.loans).toEqual([
      {
        id: 2,
        clearedOn: '2026-05-16',
        totalPaidFen: 312_579,
        payments: [pay('2026-04-16', 200_000), pay('2026-05-16', 112_579)],
      },
      {
        id: 1,
        clearedOn: '2026-06-16',
        totalPaidFen: 100_000,
        payments: [pay('2026-05-16', 87_421), pay('2026-06-16', 12_579)],
      },
    ])
    expect(avalanche).toMatchObject({
      clears: true,
      clearedOn: '2026-06-16',
      totalPaidFen: 412_579,
    })
    // Both are 31 days overdue; B adds more a day, so overdue-first agrees with avalanche.
    const plans = planAllOrders(pair, today, 200_000, [1, 2])
    expect(plans.map((plan) => [plan.order, plan.totalPaidFen])).toEqual([
      ['overdue_first', 412_579],
      ['avalanche', 412_579],
      ['snowball', 416_062],
      ['custom', 416_062],
    ])
    // The saving is B's interest: 16,062 under snowball against 9,300 + 3,279 = 12,579.
    expect(comparePlans(plans)).toEqual({
      best: 'overdue_first',
      bestOrders: ['overdue_first', 'avalanche'],
      worst: 'custom',
      savingFen: 3_483,
    })
  })

  it('ranks avalanche by the overdue daily rate, annual rates over their day count', () => {
    // 0.05 % a day × 1.5 (WeBank) = 0.075 % a day; a card 0.05 % a day; a bank loan at 4.35 % a
    // year × 1.5 = 6.525 % / 365 ≈ 0.0179 % a day; a private loan at its annual rate.
    const mixed = [
      presetLoan(1, 'bank_installment', 100_000),
      presetLoan(2, 'credit_card', 100_000),
      presetLoan(3, 'webank', 100_000),
    ]
    expect(planSequence(mixed, today, 'avalanche')).toEqual([3, 2, 1])
    // Snowball: the smallest payoff today first.
    const payoffs = mixed.map((loan) => [
      loan.id,
      computeLedger(loan.terms, [], [], today).payoffFen,
    ])
    expect(planSequence(mixed, today, 'snowball')).toEqual(
      payoffs.sort((a, b) => a[1]! - b[1]!).map(([id]) => id),
    )
  })
})

describe('comparePlans', () => {
  const plan = (
    order: PortfolioPlan['order'],
    totalPaidFen: number,
    clearedOn: string | null,
  ): PortfolioPlan => ({
    order,
    monthlyFen: 1,
    loans: [],
    clears: clearedOn !== null,
    clearedOn,
    totalPaidFen,
  })

  it('picks the cheapest clearing order (ties: the earliest), and the dearest', () => {
    expect(
      comparePlans([
        plan('overdue_first', 500, '2027-01-01'),
        plan('avalanche', 400, '2027-03-01'),
        plan('snowball', 400, '2027-02-01'),
        plan('custom', 900, null),
      ]),
    ).toEqual({
      best: 'snowball',
      bestOrders: ['snowball'],
      worst: 'overdue_first',
      savingFen: 100,
    })
  })
})

// ── Properties ────────────────────────────────────────────────────────────────────────────────

const loanArbitrary = (id: number) =>
  fc.oneof(installmentTermsArbitrary, cardTermsArbitrary).chain((terms) =>
    fc.record({
      id: fc.constant(id),
      terms: fc.constant(terms),
      events: terms.kind === 'credit_card' ? fc.constant([]) : eventsArbitrary(terms),
      payments: paymentsArbitrary(terms, 4),
    }),
  )

const portfolioArbitrary = fc.record({
  loans: fc
    .integer({ min: 1, max: 3 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => loanArbitrary(i + 1)))),
  budget: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 5_000_000 })),
  custom: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
})

describe('payoff planner properties', { timeout: 300_000 }, () => {
  it('each month’s payments add up to at most the budget, and the totals add up', () => {
    fc.assert(
      fc.property(portfolioArbitrary, ({ loans, budget, custom }) => {
        for (const plan of planAllOrders(loans, today, budget, custom, 18)) {
          for (const [, sum] of monthlySums(plan)) expect(sum).toBeLessThanOrEqual(budget)
          let total = 0
          for (const loan of plan.loans) {
            const paid = loan.payments.reduce((sum, p) => sum + p.amountFen, 0)
            for (const payment of loan.payments) expect(payment.amountFen).toBeGreaterThan(0)
            expect(loan.totalPaidFen).toBe(paid)
            total += paid
          }
          expect(plan.totalPaidFen).toBe(total)
          expect(plan.loans.map((loan) => loan.id).sort()).toEqual(loans.map((l) => l.id).sort())
          expect(plan.clears).toBe(plan.loans.every((loan) => loan.clearedOn !== null))
        }
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    )
  })

  it('a single loan is planned exactly as planForMonthlyBudget plans it', () => {
    fc.assert(
      fc.property(loanArbitrary(1), fc.integer({ min: 1, max: 2_000_000 }), (loan, budget) => {
        const expected = planForMonthlyBudget(
          loan.terms,
          loan.events,
          loan.payments,
          today,
          budget,
          18,
        )
        const plan = planPortfolio([loan], today, budget, 'avalanche', 18)
        expect(plan.loans[0]).toEqual({
          id: 1,
          clearedOn: expected.clearedOn,
          totalPaidFen: expected.totalPaidFen,
          payments: expected.payments,
        })
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    )
  })
})
