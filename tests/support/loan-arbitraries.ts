import fc from 'fast-check'
import { addDays } from '@shared/dates'
import { COMPONENTS, type LoanEvent, type LoanTerms, type Payment } from '@shared/engine/terms'

/** fast-check generators for installment loans, their events and payments. */

const dayOffset = (max: number) => fc.integer({ min: 0, max })
const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => {
    const digits = Math.log10(scale)
    const text = (n / scale).toFixed(digits) // test data only: turns an integer into a decimal string
    return text
  })

const BASE_DATE = '2025-01-01'

export const installmentTermsArbitrary: fc.Arbitrary<LoanTerms> = fc
  .record({
    principalFen: fc.integer({ min: 1_000, max: 5_000_000 }),
    disbursedOffset: dayOffset(365),
    daily: fc.boolean(),
    dailyRate: decimal(0.0001, 0.001, 100_000),
    annualRate: decimal(0.02, 0.36, 10_000),
    dayCount: fc.constantFrom('ACT/365' as const, 'ACT/360' as const),
    method: fc.constantFrom(
      'equal_installment' as const,
      'equal_principal' as const,
      'interest_first' as const,
      'bullet' as const,
    ),
    periods: fc.integer({ min: 1, max: 12 }),
    dayPeriods: fc.boolean(),
    periodLength: fc.integer({ min: 7, max: 30 }),
    graceDays: fc.integer({ min: 0, max: 3 }),
    multiplier: fc.boolean(),
    penaltyMultiplier: decimal(0, 2, 100),
    absoluteRate: decimal(0.0001, 0.002, 100_000),
    basis: fc.constantFrom('overdue_principal' as const, 'overdue_principal_and_interest' as const),
    continues: fc.boolean(),
    compounding: fc.boolean(),
    compoundRate: fc.constantFrom('penalty' as const, 'contract' as const),
    feeKind: fc.constantFrom('none' as const, 'fixed' as const, 'percent_of_overdue' as const),
    feeFixed: fc.integer({ min: 0, max: 5_000 }),
    feePercent: decimal(0, 0.1, 1_000),
    feeFrequency: fc.constantFrom('once' as const, 'each_period' as const),
    feeMin: fc.integer({ min: 0, max: 1_000 }),
    feeMax: fc.option(fc.integer({ min: 1_000, max: 20_000 }), { nil: null }),
    order: fc.shuffledSubarray([...COMPONENTS], {
      minLength: COMPONENTS.length,
      maxLength: COMPONENTS.length,
    }),
    scope: fc.constantFrom('installment_first' as const, 'component_first' as const),
    rateChange: fc.option(
      fc.record({ offset: fc.integer({ min: 1, max: 300 }), factor: decimal(0.5, 1.5, 100) }),
      { nil: null },
    ),
  })
  .map((g): LoanTerms => {
    const disbursedOn = addDays(BASE_DATE, g.disbursedOffset)
    const rateValue = g.daily ? g.dailyRate : g.annualRate
    return {
      kind: 'installment',
      principalFen: g.principalFen,
      disbursedOn,
      rate: { value: rateValue, per: g.daily ? 'day' : 'year' },
      dayCount: g.dayCount,
      rateChanges:
        g.rateChange === null
          ? []
          : [
              {
                from: addDays(disbursedOn, g.rateChange.offset),
                value: (Number(rateValue) * Number(g.rateChange.factor)).toFixed(8),
              },
            ],
      schedule: {
        method: g.method,
        periods: g.periods,
        periodUnit: g.dayPeriods ? 'day' : 'month',
        periodLength: g.dayPeriods ? g.periodLength : 1,
      },
      graceDays: g.graceDays,
      penalty: {
        rate: g.multiplier
          ? { mode: 'multiplier', multiplier: g.penaltyMultiplier }
          : { mode: 'absolute', rate: { value: g.absoluteRate, per: 'day' } },
        basis: g.basis,
        contractInterestContinues: g.continues,
      },
      compounding: { enabled: g.compounding, rate: g.compoundRate },
      lateFee: {
        kind: g.feeKind,
        fixedFen: g.feeFixed,
        percent: g.feePercent,
        frequency: g.feeFrequency,
        minFen: g.feeMin,
        maxFen: g.feeMax,
      },
      allocation: { order: g.order, scope: g.scope },
      card: null,
    }
  })

