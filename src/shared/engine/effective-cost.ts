import type { CivilDate } from '../dates'
import { compareWithCaps, effectiveAnnualRate, type CapComparison, type CashFlow } from './apr'
import { computeLedger } from './ledger'
import type { Ledger } from './ledger-types'
import type { LprEntry } from './lpr'
import type { LenderKind, LoanEvent, LoanTerms, Payment } from './terms'

/**
 * The effective annual cost of a loan: the IRR of what actually flowed — the money lent, every
 * payment (less what was overpaid), and, for a loan still open, clearing it on `asOf` — so that
 * interest, penalty, compound interest and fees all count. It is compared with the legal lines.
 */
export interface EffectiveCost {
  /** A fraction (0.2437 = 24.37 %); null when the flows have no rate (nothing paid or owed yet). */
  annualRate: number | null
  comparison: CapComparison | null
  flows: CashFlow[]
}

export function loanCashFlows(terms: LoanTerms, ledger: Ledger): CashFlow[] {
  const flows: CashFlow[] = [{ on: terms.disbursedOn, amountFen: terms.principalFen }]
  for (const payment of ledger.payments) {
    const kept = payment.amountFen - payment.overpaidFen
    if (kept > 0) flows.push({ on: payment.paidOn, amountFen: -kept })
  }
  if (ledger.payoffFen > 0) flows.push({ on: ledger.asOf, amountFen: -ledger.payoffFen })
  return flows
}

export function effectiveCost(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  asOf: CivilDate,
  lenderKind: LenderKind,
  lprTable?: readonly LprEntry[],
): EffectiveCost {
  return effectiveCostOfLedger(
    terms,
    computeLedger(terms, events, payments, asOf),
    lenderKind,
    lprTable,
  )
}

/** `effectiveCost` from the loan's ledger on the day, when the caller already has it. */
export function effectiveCostOfLedger(
  terms: LoanTerms,
  ledger: Ledger,
  lenderKind: LenderKind,
  lprTable?: readonly LprEntry[],
): EffectiveCost {
  const flows = loanCashFlows(terms, ledger)
  const annualRate = effectiveAnnualRate(flows)
  const comparison =
    annualRate === null
      ? null
      : compareWithCaps(annualRate, {
          lenderKind,
          signedOn: terms.disbursedOn,
          ...(lprTable === undefined ? {} : { lprTable }),
        })
  return { annualRate, comparison, flows }
}
