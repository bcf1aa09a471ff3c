import { toDayNumber, type DayNumber } from '../dates'
import { Decimal } from '../money'
import type { LoanTerms, Rate } from './terms'

/**
 * Daily rates as exact fractions over one common divisor, so that accrual never divides:
 * a day's accrual on `base` fen is `base × numerator` and the loan's amounts are
 * `Σ numerators / divisor`. The divisor is 1 when every rate is a daily rate, else the day
 * count's 365 or 360 (daily rates are then multiplied by it, which is exact).
 */
export interface RatePeriod {
  from: DayNumber
  /** Contract interest per day. */
  contract: Decimal
  /** Penalty interest per day, on the penalty basis (the surplus when contract interest continues). */
  penalty: Decimal
  /** Compound interest per day, on overdue scheduled interest. */
  compound: Decimal
}

export interface RateBook {
  divisor: number
  /** Rate periods in date order; the first starts at disbursement. */
  periods: readonly RatePeriod[]
}

export function dayCountDivisor(terms: Pick<LoanTerms, 'dayCount'>): number {
  return terms.dayCount === 'ACT/360' ? 360 : 365
}

function usesAnnualRate(terms: LoanTerms): boolean {
  const penaltyRate = terms.penalty.rate
  return (
    terms.rate.per === 'year' ||
    (penaltyRate.mode === 'absolute' && penaltyRate.rate.per === 'year')
  )
}

function numerator(rate: Rate, divisor: number): Decimal {
  const value = new Decimal(rate.value)
  return rate.per === 'day' ? value.times(divisor) : value
}

export function buildRateBook(terms: LoanTerms): RateBook {
  const divisor = usesAnnualRate(terms) ? dayCountDivisor(terms) : 1
  const contractRates = [
    { from: toDayNumber(terms.disbursedOn), value: terms.rate.value },
    ...terms.rateChanges.map((change) => ({ from: toDayNumber(change.from), value: change.value })),
  ]
  const periods = contractRates.map(({ from, value }) => {
    const contract = numerator({ value, per: terms.rate.per }, divisor)
    const penaltyRate = terms.penalty.rate
    const penalty =
      penaltyRate.mode === 'multiplier'
        ? contract.times(penaltyRate.multiplier)
        : numerator(penaltyRate.rate, divisor)
    // The full overdue rate: what overdue principal costs per day in all.
    const overdue = terms.penalty.contractInterestContinues ? contract.plus(penalty) : penalty
    const compound = terms.compounding.enabled
      ? terms.compounding.rate === 'penalty'
        ? overdue
        : contract
      : new Decimal(0)
    return { from, contract, penalty, compound }
  })
  return { divisor, periods }
}

/** The rate period in force on `day` (the last one starting on or before it). */
export function ratePeriodAt(book: RateBook, day: DayNumber): RatePeriod {
  let found = book.periods[0]!
  for (const period of book.periods) {
    if (period.from <= day) found = period
    else break
  }
  return found
}
