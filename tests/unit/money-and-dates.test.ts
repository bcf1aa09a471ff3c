import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  addMonthsToDay,
  civilDateSchema,
  daysBetween,
  fixedClock,
  fromDayNumber,
  toDayNumber,
} from '@shared/dates'
import {
  Decimal,
  divideToFen,
  fenToYuanString,
  formatFen,
  roundToFen,
  yuanToFen,
} from '@shared/money'

describe('money', () => {
  it.each([
    ['1234.56', 123_456],
    ['1,234.5', 123_450],
    ['¥0.01', 1],
    ['  100 ', 10_000],
    ['-3.20', -320],
  ])('yuanToFen(%s) = %d', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen)
  })

  it.each(['1.234', 'abc', '', '1e3', '0x10', '1.2.3'])('refuses "%s"', (text) => {
    expect(() => yuanToFen(text)).toThrow(RangeError)
  })

  it('writes fen back as yuan exactly, and formats them for each locale', () => {
    expect(fenToYuanString(123_456)).toBe('1234.56')
    expect(fenToYuanString(5)).toBe('0.05')
    expect(fenToYuanString(-120)).toBe('-1.20')
    expect(formatFen(123_456_789, 'zh-CN')).toBe('¥1,234,567.89')
    expect(formatFen(5, 'en')).toBe('¥0.05')
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (fen) => yuanToFen(fenToYuanString(fen)) === fen,
      ),
    )
  })

  it('rounds half-up, exactly, whatever the divisor', () => {
    expect(roundToFen(new Decimal('2.5'))).toBe(3)
    expect(roundToFen(new Decimal('2.4999999999999999999'))).toBe(2)
    expect(divideToFen(new Decimal('182.5'), 365)).toBe(1) // exactly 0.5
    expect(divideToFen(new Decimal('182.4999'), 365)).toBe(0)
    // Against integer arithmetic: numerator = n / 10^6, so round(n / (10^6 · d)) half-up.
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.constantFrom(1, 360, 365),
        (n, divisor) => {
          const scale = 10n ** 6n * BigInt(divisor)
          const expected = (n * 2n + scale) / (scale * 2n)
          const numerator = new Decimal(n.toString()).div(1_000_000)
          expect(divideToFen(numerator, divisor)).toBe(Number(expected))
        },
      ),
      { numRuns: 2_000 },
    )
  })
})

describe('civil dates', () => {
  it('validates real calendar dates only', () => {
    expect(civilDateSchema.safeParse('2028-02-29').success).toBe(true)
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00']) {
      expect(civilDateSchema.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('steps months to the same day or the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-02-15', '2026-04-16')).toBe(60)
    expect(fromDayNumber(toDayNumber('2026-11-26'))).toBe('2026-11-26')
  })

  it('addMonthsToDay agrees with addMonths on every day of 2023–2029', () => {
    const start = toDayNumber('2023-01-01')
    const end = toDayNumber('2029-12-31')
    for (let day = start; day <= end; day++) {
      for (const months of [-13, -1, 1, 2, 11, 12, 25]) {
        expect(fromDayNumber(addMonthsToDay(day, months))).toBe(
          addMonths(fromDayNumber(day), months),
        )
      }
    }
  })

  it('lets the clock be fixed for tests and projections', () => {
    expect(fixedClock('2026-04-16').today()).toBe('2026-04-16')
  })
})
