import Big from 'big.js'
import { z } from 'zod'

/**
 * Money is an integer number of fen (分, 0.01 yuan) in storage, on the wire and in every
 * amount the engine reports. Nothing here multiplies or divides money in binary floating point.
 *
 * THE ROUNDING RULE (the one rule the engine uses):
 *   accrual (interest, penalty interest, compound interest) is computed exactly, in decimal,
 *   with no intermediate rounding; the amount owed for a component of an installment is its
 *   exact accrued total rounded half-up to the fen, minus what has been paid against it.
 *   Scheduled amounts (an installment's principal and interest) and charged fees are rounded
 *   half-up to the fen once, when they are set.
 */
export type Fen = number

export const fenSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
/**
 * The largest amount RepayPath takes: ¥10 billion. Far above any personal loan, and low enough
 * that decades of penalty interest on it stay exact integers in JavaScript numbers.
 */
export const MAX_AMOUNT_FEN = 1_000_000_000_000
export const positiveFenSchema = z.number().int().positive().max(MAX_AMOUNT_FEN)
export const nonNegativeFenSchema = z.number().int().nonnegative().max(MAX_AMOUNT_FEN)

/** A decimal number written as a string, e.g. "0.0005" or "18.25": rates and multipliers. */
const DECIMAL_PATTERN = /^\d{1,6}(\.\d{1,12})?$/
export const decimalStringSchema = z
  .string()
  .regex(DECIMAL_PATTERN, 'must be a decimal number such as 0.0005')

/** A decimal string no larger than `max` (compared exactly). */
export function decimalAtMost(max: string) {
  // Zod runs the refinement even when the pattern failed: only a well-formed number is compared.
  return decimalStringSchema.refine(
    (value) => !DECIMAL_PATTERN.test(value) || !new Decimal(value).gt(max),
    `must be at most ${max}`,
  )
}

/**
 * The decimal type of the engine: its own big.js constructor (so no other user of big.js is
 * affected by its settings). Multiplication and addition are exact; division keeps 40 decimals
 * and truncates, and only `divideToFen` divides.
 */
export const Decimal = Big()
Decimal.DP = 40
Decimal.RM = Decimal.roundDown
export type Decimal = Big

/**
 * Exact rounding of a decimal value to whole fen, half away from zero (half-up for amounts ≥ 0).
 * big.js writes whole numbers below 1e21 as plain digits, so the string is read back exactly.
 */
export function roundToFen(value: Big): Fen {
  return Number(value.round(0, Decimal.roundHalfUp).toString())
}

/**
 * Exact `numerator / divisor` rounded half-up to whole fen (numerator ≥ 0, divisor a positive
 * integer). Split the numerator into its whole part w and fraction f (0 ≤ f < 1); with
 * w = q·divisor + m, the quotient's fraction is (m + f) / divisor, which is at least one half
 * exactly when m + f ≥ divisor / 2. Only whole numbers below 2^53 are handled as numbers.
 */
export function divideToFen(numerator: Big, divisor: number): Fen {
  if (divisor === 1) return roundToFen(numerator)
  const wholePart = numerator.round(0, Decimal.roundDown)
  const whole = Number(wholePart.toString())
  if (!Number.isSafeInteger(whole)) return roundToFen(new Decimal(numerator).div(divisor))
  const m = whole % divisor
  const q = (whole - m) / divisor
  const twiceM = 2 * m
  if (twiceM >= divisor) return q + 1
  if (twiceM + 1 < divisor) return q
  // 2m + 1 = divisor: half-up exactly when the fraction is at least one half.
  return numerator.minus(wholePart).gte(0.5) ? q + 1 : q
}

/** "1,234.5" or "1234.50" → 123450. Refuses more than two decimals and anything not a number. */
export function yuanToFen(text: string): Fen {
  const cleaned = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) {
    throw new RangeError(`Not an amount in yuan with at most two decimals: "${text}"`)
  }
  const fen = Number(new Decimal(cleaned).times(100).toString())
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Amount too large: "${text}"`)
  return fen
}

/** 123450 → "1234.50" (no grouping, no currency sign): exact, by string. */
export function fenToYuanString(fen: Fen): string {
  const sign = fen < 0 ? '-' : ''
  const digits = Math.abs(fen).toString().padStart(3, '0')
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`
}

/** Locale currency text for an amount in fen, e.g. "¥1,234.50"; exact (Intl formats the string). */
/** One formatter per locale: building an Intl.NumberFormat costs far more than using one. */
const yuanFormats = new Map<string, Intl.NumberFormat>()

export function formatFen(fen: Fen, locale: string): string {
  let format = yuanFormats.get(locale)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    })
    yuanFormats.set(locale, format)
  }
  // Intl.NumberFormat formats decimal strings exactly (ECMA-402 "Intl.NumberFormat v3").
  return format.format(fenToYuanString(fen) as unknown as number)
}
