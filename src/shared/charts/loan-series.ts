import { addDays, toDayNumber, fromDayNumber, type CivilDate } from '../dates'
import { createSimulation, sortPayments } from '../engine/ledger'
import type { Ledger } from '../engine/ledger-types'
import type { StageCode } from '../engine/stages'
import type { LoanEvent, LoanTerms, Payment } from '../engine/terms'
import type { Fen } from '../money'
import { downsample } from './downsample'

/**
 * A loan's chart data, read from the engine: what is owed on each sampled day, by component,
 * from disbursement through today and on past it with nothing more paid (the engine's own
 * projection). Every point is a ledger the engine computed for that day, so its total is the
 * ledger's payoff to the fen.
 */

export interface OwedPoint {
  on: CivilDate
  /** After today: what the engine projects if nothing more is paid. */
  projected: boolean
  /** What is owed by component; they add up to `totalFen`. */
  principal: Fen
  interest: Fen
  penalty: Fen
  compound: Fen
  fee: Fen
  /** What clears the loan that day: the ledger's payoff. */
  totalFen: Fen
  overdueFen: Fen
  /** Penalty, compound interest and late fees charged so far (waived ones included). */
  lateChargesFen: Fen
  stage: StageCode
}

export interface StageBand {
  from: CivilDate
  to: CivilDate
  code: Exclude<StageCode, 'current'>
}

export interface LoanSeries {
  today: CivilDate
  points: OwedPoint[]
  payments: { on: CivilDate; amountFen: Fen }[]
  /** Stretches spent in each overdue stage (grace, M1 … M7), at the sampling's resolution. */
  stageBands: StageBand[]
}

/** Days sampled at most before downsampling; a loan of up to this many days is sampled daily. */
const SAMPLE_BUDGET = 800

/**
 * The owed amount split for stacking. The due part of each component comes from the ledger;
 * principal not yet due is principal, and the rest of the payoff (interest accrued on what is
 * not yet due; on a card, interest not yet billed) is interest. Where the payoff is less than
 * the parts (an advance held, a settlement cap), the difference comes off principal first,
 * then interest, penalty, compound and fees: the stack always totals the payoff.
 */
export function owedByComponent(ledger: Ledger): Omit<OwedPoint, 'on' | 'projected' | 'stage'> {
  const due = ledger.totals.outstanding
  const parts = {
    principal: due.principal + ledger.notYetDue.principalFen,
    interest: due.interest,
    penalty: due.penalty,
    compound: due.compound,
    fee: due.fee,
  }
  const sum = parts.principal + parts.interest + parts.penalty + parts.compound + parts.fee
  let excess = sum - ledger.payoffFen
  if (excess < 0) parts.interest -= excess
  for (const key of ['principal', 'interest', 'penalty', 'compound', 'fee'] as const) {
    if (excess <= 0) break
    const cut = Math.min(parts[key], excess)
    parts[key] -= cut
    excess -= cut
  }
  const charged = ledger.totals.charged
  return {
    ...parts,
    totalFen: ledger.payoffFen,
    overdueFen: ledger.overdueFen,
    lateChargesFen: charged.penalty + charged.compound + charged.fee,
  }
}

/** The days to sample: daily when short, else an even grid plus every day that matters. */
function sampleDays(from: CivilDate, to: CivilDate, mustHave: readonly CivilDate[]): CivilDate[] {
  const first = toDayNumber(from)
  const last = toDayNumber(to)
  const span = last - first + 1
  const step = Math.max(1, Math.ceil(span / SAMPLE_BUDGET))
  const days = new Set<number>()
  for (let day = first; day <= last; day += step) days.add(day)
  days.add(last)
  for (const date of mustHave) {
    const day = toDayNumber(date)
    if (day >= first && day <= last) days.add(day)
  }
  return [...days].sort((a, b) => a - b).map(fromDayNumber)
}

export function loanSeries(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  today: CivilDate,
  horizonDays: number,
  maxPoints = 1_000,
): LoanSeries {
  const end = addDays(today, horizonDays)
  const paid = sortPayments(payments.filter((payment) => payment.paidOn <= today))
  // Around each payment: the day before (the peak) and the day itself (the drop).
  const marks = paid.flatMap((payment) => [addDays(payment.paidOn, -1), payment.paidOn])
  const dueDates =
    terms.schedule.method === 'custom' ? terms.schedule.installments.map((i) => i.dueOn) : []
  const days = sampleDays(terms.disbursedOn, end, [today, ...marks, ...dueDates])

  const simulation = createSimulation(
    terms,
    events.filter((event) => event.on <= end),
  )
  const points: OwedPoint[] = []
  let next = 0
  for (const on of days) {
    while (next < paid.length && paid[next]!.paidOn <= on) simulation.pay(paid[next++]!)
    const ledger = simulation.ledger(on)
    points.push({ on, projected: on > today, stage: ledger.stage.code, ...owedByComponent(ledger) })
  }

  const stageBands: StageBand[] = []
  points.forEach((point, index) => {
    if (point.stage === 'current') return
    const band = stageBands.at(-1)
    // A band runs on while consecutive samples stay in its stage.
    if (band?.code === point.stage && points[index - 1]?.on === band.to) band.to = point.on
    else stageBands.push({ from: point.on, to: point.on, code: point.stage })
  })

  const paymentDays = new Set(paid.map((payment) => payment.paidOn))
  return {
    today,
    points: downsample(
      points,
      maxPoints,
      (point) => point.totalFen,
      (point) => point.on === today || paymentDays.has(point.on),
    ),
    payments: paid.map((payment) => ({ on: payment.paidOn, amountFen: payment.amountFen })),
    stageBands,
  }
}
