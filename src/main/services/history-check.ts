import type { CivilDate } from '@shared/dates'
import { computeLedger, createSimulation } from '@shared/engine/ledger'
import type { LoanEvent, LoanTerms, Payment } from '@shared/engine/terms'

/**
 * Whether the engine can compute a loan's history, and if not, what in it is at fault: the
 * check behind bulk writes (data import, CSV import) that must name the record to fix rather
 * than just refuse. The single-record services use `assertComputable` (loan-data.ts).
 */

export type HistoryFault =
  | { at: 'terms'; message: string }
  | { at: 'event'; index: number; message: string }
  | { at: 'payment'; index: number; message: string }

/**
 * Events must come ordered by date then id, and payments by date then id (as `loadHistory`
 * reads them); `index` is whatever the caller uses to find the record again (its position in a
 * file, a CSV row…). Only RangeErrors (the engine refusing a history) count: anything else is a
 * bug and is thrown.
 */
export function findHistoryFault(
  terms: LoanTerms,
  events: readonly { index: number; event: LoanEvent }[],
  payments: readonly { index: number; payment: Payment }[],
  today: CivilDate,
): HistoryFault | null {
  let asOf = today
  for (const { event } of events) if (event.on > asOf) asOf = event.on
  for (const { payment } of payments) if (payment.paidOn > asOf) asOf = payment.paidOn

  const attempt = (eventList: readonly LoanEvent[], paymentList: readonly Payment[]) => {
    try {
      computeLedger(terms, eventList, paymentList, asOf)
      return null
    } catch (error) {
      if (error instanceof RangeError) return error
      throw error
    }
  }

  const allEvents = events.map((entry) => entry.event)
  // The common case, and the only one that must be fast: the whole history computes.
  const whole = attempt(
    allEvents,
    payments.map((entry) => entry.payment),
  )
  if (whole === null) return null

  // Something is wrong: find the first record that makes it so.
  const bare = attempt([], [])
  if (bare !== null) return { at: 'terms', message: bare.message }
  for (let count = 1; count <= events.length; count += 1) {
    const fault = attempt(allEvents.slice(0, count), [])
    if (fault !== null)
      return { at: 'event', index: events[count - 1]!.index, message: fault.message }
  }
  const simulation = createSimulation(terms, allEvents)
  for (const { index, payment } of payments) {
    try {
      simulation.pay(payment)
    } catch (error) {
      if (error instanceof RangeError) return { at: 'payment', index, message: error.message }
      throw error
    }
  }
  return { at: 'terms', message: whole.message }
}
