import { describe, expect, it } from 'vitest'
import { effectiveCost } from '@shared/engine/effective-cost'
import { computeLedger } from '@shared/engine/ledger'
import { costOfWaiting, planForMonthlyBudget, projectLedger } from '@shared/engine/projection'
import { installmentTerms, singleInstallment } from '../support/loan-terms'

const seedLoan = installmentTerms() // 10,000 WeBank, 10 periods from 2026-01-15 (see engine-ledger.test.ts)
const today = '2026-04-16'

describe('projection', () => {
  it('projects the balance on a future date, with planned payments taken into account', () => {
    const later = projectLedger(seedLoan, [], [], '2026-05-16')
    expect(later.payoffFen).toBeGreaterThan(computeLedger(seedLoan, [], [], today).payoffFen)
    const planned = projectLedger(seedLoan, [], [], '2026-05-16', [
      { paidOn: today, amountFen: 347_400 },
    ])
    expect(planned.stage.code).toBe('grace') // the May installment is one day late, its grace day
    expect(planned.timeline.length).toBeGreaterThan(0)
  })

  it('prices waiting: a week adds 41.00 on the seed loan', () => {
    // From 04-16 to 04-23: the three overdue installments accrue 7 more nights at 0.075 % on 3,000
    // (15.75) and the third's grace night becomes chargeable (0.75); interest on the 7,000 not yet
    // due runs 8 nights instead of 1 (28.00 instead of 3.50): 15.75 + 0.75 + 24.50 = 41.00.
    const costs = costOfWaiting(seedLoan, [], [], today, [0, 7, 30])
    expect(costs.map((c) => [c.waitDays, c.payOn, c.extraFen])).toEqual([
      [0, '2026-04-16', 0],
      [7, '2026-04-23', 4_100],
      [30, '2026-05-16', expect.any(Number)],
    ])
    expect(costs[0]?.payoffFen).toBe(1_047_750)
    expect(costs[2]!.extraFen).toBeGreaterThan(costs[1]!.extraFen)
  })

  it('finds when a monthly budget clears the loan, and what it costs', () => {
    const plan = planForMonthlyBudget(seedLoan, [], [], today, 150_000)
    expect(plan.clears).toBe(true)
    expect(plan.payments.every((p) => p.amountFen <= 150_000)).toBe(true)
    expect(plan.totalPaidFen).toBe(plan.payments.reduce((sum, p) => sum + p.amountFen, 0))
    const after = computeLedger(seedLoan, [], plan.payments, plan.clearedOn!)
    expect(after.payoffFen).toBe(0)
    // A bigger budget clears sooner and costs less.
    const faster = planForMonthlyBudget(seedLoan, [], [], today, 400_000)
    expect(faster.clearedOn! < plan.clearedOn!).toBe(true)
    expect(faster.totalPaidFen).toBeLessThan(plan.totalPaidFen)
  })

  it('says when a budget never catches up with what accrues', () => {
    const plan = planForMonthlyBudget(seedLoan, [], [], today, 100, 24)
    expect(plan).toMatchObject({ clears: false, clearedOn: null })
    expect(plan.payments).toHaveLength(24)
  })
})

describe('effective annual cost', () => {
  it('is 30 % for 10,000 lent privately at 30 % and repaid with 3,000 of interest a year later', () => {
    // One flow out (+10,000 on 2025-06-01) and one back (−13,000 on 2026-06-01, 365 days later):
    // (1 + r)^1 = 1.3 → r = 30 %. Above 4 × the 1-year LPR at signing (4 × 3.0 % = 12 %) and
    // above the 24 % line, below 36 %.
    const terms = singleInstallment('2026-06-01', 1_000_000, 300_000, {
      disbursedOn: '2025-06-01',
      rate: { value: '0.30', per: 'year' },
    })
    const cost = effectiveCost(
      terms,
      [],
      [{ paidOn: '2026-06-01', amountFen: 1_300_000 }],
      '2026-06-01',
      'private',
    )
    expect(cost.annualRate).toBeCloseTo(0.3, 6)
    const exceeded = Object.fromEntries(cost.comparison!.caps.map((cap) => [cap.id, cap.exceeded]))
    expect(exceeded).toEqual({
      'private-4x-lpr': true,
      'financial-24pct': true,
      'void-36pct': false,
    })
  })

  it('counts penalty interest: the overdue seed loan costs more than one paid on time', () => {
    const overdue = effectiveCost(seedLoan, [], [], today, 'webank').annualRate!
    const onTimePayments = [
      { paidOn: '2026-02-15', amountFen: 115_500 },
      { paidOn: '2026-03-15', amountFen: 112_600 },
      { paidOn: '2026-04-15', amountFen: 112_400 },
    ]
    const onTime = effectiveCost(seedLoan, [], onTimePayments, today, 'webank').annualRate!
    expect(onTime).toBeGreaterThan(0.17)
    expect(onTime).toBeLessThan(0.21)
    expect(overdue).toBeGreaterThan(onTime)
  })
})
