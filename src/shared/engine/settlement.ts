import type { DayNumber } from '../dates'
import type { Fen } from '../money'

/**
 * A settlement agreement (the `settlement` event) as the loan and card simulations track it.
 * From its day on, every payment counts toward its amount, even one that repays the loan early
 * (a later agreed plan may reopen the loan); of a payment only what is still needed applies,
 * the rest is overpaid; once the amount is reached, what is left is forgiven.
 * docs/engine-rules.md, "Restructuring events".
 */
export class Settlement {
  private paid: Fen = 0

  constructor(
    readonly fromDay: DayNumber,
    readonly amountFen: Fen,
  ) {}

  /** How much of a payment made on `day` is applied; the caller overpays the rest. */
  applicable(day: DayNumber, paymentFen: Fen): Fen {
    return day < this.fromDay ? paymentFen : Math.min(paymentFen, this.amountFen - this.paid)
  }

  /** Counts what a payment on `day` applied; true once the amount is reached. */
  count(day: DayNumber, appliedFen: Fen): boolean {
    if (day < this.fromDay) return false
    this.paid += appliedFen
    return this.paid >= this.amountFen
  }

  /** Clearing the loan costs at most what the settlement still asks for. */
  capPayoff(payoffFen: Fen): Fen {
    return Math.min(payoffFen, Math.max(0, this.amountFen - this.paid))
  }
}
