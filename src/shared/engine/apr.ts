import type { LenderKind } from './terms'
import { isCivilDate, toDayNumber, type CivilDate } from '../dates'
import { LPR_TABLE, privateLendingCap, type LprEntry } from './lpr'
import type { SourceId } from './sources'

/**
 * The effective annual cost of a loan (XIRR), and how it compares with the legal lines.
 *
 * Unlike everything that computes money, this file works in binary floating point on purpose:
 * the result is a rate found by solving a transcendental equation, it is only ever shown
 * (rounded) or compared with a cap, and no amount of money is derived from it. The cash
 * flows themselves stay exact integers of fen; the caps come from data as exact decimal
 * strings, and are converted to numbers only for the comparison.
 */

export interface CashFlow {
  on: CivilDate
  /** + to the borrower (the loan paid out), − from the borrower (repayments, fees). */
  amountFen: number
}

/** Open interval in which a rate is searched for. */
const MIN_RATE = -0.99
const MAX_RATE = 1e6
/** The solver works in x = ln(1 + r); grid step for bracketing roots. */
const GRID_STEP = 0.02
/** Stop when a Newton or bisection step moves x (≈ the rate, relatively) by less than this. */
const X_TOLERANCE = 1e-14
const MAX_ITERATIONS = 200

/**
 * The r with Σ amount × (1 + r)^(−days/365) = 0, days counted from the earliest flow (ACT/365,
 * as XIRR does): the effective annual rate that makes the flows worth nothing today. null when
 * the amounts never change sign, when every flow falls on one day, or when there is no root
 * with −99 % < r < 1,000,000 %.
 *
 * Method: with x = ln(1 + r) the value is f(x) = Σ aᵢ·e^(−tᵢ·x). Its sign is scanned on a grid
 * of x (step 0.02, with x = 0 on the grid) to bracket roots, then each bracket is solved by
 * Newton's method safeguarded with bisection (Numerical Recipes' rtsafe), to about 1e-14 in x.
 * To avoid overflow f is multiplied by a positive factor (e^(t_max·x) for x < 0), which keeps
 * its sign and roots. For unusual flows with several roots (more than one sign change in date
 * order) the root closest to 0 % is returned; roots closer together than the grid step may be
 * missed.
 */
export function effectiveAnnualRate(flows: readonly CashFlow[]): number | null {
  for (const flow of flows) {
    if (!isCivilDate(flow.on)) throw new RangeError(`Not a date written YYYY-MM-DD: "${flow.on}"`)
    if (!Number.isFinite(flow.amountFen)) throw new RangeError('A cash flow amount is not a number')
  }
  const nonZero = flows.filter((flow) => flow.amountFen !== 0)
  if (!nonZero.some((flow) => flow.amountFen > 0) || !nonZero.some((flow) => flow.amountFen < 0)) {
    return null
  }
  const days = nonZero.map((flow) => toDayNumber(flow.on))
  const origin = Math.min(...days)
  const times = days.map((day) => (day - origin) / 365)
  const amounts = nonZero.map((flow) => flow.amountFen)
  const tMax = Math.max(...times)
  if (tMax === 0) return null

  /** f(x) × e^(scale·x) and its derivative; scale = t_max on x ≤ 0 and 0 on x ≥ 0. */
  const evaluate = (x: number, scale: number): [value: number, slope: number] => {
    let value = 0
    let slope = 0
    for (let i = 0; i < amounts.length; i++) {
      const k = scale - times[i]!
      const term = amounts[i]! * Math.exp(k * x)
      value += term
      slope += k * term
    }
    return [value, slope]
  }
  const scaledValue = (x: number) => evaluate(x, x < 0 ? tMax : 0)[0]

  const xMin = Math.log1p(MIN_RATE)
  const xMax = Math.log1p(MAX_RATE)
  const grid: number[] = []
  for (let k = Math.ceil(xMin / GRID_STEP); k * GRID_STEP < xMax; k++) {
    if (k * GRID_STEP > xMin) grid.push(k * GRID_STEP)
  }

  const roots: number[] = []
  let previousX = grid[0]!
  let previousValue = scaledValue(previousX)
  if (previousValue === 0) roots.push(previousX)
  for (const x of grid.slice(1)) {
    const value = scaledValue(x)
    if (value === 0) roots.push(x)
    else if (previousValue !== 0 && value < 0 !== previousValue < 0) {
      // The bracket never straddles 0 (0 is a grid point), so one scale serves it.
      roots.push(solveBracket(previousX, x, (at) => evaluate(at, previousX < 0 ? tMax : 0)))
    }
    previousX = x
    previousValue = value
  }

  let best: number | null = null
  for (const x of roots) {
    const rate = Math.expm1(x)
    if (rate > MIN_RATE && rate < MAX_RATE && (best === null || Math.abs(rate) < Math.abs(best))) {
      best = rate
    }
  }
  return best
}

