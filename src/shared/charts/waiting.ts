import { addMonths, type CivilDate } from '../dates'
import type { Ledger } from '../engine/ledger-types'
import { COMPONENTS } from '../engine/terms'
import { Decimal, roundToFen, type Fen } from '../money'

/**
 * Installment plans to set beside "pay everything today or after N days": the plan agreed with
 * the lender (from the loan's events) or one the user sketches before negotiating.
 */

export interface PlanCost {
  count: number
  firstDueOn: CivilDate
  lastDueOn: CivilDate
  /** What following the plan to its end costs from today. */
  totalFen: Fen
}

/**
 * The agreed plan still to pay: everything outstanding on its installments (scheduled amounts
 * for those not yet due, plus anything charged on late ones). Null when the loan has no plan.
 */
export function agreedPlanCost(ledger: Ledger): PlanCost | null {
  const lines = ledger.installments.filter(
    (line) => line.origin === 'agreed_plan' && line.status !== 'restructured',
  )
  if (lines.length === 0) return null
  const owed = lines.reduce(
    (sum, line) => sum + COMPONENTS.reduce((s, c) => s + line.outstanding[c], 0),
    0,
  )
  return {
    count: lines.length,
    firstDueOn: lines[0]!.dueOn,
    lastDueOn: lines.at(-1)!.dueOn,
    totalFen: owed,
  }
}

export interface SketchedInstallment {
  dueOn: CivilDate
  principalFen: Fen
  feeFen: Fen
}

/**
 * A plan the user sketches: today's payoff in `months` monthly installments from `firstDueOn`,
 * with a monthly fee of `monthlyFeePercent` % of that amount (how card and consumer-loan
 * installment plans usually charge). The principal is split evenly in whole fen, the leftover
 * fen going to the first installment; the fee is rounded half-up to the fen each month.
 */
export function sketchPlan(
  payoffFen: Fen,
  months: number,
  firstDueOn: CivilDate,
  monthlyFeePercent: string,
): { installments: SketchedInstallment[]; totalFen: Fen } {
  const base = Math.floor(payoffFen / months)
  const leftover = payoffFen - base * months
  const feeFen = roundToFen(new Decimal(payoffFen).times(monthlyFeePercent).div(100))
  const installments = Array.from({ length: months }, (_, index) => ({
    dueOn: addMonths(firstDueOn, index),
    principalFen: base + (index === 0 ? leftover : 0),
    feeFen,
  }))
  return { installments, totalFen: payoffFen + feeFen * months }
}
