import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { downsample } from '@shared/charts/downsample'
import { loanSeries, type OwedPoint } from '@shared/charts/loan-series'
import { loanMonths, monthEnd, portfolioMonths } from '@shared/charts/portfolio-series'
import { agreedPlanCost, sketchPlan } from '@shared/charts/waiting'
import { addDays, addMonths } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import {
  asOfOffsetArbitrary,
  cardTermsArbitrary,
  eventsArbitrary,
  installmentTermsArbitrary,
  paymentsArbitrary,
} from '../support/loan-arbitraries'

const RUNS = Math.max(1, Math.round(Number(process.env.PROPERTY_RUNS ?? 2_000) / 40))

const parts = (point: OwedPoint) =>
  point.principal + point.interest + point.penalty + point.compound + point.fee

const loanWithHistory = fc.oneof(installmentTermsArbitrary, cardTermsArbitrary).chain((terms) =>
  fc.record({
    terms: fc.constant(terms),
    payments: paymentsArbitrary(terms),
    events: terms.kind === 'credit_card' ? fc.constant([]) : eventsArbitrary(terms),
    today: asOfOffsetArbitrary.map((offset) => addDays(terms.disbursedOn, offset)),
    horizon: fc.constantFrom(30, 90, 365),
  }),
)

describe('the loan series (engine → chart data)', { timeout: 300_000 }, () => {
  it('the total at every point is the ledger’s payoff that day, and the parts add up to it', () => {
    fc.assert(
      fc.property(loanWithHistory, ({ terms, payments, events, today, horizon }) => {
        const series = loanSeries(terms, events, payments, today, horizon)
        const recorded = payments.filter((payment) => payment.paidOn <= today)
        for (const point of series.points) {
          const ledger = computeLedger(terms, events, recorded, point.on)
          expect(point.totalFen).toBe(ledger.payoffFen)
          expect(point.overdueFen).toBe(ledger.overdueFen)
          expect(point.stage).toBe(ledger.stage.code)
          expect(parts(point)).toBe(point.totalFen)
          expect(point.projected).toBe(point.on > today)
          for (const key of ['principal', 'interest', 'penalty', 'compound', 'fee'] as const) {
            expect(point[key]).toBeGreaterThanOrEqual(0)
          }
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('runs from disbursement to the horizon, keeps today and every payment day', () => {
    const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2016-01-10' })
    const payments = Array.from({ length: 40 }, (_, i) => ({
      paidOn: addMonths('2016-02-12', i),
      amountFen: 30_000,
    }))
    const today = '2026-11-26'
    const series = loanSeries(terms, [], payments, today, 365)
    expect(series.points.length).toBeLessThanOrEqual(1_000)
    expect(series.points[0]?.on).toBe('2016-01-10')
    expect(series.points.at(-1)?.on).toBe(addDays(today, 365))
    const days = new Set(series.points.map((point) => point.on))
    expect(days.has(today)).toBe(true)
    for (const payment of payments) expect(days.has(payment.paidOn)).toBe(true)
    expect(series.payments).toEqual(payments.map((p) => ({ on: p.paidOn, amountFen: p.amountFen })))
    // Dates strictly increase.
    series.points.forEach((point, i) => {
      if (i > 0) expect(point.on > series.points[i - 1]!.on).toBe(true)
    })
  })

  it('marks the stretches spent in each overdue stage', () => {
    // A WeBank loan whose first installment fell due on 2026-10-10, 47 days before today:
    // one day of grace, M1 from the second day late, M2 from the 31st (2026-11-10).
    const today = '2026-11-26'
    const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-09-10' })
    const series = loanSeries(terms, [], [], today, 30)
    const upToToday = series.stageBands.filter((band) => band.from <= today)
    expect(upToToday.map((band) => band.code)).toEqual(['grace', 1, 2])
    expect(upToToday[0]).toEqual({ from: '2026-10-11', to: '2026-10-11', code: 'grace' })
    expect(upToToday[1]).toEqual({ from: '2026-10-12', to: '2026-11-09', code: 1 })
    // Projected on: M3 from the 61st day (2026-12-10).
    expect(upToToday[2]).toEqual({ from: '2026-11-10', to: '2026-12-09', code: 2 })
    expect(series.stageBands.at(-1)).toEqual({
      from: '2026-12-10',
      to: addDays(today, 30),
      code: 3,
    })
    expect(computeLedger(terms, [], [], today).stage.code).toBe(2)
  })
})

describe('downsampling (LTTB)', () => {
  const series = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), {
    minLength: 0,
    maxLength: 3_000,
  })

  it('keeps at most maxPoints, in order, with the first, last, extreme and marked points', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 5, max: 400 }), (values, maxPoints) => {
        const points = values.map((value, index) => ({ index, value }))
        const marked = new Set(points.filter((p) => p.index % 97 === 3).map((p) => p.index))
        const kept = downsample(
          points,
          maxPoints,
          (p) => p.value,
          (p) => marked.has(p.index),
        )
        if (points.length <= maxPoints) {
          expect(kept).toEqual(points)
          return
        }
        expect(kept.length).toBeLessThanOrEqual(Math.max(maxPoints, marked.size + 4))
        const indices = kept.map((p) => p.index)
        expect(indices).toEqual([...indices].sort((a, b) => a - b))
        expect(indices[0]).toBe(0)
        expect(indices.at(-1)).toBe(points.length - 1)
        const max = Math.max(...values)
        const min = Math.min(...values)
        expect(kept.some((p) => p.value === max)).toBe(true)
        expect(kept.some((p) => p.value === min)).toBe(true)
        for (const index of marked) expect(indices).toContain(index)
      }),
      { numRuns: 300 },
    )
  })

  it('follows a spike that a plain every-nth sample would miss', () => {
    const points = Array.from({ length: 5_000 }, (_, i) => ({ i, v: i === 2_501 ? 900 : i % 7 }))
    const kept = downsample(points, 100, (p) => p.v)
    expect(kept.length).toBeLessThanOrEqual(100)
    expect(kept.length).toBeGreaterThan(90)
    expect(kept.some((p) => p.i === 2_501)).toBe(true)
  })
})

