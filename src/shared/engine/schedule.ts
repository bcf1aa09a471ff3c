import {
  addMonthsToDay,
  fromDayNumber,
  toDayNumber,
  type CivilDate,
  type DayNumber,
} from '../dates'
import { Decimal, roundToFen, type Fen } from '../money'
import { dayCountDivisor } from './rates'
import type { LoanTerms, Schedule } from './terms'

/** One installment of the contract schedule: what falls due on a date. */
export interface ScheduledInstallment {
  dueOn: CivilDate
  dueDay: DayNumber
  principalFen: Fen
  interestFen: Fen
}

type GeneratedSchedule = Exclude<Schedule, { method: 'custom' }>

/** The k-th due date (k = 0 for the first). Months step from the first date, so the 31st stays the 31st where it can. */
export function dueDateOf(terms: LoanTerms, schedule: GeneratedSchedule, k: number): CivilDate {
  const step = (day: DayNumber, periods: number) =>
    schedule.periodUnit === 'month'
      ? addMonthsToDay(day, periods * schedule.periodLength)
      : day + periods * schedule.periodLength
  const first =
    schedule.firstDueOn === undefined
      ? step(toDayNumber(terms.disbursedOn), 1)
      : toDayNumber(schedule.firstDueOn)
  return fromDayNumber(step(first, k))
}

/**
 * The contract schedule: entered as the lender shows it, or generated from the method.
 * Conventions (each the common one in China; all editable by entering a custom schedule):
 * - daily rates: a period's interest is remaining principal × daily rate × the period's days;
 *   for equal installments the periodic rate is daily rate × 30 per month (× days for day periods);
 * - annual rates: monthly periods use annual / 12 per month; day periods use annual / 365 (360) per day;
 * - each installment's interest is rounded half-up to the fen; equal-principal and equal-installment
 *   schedules put the rounding remainder of principal in the last installment;
 * - a rate change applies to periods that start on or after it.
 */
export function buildSchedule(terms: LoanTerms): ScheduledInstallment[] {
  const schedule = terms.schedule
  if (schedule.method === 'custom') {
    return schedule.installments.map((item) => ({
      dueOn: item.dueOn,
      dueDay: toDayNumber(item.dueOn),
      principalFen: item.principalFen,
      interestFen: item.interestFen,
    }))
  }
  const dueDates = Array.from({ length: schedule.periods }, (_, k) => dueDateOf(terms, schedule, k))
  const starts = [terms.disbursedOn, ...dueDates.slice(0, -1)]
  const periodRate = (k: number) => periodicRate(terms, schedule, starts[k]!, dueDates[k]!)
  // One periodic rate per rate in force (they change rarely); computed once each.
  const equalRates = new Map<string, Decimal>()
  const equalRate = (k: number) => {
    const key = rateAt(terms, starts[k]!).toString()
    let rate = equalRates.get(key)
    if (rate === undefined) {
      rate = equalInstallmentRate(terms, schedule, starts[k]!)
      equalRates.set(key, rate)
    }
    return rate
  }
  const principal = terms.principalFen
  const n = schedule.periods

  if (schedule.method === 'bullet') {
    const interest = dueDates.reduce(
      (sum, _due, k) => sum.plus(periodRate(k).times(principal)),
      new Decimal(0),
    )
    const dueOn = dueDates[n - 1]!
    return [
      {
        dueOn,
        dueDay: toDayNumber(dueOn),
        principalFen: principal,
        interestFen: roundToFen(interest),
      },
    ]
  }

  const equalPrincipal = roundToFen(new Decimal(principal).div(n))
  const installments: ScheduledInstallment[] = []
  let remaining = principal
  let payment: Fen | null = null
  let paymentRate: Decimal | null = null
  for (let k = 0; k < n; k++) {
    const rate = periodRate(k)
    const interestFen = roundToFen(rate.times(remaining))
    const isLast = k === n - 1
    let principalFen: Fen
    if (schedule.method === 'interest_first') {
      principalFen = isLast ? remaining : 0
    } else if (schedule.method === 'equal_principal') {
      principalFen = isLast ? remaining : Math.min(remaining, equalPrincipal)
    } else {
      // Equal installments: the payment is recomputed only when the periodic rate changes.
      const rate = equalRate(k)
      if (payment === null || rate !== paymentRate) {
        payment = annuityPayment(remaining, rate, n - k)
        paymentRate = rate
      }
      principalFen = isLast ? remaining : Math.min(remaining, Math.max(0, payment - interestFen))
    }
    remaining -= principalFen
    const dueOn = dueDates[k]!
    installments.push({ dueOn, dueDay: toDayNumber(dueOn), principalFen, interestFen })
  }
  return installments
}

function rateAt(terms: LoanTerms, date: CivilDate): Decimal {
  let value = terms.rate.value
  for (const change of terms.rateChanges) if (change.from <= date) value = change.value
  return new Decimal(value)
}

/** The interest rate for one period, as a fraction of the principal outstanding in it. */
function periodicRate(
  terms: LoanTerms,
  schedule: GeneratedSchedule,
  start: CivilDate,
  due: CivilDate,
): Decimal {
  const rate = rateAt(terms, start)
  const days = toDayNumber(due) - toDayNumber(start)
  if (terms.rate.per === 'day') return rate.times(days)
  if (schedule.periodUnit === 'month') return rate.times(schedule.periodLength).div(12)
  return rate.times(days).div(dayCountDivisor(terms))
}

function equalInstallmentRate(
  terms: LoanTerms,
  schedule: GeneratedSchedule,
  start: CivilDate,
): Decimal {
  const rate = rateAt(terms, start)
  const length = schedule.periodLength
  if (terms.rate.per === 'day')
    return rate.times(schedule.periodUnit === 'month' ? 30 * length : length)
  if (schedule.periodUnit === 'month') return rate.times(length).div(12)
  return rate.times(length).div(dayCountDivisor(terms))
}

/** A = P·r·(1+r)^n / ((1+r)^n − 1), rounded half-up to the fen; P / n when r = 0. */
export function annuityPayment(principal: Fen, rate: Decimal, periods: number): Fen {
  if (rate.eq(0)) return roundToFen(new Decimal(principal).div(periods))
  let growth = new Decimal(1)
  const factor = rate.plus(1)
  // (1+r)^n with 40 decimals kept at each step: far below a fen's worth of error.
  for (let i = 0; i < periods; i++) growth = growth.times(factor).round(40, Decimal.roundDown)
  return roundToFen(new Decimal(principal).times(rate).times(growth).div(growth.minus(1)))
}