/** Safeguarded Newton on [a, b], where f(a) and f(b) have opposite signs. */
function solveBracket(a: number, b: number, f: (x: number) => [number, number]): number {
  let [low, high] = f(a)[0] < 0 ? [a, b] : [b, a] // f(low) < 0 < f(high)
  let x = 0.5 * (a + b)
  let step = Math.abs(b - a)
  let previousStep = step
  let [value, slope] = f(x)
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const newtonLeavesBracket = ((x - high) * slope - value) * ((x - low) * slope - value) > 0
    const newtonTooSlow = Math.abs(2 * value) > Math.abs(previousStep * slope)
    previousStep = step
    if (newtonLeavesBracket || newtonTooSlow) {
      step = 0.5 * (high - low)
      x = low + step
    } else {
      step = value / slope
      x -= step
    }
    if (Math.abs(step) < X_TOLERANCE) return x
    ;[value, slope] = f(x)
    if (value === 0) return x
    if (value < 0) low = x
    else high = x
  }
  return x
}

export type CapId = 'financial-24pct' | 'private-4x-lpr' | 'void-36pct'

export interface RateCap {
  id: CapId
  /** The cap as a fraction (0.24 = 24 %). */
  rate: number
  /** The same cap exactly, as a decimal string ('0.24', '0.12'). */
  exactRate: string
  exceeded: boolean
  sourceId: SourceId
}

export interface CapComparison {
  rate: number
  /** In increasing order of the cap. */
  caps: RateCap[]
}

/**
 * A rate computed by `effectiveAnnualRate` carries solver noise of about 1e-14; a rate within
 * this much of a cap counts as at the cap, not above it.
 */
const CAP_TOLERANCE = 1e-9

/**
 * Compares an effective annual rate with the lines courts and regulators draw:
 * - 24 %, for every kind of lender: the courts' all-in line for financial loans (interest,
 *   compound and penalty interest, penalty fees and other charges; [U]) and, for private loans,
 *   the old upper bound of enforceable interest;
 * - for private loans, 4 × the one-year LPR in force on `signedOn` (omitted for a date before
 *   the LPR table begins, when the old 24 % / 36 % lines applied);
 * - 36 %, as information: above it, private-loan interest used to be void.
 */
export function compareWithCaps(
  rate: number,
  opts: { lenderKind: LenderKind; signedOn: CivilDate; lprTable?: readonly LprEntry[] },
): CapComparison {
  if (!Number.isFinite(rate)) throw new RangeError('The rate is not a number')
  if (!isCivilDate(opts.signedOn)) {
    throw new RangeError(`Not a date written YYYY-MM-DD: "${opts.signedOn}"`)
  }
  const cap = (id: CapId, exactRate: string, sourceId: SourceId): RateCap => {
    const capRate = Number(exactRate)
    return { id, rate: capRate, exactRate, exceeded: rate > capRate + CAP_TOLERANCE, sourceId }
  }
  const isPrivate = opts.lenderKind === 'private'
  const caps = [
    cap(
      'financial-24pct',
      '0.24',
      isPrivate ? 'private-lending-two-lines' : 'financial-24pct-line',
    ),
    cap('void-36pct', '0.36', 'private-lending-two-lines'),
  ]
  if (isPrivate) {
    const table = opts.lprTable ?? LPR_TABLE
    const firstEntry = table.reduce<CivilDate | null>(
      (min, entry) => (min === null || entry.from < min ? entry.from : min),
      null,
    )
    if (firstEntry !== null && opts.signedOn >= firstEntry) {
      const limit = privateLendingCap(opts.signedOn, table)
      caps.push(cap('private-4x-lpr', limit.annualRate, limit.sourceId))
    }
  }
  caps.sort((a, b) => a.rate - b.rate)
  return { rate, caps }
}
