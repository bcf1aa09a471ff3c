import type { CivilDate } from '../dates'
import type { Fen } from '../money'
import type { Stage } from './stages'
import type { Component, LoanEvent } from './terms'

/** What the engine reports, for installment loans and credit cards alike. */

export type Amounts = Record<Component, Fen>

export type InstallmentStatus =
  | 'upcoming'
  | 'due_today'
  | 'grace'
  | 'overdue'
  | 'paid'
  | 'paid_late'
  | 'prepaid'
  | 'restructured'
  | 'forgiven'

export interface InstallmentLine {
  /** Position in the ledger: contract installments first, then agreed-plan ones, by creation. */
  index: number
  origin: 'contract' | 'agreed_plan'
  dueOn: CivilDate
  status: InstallmentStatus
  /** Something has been paid but not all of it. */
  partiallyPaid: boolean
  daysOverdue: number
  /** What has fallen due by component (for an upcoming installment: what is scheduled). */
  charged: Amounts
  paid: Amounts
  waived: Amounts
  outstanding: Amounts
  /** What was carried into an agreed plan when this installment was closed by it. */
  movedToPlanFen: Fen
}

export interface PaymentAllocation {
  installmentIndex: number
  component: Component
  amountFen: Fen
}

export interface PaymentRecord {
  id?: number
  paidOn: CivilDate
  amountFen: Fen
  allocations: PaymentAllocation[]
  /** Kept as an advance for installments not yet due. */
  advanceFen: Fen
  /** Advance held from earlier payments that this payment's early repayment used up (applied, or overpaid). */
  fromAdvanceFen: Fen
  /** Paid beyond everything owed (or beyond an agreed settlement amount). */
  overpaidFen: Fen
  /** This payment repaid the installments not yet due (with interest to date only). */
  repaidEarly: boolean
}

export interface EventRecord {
  event: LoanEvent
  /** Outstanding carried into an agreed plan, waived, or forgiven by the event. */
  movedFen: Fen
  waivedFen: Fen
  /** For an agreed plan: what it forgives (moved − plan principal; negative if it adds). */
  forgivenFen: Fen
}

export interface TimelinePoint {
  on: CivilDate
  /** Outstanding of everything that has fallen due, by component. */
  due: Amounts
  /** Principal of installments not yet due. */
  notYetDuePrincipalFen: Fen
}

export interface Ledger {
  asOf: CivilDate
  installments: InstallmentLine[]
  /** Over installments that have fallen due; what moved into an agreed plan is counted apart. */
  totals: {
    charged: Amounts
    paid: Amounts
    waived: Amounts
    outstanding: Amounts
    movedToPlanFen: Fen
  }
  /** Everything fallen due and unpaid, today's installment included. */
  dueNowFen: Fen
  /** Of which overdue (due before today). */
  overdueFen: Fen
  notYetDue: { principalFen: Fen; interestFen: Fen }
  /** What clears the loan today: all due amounts, principal not yet due and interest to date. */
  payoffFen: Fen
  daysOverdue: number
  oldestOverdueOn: CivilDate | null
  stage: Stage
  /** What one more day adds now (interest on overdue principal, penalty, compound), exact and rounded. */
  dailyAccrual: {
    fen: Fen
    exactFen: string
    byComponent: Pick<Amounts, 'interest' | 'penalty' | 'compound'>
  }
  creditFen: Fen
  overpaidFen: Fen
  closed: false | 'repaid' | 'forgiven'
  payments: PaymentRecord[]
  events: EventRecord[]
  timeline: TimelinePoint[]
}

export interface LedgerOptions {
  /** Record a timeline point after every happening (for charts). */
  timeline?: boolean
}

export function zeroAmounts(): Amounts {
  return { fee: 0, penalty: 0, compound: 0, interest: 0, principal: 0 }
}

export function sumAmounts(amounts: Amounts): Fen {
  return amounts.fee + amounts.penalty + amounts.compound + amounts.interest + amounts.principal
}
