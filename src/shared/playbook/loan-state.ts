import { monthEnd } from '../charts/portfolio-series'
import { addDays, addMonths, type CivilDate } from '../dates'
import { effectiveCostOfLedger } from '../engine/effective-cost'
import { computeLedger } from '../engine/ledger'
import type { Ledger } from '../engine/ledger-types'
import type { LprEntry } from '../engine/lpr'
import { projectLedger } from '../engine/projection'
import type { StageCode } from '../engine/stages'
import type { LenderKind, LoanEvent, LoanTerms, Payment } from '../engine/terms'
import type { RateCap } from '../engine/apr'
import type { Fen } from '../money'
import {
  collectionContactLogged,
  contactViolations,
  type ContactFacts,
  type Violation,
} from './contact-rules'

import type { Hardship } from './keys'

export { HARDSHIPS, type Hardship } from './keys'

export interface LoanSituation {
  /** A hardship the user declared (null: none). */
  hardship: Hardship | null
  /** When a court or lawyer's notice of a lawsuit arrived (null: none). */
  lawsuitNoticeOn: CivilDate | null
}

export const NO_SITUATION: LoanSituation = { hardship: null, lawsuitNoticeOn: null }

export interface PlaybookInput {
  lenderKind: LenderKind
  terms: LoanTerms
  events: readonly LoanEvent[]
  payments: readonly Payment[]
  contacts: readonly ContactFacts[]
  situation: LoanSituation
  today: CivilDate
  lprTable?: readonly LprEntry[]
  /** The loan's ledger on `today`, when the caller already has it (the backend caches it). */
  ledger?: Ledger
}

/** A loan's state as the playbook's triggers and texts read it, all from the engine. */
export interface LoanState {
  today: CivilDate
  lenderKind: LenderKind
  closed: Ledger['closed']
  stage: StageCode
  stageLabel: string
  daysOverdue: number
  inGrace: boolean
  graceDays: number
  oldestOverdueOn: CivilDate | null
  overdueFen: Fen
  dueNowFen: Fen
  payoffFen: Fen
  dailyFen: Fen
  /** Penalty, compound interest and fees charged so far. */
  lateChargedFen: Fen
  /** The end of the month the penalty figure looks to (this month's end, or next if today is it). */
  monthEnd: CivilDate
  /** The penalty, compound interest and fees that paying the overdue part today avoids by then. */
  stopsByMonthEndFen: Fen
  /** The effective annual cost (XIRR of what flowed, clearing it today), if it has one. */
  annualRate: number | null
  /** The lowest legal line the cost is above, if any. */
  capExceeded: RateCap | null
  collectionContact: boolean
  violations: Violation[]
  situation: LoanSituation
}

const lateCharges = (ledger: Ledger) =>
  ledger.totals.charged.penalty + ledger.totals.charged.compound + ledger.totals.charged.fee

export function loanState(input: PlaybookInput): LoanState {
  const { terms, events, payments, today } = input
  const ledger = input.ledger ?? computeLedger(terms, events, payments, today)
  const end = monthEnd(today) > today ? monthEnd(today) : monthEnd(addMonths(today, 1))
  let stopsByMonthEndFen = 0
  if (ledger.overdueFen > 0 && ledger.closed === false) {
    const unpaid = projectLedger(terms, events, payments, end)
    const paidNow = projectLedger(terms, events, payments, end, [
      { paidOn: today, amountFen: ledger.overdueFen },
    ])
    stopsByMonthEndFen = Math.max(0, lateCharges(unpaid) - lateCharges(paidNow))
  }
  const cost =
    today > terms.disbursedOn
      ? effectiveCostOfLedger(terms, ledger, input.lenderKind, input.lprTable)
      : null
  const capExceeded = cost?.comparison?.caps.find((cap) => cap.exceeded) ?? null
  return {
    today,
    lenderKind: input.lenderKind,
    closed: ledger.closed,
    stage: ledger.stage.code,
    stageLabel: ledger.stage.label,
    daysOverdue: ledger.daysOverdue,
    inGrace: ledger.stage.code === 'grace',
    graceDays: terms.graceDays,
    oldestOverdueOn: ledger.oldestOverdueOn,
    overdueFen: ledger.overdueFen,
    dueNowFen: ledger.dueNowFen,
    payoffFen: ledger.payoffFen,
    dailyFen: ledger.dailyAccrual.fen,
    lateChargedFen: lateCharges(ledger),
    monthEnd: end,
    stopsByMonthEndFen,
    annualRate: cost?.annualRate ?? null,
    capExceeded,
    collectionContact: collectionContactLogged(input.contacts),
    violations: contactViolations(input.contacts),
    situation: input.situation,
  }
}

/** The last day the grace period covers, for the oldest overdue installment. */
export function graceEndsOn(state: LoanState): CivilDate | null {
  return state.oldestOverdueOn === null ? null : addDays(state.oldestOverdueOn, state.graceDays)
}

/** The stage's credit-report code as a number (1 … 7), 0 when current or in grace. */
export function stageNumber(state: LoanState): number {
  return typeof state.stage === 'number' ? state.stage : 0
}
