import { addDays, addMonths, type CivilDate } from '../dates'
import type { Fen } from '../money'
import { createSimulation, sortPayments } from './ledger'
import type { Ledger } from './ledger-types'
import type { LoanEvent, LoanTerms, Payment } from './terms'

/**
 * Looking ahead: the same simulation as the ledger, run past today with payments the user
 * plans (or none). Nothing here has rules of its own.
 */

/** The ledger on a future date, with planned payments added to the recorded ones. */
export function projectLedger(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  on: CivilDate,
  plannedPayments: readonly Payment[] = [],
): Ledger {
  const simulation = createSimulation(
    terms,
    events.filter((event) => event.on <= on),
    { timeline: true },
  )
  for (const payment of sortPayments([...payments, ...plannedPayments])) {
    if (payment.paidOn > on) break
    simulation.pay(payment)
  }
  return simulation.ledger(on)
}

export interface WaitingCost {
  waitDays: number
  payOn: CivilDate
  /** What clearing the loan costs on that day. */
  payoffFen: Fen
  /** How much more than clearing it today. */
  extraFen: Fen
}

/** Clearing the loan today against clearing it after each of `waits` days (0 = today). */
export function costOfWaiting(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  today: CivilDate,
  waits: readonly number[] = [0, 7, 30, 60, 90],
): WaitingCost[] {
  const todayPayoff = projectLedger(terms, events, payments, today).payoffFen
  return waits.map((waitDays) => {
    const payOn = addDays(today, waitDays)
    const payoffFen =
      waitDays === 0 ? todayPayoff : projectLedger(terms, events, payments, payOn).payoffFen
    return { waitDays, payOn, payoffFen, extraFen: payoffFen - todayPayoff }
  })
}

export interface BudgetPlan {
  monthlyFen: Fen
  /** Planned payments: the budget each month from today, the last one only what is left. */
  payments: Payment[]
  clears: boolean
  clearedOn: CivilDate | null
  totalPaidFen: Fen
}

/**
 * Paying `monthlyFen` today and on the same day of each following month: when the loan is
 * cleared and what it costs in all. When the budget does not keep up with what accrues, the
 * plan says so (`clears: false`) after `maxMonths`.
 */
export function planForMonthlyBudget(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  today: CivilDate,
  monthlyFen: Fen,
  maxMonths = 600,
): BudgetPlan {
  const simulation = createSimulation(terms, events)
  for (const payment of sortPayments(payments)) {
    if (payment.paidOn > today) break
    simulation.pay(payment)
  }
  const planned: Payment[] = []
  let totalPaidFen = 0
  for (let month = 0; month < maxMonths; month++) {
    const payOn = addMonths(today, month)
    const payoff = simulation.ledger(payOn).payoffFen
    if (payoff === 0)
      return { monthlyFen, payments: planned, clears: true, clearedOn: payOn, totalPaidFen }
    const payment = { paidOn: payOn, amountFen: Math.min(monthlyFen, payoff) }
    simulation.pay(payment)
    planned.push(payment)
    totalPaidFen += payment.amountFen
    if (payment.amountFen === payoff) {
      return { monthlyFen, payments: planned, clears: true, clearedOn: payOn, totalPaidFen }
    }
  }
  return { monthlyFen, payments: planned, clears: false, clearedOn: null, totalPaidFen }
}