describe('the portfolio months', () => {
  it('adds up the loans’ month ends, and the month’s charges add up to the charges to date', () => {
    const today = '2026-11-26'
    const a = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-03-05' })
    const b = presetTerms('credit_card', { principalFen: 500_000, disbursedOn: '2026-06-20' })
    const paymentsA = [{ paidOn: '2026-04-05', amountFen: 105_000 }]
    const monthsA = loanMonths(a, [], paymentsA, today)
    const monthsB = loanMonths(b, [], [], today)
    expect(monthsA.map((m) => m.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ])
    expect(monthsA[1]?.on).toBe('2026-04-30')
    expect(monthsA.at(-1)?.on).toBe(today)
    const ledgerA = computeLedger(a, [], paymentsA, today)
    const ledgerB = computeLedger(b, [], [], today)
    expect(monthsA.at(-1)?.totalFen).toBe(ledgerA.payoffFen)

    const months = portfolioMonths([monthsA, monthsB])
    expect(months.map((m) => m.month)).toEqual(monthsA.map((m) => m.month))
    const last = months.at(-1)!
    expect(last.totalOwedFen).toBe(ledgerA.payoffFen + ledgerB.payoffFen)
    expect(last.overdueFen).toBe(ledgerA.overdueFen + ledgerB.overdueFen)
    const late = (l: typeof ledgerA) =>
      l.totals.charged.penalty + l.totals.charged.compound + l.totals.charged.fee
    const charged = months.reduce((sum, m) => sum + m.lateChargedInMonthFen, 0)
    expect(charged).toBe(late(ledgerA) + late(ledgerB))
    // June: b's first month counts from its disbursement.
    expect(months[3]?.totalOwedFen).toBe(
      computeLedger(a, [], paymentsA, '2026-06-30').payoffFen +
        computeLedger(b, [], [], '2026-06-30').payoffFen,
    )
  })

  it('knows month ends, leap years included', () => {
    expect(monthEnd('2028-02-10')).toBe('2028-02-29')
    expect(monthEnd('2026-12-31')).toBe('2026-12-31')
    expect(monthEnd('2026-04-01')).toBe('2026-04-30')
  })
})

describe('plans beside waiting', () => {
  it('sketches a plan: the payoff split evenly in whole fen, the leftover first, a monthly fee', () => {
    const plan = sketchPlan(1_000_001, 3, '2026-12-26', '0.6')
    expect(plan.installments).toEqual([
      { dueOn: '2026-12-26', principalFen: 333_335, feeFen: 6_000 },
      { dueOn: '2027-01-26', principalFen: 333_333, feeFen: 6_000 },
      { dueOn: '2027-02-26', principalFen: 333_333, feeFen: 6_000 },
    ])
    // 0.6 % of 10,000.01 yuan is 60.00006 yuan: 6,000 fen a month, rounded half-up.
    expect(plan.totalFen).toBe(1_000_001 + 18_000)
    expect(sketchPlan(1_000, 2, '2027-01-31', '0').installments.map((i) => i.dueOn)).toEqual([
      '2027-01-31',
      '2027-02-28',
    ])
  })

  it('prices the agreed plan as what is still owed on its installments', () => {
    const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-05-10' })
    const on = '2026-09-01'
    const installments = [
      { dueOn: '2026-10-01', principalFen: 600_000, interestFen: 3_000 },
      { dueOn: '2026-11-01', principalFen: 400_000, interestFen: 2_000 },
      { dueOn: '2026-12-01', principalFen: 100_000, interestFen: 0 },
    ]
    const events = [{ type: 'agreed_plan' as const, on, installments }]
    const payments = [{ paidOn: '2026-10-01', amountFen: 603_000 }]
    const ledger = computeLedger(terms, events, payments, '2026-11-26')
    const cost = agreedPlanCost(ledger)
    expect(cost?.count).toBe(3)
    expect(cost?.lastDueOn).toBe('2026-12-01')
    // The first is paid; the second is 25 days late (interest and penalty run on); the third is
    // ahead at its scheduled amount. The contract's own installments are not counted.
    const second = ledger.installments.find((line) => line.dueOn === '2026-11-01')!
    const owedOnSecond = Object.values(second.outstanding).reduce((sum, fen) => sum + fen, 0)
    expect(owedOnSecond).toBeGreaterThan(402_000)
    expect(cost?.totalFen).toBe(owedOnSecond + 100_000)
    expect(agreedPlanCost(computeLedger(terms, [], [], '2026-11-26'))).toBeNull()
  })
})
