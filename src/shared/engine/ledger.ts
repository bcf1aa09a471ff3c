import type { CivilDate } from '../dates'
import { CardSimulation } from './card'
import { LoanSimulation } from './installment-loan'
import type { Ledger, LedgerOptions, PaymentRecord } from './ledger-types'
import type { LoanEvent, LoanTerms, Payment } from './terms'

/** A loan simulated forward in time: payments go in in date order; the ledger can be read at any date. */
export interface Simulation {
  pay(payment: Payment): PaymentRecord
  ledger(asOf: CivilDate): Ledger
}

export function createSimulation(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  options: LedgerOptions = {},
): Simulation {
  return terms.kind === 'credit_card'
    ? new CardSimulation(terms, events, options)
    : new LoanSimulation(terms, events, options)
}

/** The ledger of a loan on `asOf`, from its terms, events and payments up to then. */
export function computeLedger(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  asOf: CivilDate,
  options: LedgerOptions = {},
): Ledger {
  const simulation = createSimulation(
    terms,
    events.filter((event) => event.on <= asOf),
    options,
  )
  for (const payment of sortPayments(payments)) {
    if (payment.paidOn > asOf) break
    simulation.pay(payment)
  }
  return simulation.ledger(asOf)
}

/** Payments by date; same-day payments keep their given order. */
export function sortPayments(payments: readonly Payment[]): Payment[] {
  return payments
    .map((payment, order) => ({ payment, order }))
    .sort((a, b) =>
      a.payment.paidOn < b.payment.paidOn
        ? -1
        : a.payment.paidOn > b.payment.paidOn
          ? 1
          : a.order - b.order,
    )
    .map(({ payment }) => payment)
}
