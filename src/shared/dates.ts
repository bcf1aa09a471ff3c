import { UTCDate } from '@date-fns/utc'
import { addDays as addDaysFns, addMonths as addMonthsFns, format } from 'date-fns'
import { z } from 'zod'

/**
 * Civil dates: a calendar day with no time and no time zone, written `YYYY-MM-DD`, as lenders
 * print due dates. Arithmetic goes through date-fns on UTC dates, so the machine's time zone
 * can never shift a day. Inside the engine dates become day numbers (days since 1970-01-01):
 * integers that subtract to a count of days.
 */
export type CivilDate = string
export type DayNumber = number

const MS_PER_DAY = 86_400_000

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not): it survives a round trip through its day number. */
export function isCivilDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDayNumber(toDayNumber(value)) === value
}

export const civilDateSchema = z
  .string()
  .refine(isCivilDate, 'must be a real calendar date written YYYY-MM-DD')
  .refine((date) => date >= '1900-01-01' && date <= '2199-12-31', 'must be between 1900 and 2199')

function toUtc(date: CivilDate): UTCDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new UTCDate(year, month - 1, day)
}

function fromUtc(date: Date): CivilDate {
  return date.toISOString().slice(0, 10)
}

// The engine converts dates on every payment and installment: these two stay on plain UTC
// arithmetic (exact for whole days) rather than building date objects.
export function toDayNumber(date: CivilDate): DayNumber {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

/** Day numbers already turned into dates: the engine asks for the same few thousand days often. */
const civilDateOfDay = new Map<DayNumber, CivilDate>()

export function fromDayNumber(day: DayNumber): CivilDate {
  let date = civilDateOfDay.get(day)
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    civilDateOfDay.set(day, date)
  }
  return date
}

/** Adds calendar months; the 31st steps to the last day of shorter months (Jan 31 → Feb 28). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  return fromUtc(addMonthsFns(toUtc(date), months))
}

/**
 * `addMonths` on day numbers, for the engine's schedules (hundreds of due dates a loan): the
 * same rule — same day of the month, or the month's last day — in plain UTC arithmetic.
 * tests/unit/dates.test.ts checks it against `addMonths` over every day of several years.
 */
export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  const date = new Date(day * MS_PER_DAY)
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(addDaysFns(toUtc(date), days))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** Where "today" comes from: injected everywhere, so tests and projections can fix it. */
export interface Clock {
  today(): CivilDate
}

/** Today on this machine's calendar (its local time zone): the user's own "today". */
export const systemClock: Clock = { today: () => format(new Date(), 'yyyy-MM-dd') }

export function fixedClock(date: CivilDate): Clock {
  return { today: () => date }
}

/** A civil date in the reader's language, e.g. "2026年11月26日" or "Nov 26, 2026". */
/** One formatter per locale: building an Intl.DateTimeFormat costs far more than using one. */
const mediumDateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatCivilDate(date: CivilDate, locale: string): string {
  let format = mediumDateFormats.get(locale)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    mediumDateFormats.set(locale, format)
  }
  return format.format(new Date(`${date}T00:00:00Z`))
}
