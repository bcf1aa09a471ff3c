import { addDays, addMonths, type CivilDate } from '../dates'
import { createSimulation, sortPayments } from '../engine/ledger'
import type { LoanEvent, LoanTerms, Payment } from '../engine/terms'
import type { Fen } from '../money'
import { owedByComponent } from './loan-series'

/**
 * The dashboard's history: for each month, what was owed and overdue across the loans at its
 * end (today for the current month), and the penalty, compound interest and fees charged in
 * it. Each loan is read from the engine at each month end, once per day and loan (the caller
 * caches `loanMonths`); adding loans up is then cheap.
 */

export interface LoanMonth {
  /** 'YYYY-MM' */
  month: string
  on: CivilDate
  totalFen: Fen
  overdueFen: Fen
  /** Penalty, compound interest and fees charged from disbursement to `on`. */
  lateChargesFen: Fen
}

export interface PortfolioMonth {
  month: string
  on: CivilDate
  totalOwedFen: Fen
  overdueFen: Fen
  /** Penalty, compound interest and fees charged during this month. */
  lateChargedInMonthFen: Fen
}

/** The last day of the month `date` falls in. */
export function monthEnd(date: CivilDate): CivilDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1)
}

/** One loan at each month end from its disbursement month through today's month. */
export function loanMonths(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  today: CivilDate,
): LoanMonth[] {
  const simulation = createSimulation(
    terms,
    events.filter((event) => event.on <= today),
  )
  const paid = sortPayments(payments.filter((payment) => payment.paidOn <= today))
  const months: LoanMonth[] = []
  let next = 0
  for (
    let end = monthEnd(terms.disbursedOn);
    ;
    end = monthEnd(addMonths(end.slice(0, 8) + '01', 1))
  ) {
    const on = end < today ? end : today
    while (next < paid.length && paid[next]!.paidOn <= on) simulation.pay(paid[next++]!)
    const owed = owedByComponent(simulation.ledger(on))
    months.push({
      month: on.slice(0, 7),
      on,
      totalFen: owed.totalFen,
      overdueFen: owed.overdueFen,
      lateChargesFen: owed.lateChargesFen,
    })
    if (on === today) return months
  }
}

/** The loans' months added up, over every month from the first loan's disbursement to today. */
export function portfolioMonths(loans: readonly (readonly LoanMonth[])[]): PortfolioMonth[] {
  const byMonth = new Map<string, PortfolioMonth>()
  for (const months of loans) {
    let chargedBefore = 0
    for (const month of months) {
      const entry = byMonth.get(month.month) ?? {
        month: month.month,
        on: month.on,
        totalOwedFen: 0,
        overdueFen: 0,
        lateChargedInMonthFen: 0,
      }
      entry.totalOwedFen += month.totalFen
      entry.overdueFen += month.overdueFen
      entry.lateChargedInMonthFen += month.lateChargesFen - chargedBefore
      chargedBefore = month.lateChargesFen
      byMonth.set(month.month, entry)
    }
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month))
}