/** Payments within ~a year and a half of disbursement, in date order. */
export function paymentsArbitrary(terms: LoanTerms, maxCount = 12): fc.Arbitrary<Payment[]> {
  return fc
    .array(
      fc.record({
        offset: dayOffset(540),
        amountFen: fc.integer({ min: 1, max: Math.max(1, Math.ceil(terms.principalFen / 3)) }),
      }),
      {
        maxLength: maxCount,
      },
    )
    .map((items) =>
      items
        .sort((a, b) => a.offset - b.offset)
        .map((item) => ({
          paidOn: addDays(terms.disbursedOn, item.offset),
          amountFen: item.amountFen,
        })),
    )
}

export function eventsArbitrary(terms: LoanTerms): fc.Arbitrary<LoanEvent[]> {
  const on = dayOffset(500).map((offset) => addDays(terms.disbursedOn, offset))
  const event: fc.Arbitrary<LoanEvent> = fc.oneof(
    fc.record({
      type: fc.constant('waiver' as const),
      on,
      components: fc.subarray(['fee', 'penalty', 'compound', 'interest'] as const, {
        minLength: 1,
      }),
      stopFurtherCharges: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('deferral' as const),
      on,
      months: fc.integer({ min: 1, max: 6 }),
    }),
    fc.record({
      type: fc.constant('settlement' as const),
      on,
      amountFen: fc.integer({ min: 1, max: terms.principalFen }),
    }),
    on.chain((date) =>
      fc
        .array(
          fc.record({
            gap: fc.integer({ min: 0, max: 60 }),
            principalFen: fc.integer({ min: 0, max: terms.principalFen }),
            interestFen: fc.integer({ min: 0, max: 10_000 }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        )
        .map((items) => {
          let offset = 0
          return {
            type: 'agreed_plan' as const,
            on: date,
            installments: items.map((item) => {
              offset += item.gap
              return {
                dueOn: addDays(date, offset),
                principalFen: item.principalFen,
                interestFen: item.interestFen,
              }
            }),
          }
        }),
    ),
  )
  return fc
    .array(event, { maxLength: 2 })
    .map((events) => [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)))
}

/** A card's events: as a loan's, but a deferral only once an installment plan exists. */
export function cardEventsArbitrary(terms: LoanTerms): fc.Arbitrary<LoanEvent[]> {
  return eventsArbitrary(terms).map((events) =>
    events.filter(
      (event, index) =>
        event.type !== 'deferral' ||
        events.slice(0, index).some((earlier) => earlier.type === 'agreed_plan'),
    ),
  )
}

export const asOfOffsetArbitrary = dayOffset(720)

/** Credit cards: a statement balance, a statement date, 全额 or 剩余 interest, fees on minimums. */
export const cardTermsArbitrary: fc.Arbitrary<LoanTerms> = fc
  .record({
    principalFen: fc.integer({ min: 1_000, max: 5_000_000 }),
    postingOffset: dayOffset(365),
    statementAfter: fc.integer({ min: 0, max: 28 }),
    dailyRate: decimal(0.0002, 0.0007, 100_000),
    dueDays: fc.integer({ min: 10, max: 30 }),
    graceDays: fc.integer({ min: 0, max: 3 }),
    minimumPercent: decimal(0.05, 0.2, 100),
    floor: fc.integer({ min: 0, max: 20_000 }),
    interestOn: fc.constantFrom('full_balance' as const, 'unpaid_part' as const),
    feePercent: decimal(0, 0.1, 1_000),
    feeMin: fc.integer({ min: 0, max: 2_000 }),
  })
  .map((g): LoanTerms => {
    const disbursedOn = addDays(BASE_DATE, g.postingOffset)
    return {
      kind: 'credit_card',
      principalFen: g.principalFen,
      disbursedOn,
      rate: { value: g.dailyRate, per: 'day' },
      dayCount: 'ACT/365',
      rateChanges: [],
      schedule: { method: 'bullet', periods: 1, periodUnit: 'month', periodLength: 1 },
      graceDays: g.graceDays,
      penalty: {
        rate: { mode: 'multiplier', multiplier: '0' },
        basis: 'overdue_principal',
        contractInterestContinues: true,
      },
      compounding: { enabled: false, rate: 'penalty' },
      lateFee: {
        kind: 'percent_of_unpaid_minimum',
        fixedFen: 0,
        percent: g.feePercent,
        frequency: 'each_period',
        minFen: g.feeMin,
        maxFen: null,
      },
      allocation: {
        order: ['fee', 'penalty', 'compound', 'interest', 'principal'],
        scope: 'installment_first',
      },
      card: {
        statementOn: addDays(disbursedOn, g.statementAfter),
        dueDaysAfterStatement: g.dueDays,
        minimumPercent: g.minimumPercent,
        minimumFloorFen: g.floor,
        interestOn: g.interestOn,
      },
    }
  })
