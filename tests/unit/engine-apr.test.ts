import { describe, expect, it } from 'vitest'
import { addMonths, daysBetween } from '@shared/dates'
import { compareWithCaps, effectiveAnnualRate, type CashFlow } from '@shared/engine/apr'
import type { LprEntry } from '@shared/engine/lpr'

/** Σ amount × (1 + r)^(−days/365): zero at the effective annual rate. */
function presentValue(flows: CashFlow[], rate: number): number {
  const first = flows[0]!.on
  return flows.reduce(
    (sum, flow) => sum + flow.amountFen * Math.pow(1 + rate, -daysBetween(first, flow.on) / 365),
    0,
  )
}

describe('effectiveAnnualRate', () => {
  it('borrow 10,000 and repay 11,000 a year (365 days) later: 10 %', () => {
    // 10000 − 11000 / (1 + r)^(365/365) = 0  ⇒  1 + r = 1.1  ⇒  r = 0.10.
    const rate = effectiveAnnualRate([
      { on: '2025-01-01', amountFen: 1_000_000 },
      { on: '2026-01-01', amountFen: -1_100_000 },
    ])
    expect(rate).toBeCloseTo(0.1, 12)
  })

  it('two repayments, one and two years later: 10 %', () => {
    // 100 = 55 / 1.1 + 60.5 / 1.1² = 50 + 50; 2025-01-01 → 2026-01-01 → 2027-01-01 is 365 + 365 days.
    const rate = effectiveAnnualRate([
      { on: '2025-01-01', amountFen: 10_000 },
      { on: '2026-01-01', amountFen: -5_500 },
      { on: '2027-01-01', amountFen: -6_050 },
    ])
    expect(rate).toBeCloseTo(0.1, 12)
  })

  it('the order of the flows does not matter (days count from the earliest)', () => {
    const rate = effectiveAnnualRate([
      { on: '2027-01-01', amountFen: -6_050 },
      { on: '2025-01-01', amountFen: 10_000 },
      { on: '2026-01-01', amountFen: -5_500 },
    ])
    expect(rate).toBeCloseTo(0.1, 12)
  })

  it('repaying less than was borrowed gives a negative rate: −10 %', () => {
    // 100 − 90 / (1 + r) = 0  ⇒  r = −0.10.
    const rate = effectiveAnnualRate([
      { on: '2025-01-01', amountFen: 100 },
      { on: '2026-01-01', amountFen: -90 },
    ])
    expect(rate).toBeCloseTo(-0.1, 12)
  })

  it('a "flat fee" monthly schedule: 10,000 repaid as 12 × 1,000 costs about 41.5 % a year', () => {
    // With equal months, 10000 = 1000 × (1 − (1 + i)^−12) / i gives i ≈ 2.92285 % a month and
    // (1 + i)^12 − 1 ≈ 41.30 % a year. Counting the actual days (28-day February, 31-day months)
    // over 365 moves it a little, to ≈ 41.51 %: the advertised "20 % of the principal" is double.
    const flows: CashFlow[] = [{ on: '2025-01-15', amountFen: 1_000_000 }]
    for (let k = 1; k <= 12; k++)
      flows.push({ on: addMonths('2025-01-15', k), amountFen: -100_000 })
    const rate = effectiveAnnualRate(flows)!
    expect(rate).toBeGreaterThan(0.41)
    expect(rate).toBeLessThan(0.42)
    expect(rate).toBeCloseTo(0.41513, 4)
    expect(Math.abs(presentValue(flows, rate))).toBeLessThan(1e-6)
  })

  it('a daily rate of 0.05 % on a one-year bullet loan is 18.25 % a year', () => {
    // 10000 × (1 + 0.0005 × 365) repaid after 365 days: r = 0.1825 exactly.
    const rate = effectiveAnnualRate([
      { on: '2025-03-01', amountFen: 1_000_000 },
      { on: '2026-03-01', amountFen: -1_182_500 },
    ])
    expect(rate).toBeCloseTo(0.1825, 12)
  })

  it('very high rates are found (up to the 1,000,000 % limit)', () => {
    // 100 repaid as 200 after 73 days (a fifth of a year): (1 + r)^0.2 = 2 ⇒ r = 2^5 − 1 = 31.
    const rate = effectiveAnnualRate([
      { on: '2025-01-01', amountFen: 100 },
      { on: '2025-03-15', amountFen: -200 },
    ])
    expect(rate).toBeCloseTo(31, 9)
  })

  it('is null when every flow has the same sign, or there are none', () => {
    expect(effectiveAnnualRate([])).toBeNull()
    expect(effectiveAnnualRate([{ on: '2025-01-01', amountFen: 100 }])).toBeNull()
    expect(
      effectiveAnnualRate([
        { on: '2025-01-01', amountFen: -100 },
        { on: '2026-01-01', amountFen: -100 },
      ]),
    ).toBeNull()
    expect(
      effectiveAnnualRate([
        { on: '2025-01-01', amountFen: 100 },
        { on: '2026-01-01', amountFen: 0 },
      ]),
    ).toBeNull()
  })

  it('is null when all flows fall on one day', () => {
    expect(
      effectiveAnnualRate([
        { on: '2025-01-01', amountFen: 100 },
        { on: '2025-01-01', amountFen: -100 },
      ]),
    ).toBeNull()
  })

  it('is null when the root lies outside (−99 %, 1,000,000 %)', () => {
    // 1 fen becomes ¥10,000,000 the next day: (1e9)^365 − 1 is far above 1e6.
    expect(
      effectiveAnnualRate([
        { on: '2025-01-01', amountFen: 1 },
        { on: '2025-01-02', amountFen: -1_000_000_000 },
      ]),
    ).toBeNull()
    // Repaying 0.5 % of the loan a year later is −99.5 %, below the limit.
    expect(
      effectiveAnnualRate([
        { on: '2025-01-01', amountFen: 1000 },
        { on: '2026-01-01', amountFen: -5 },
      ]),
    ).toBeNull()
  })

  it('refuses dates that are not civil dates', () => {
    expect(() => effectiveAnnualRate([{ on: '2025-02-30', amountFen: 1 }])).toThrow(RangeError)
  })
})

describe('compareWithCaps', () => {
  const byId = (result: ReturnType<typeof compareWithCaps>) =>
    Object.fromEntries(result.caps.map((cap) => [cap.id, cap]))

  it('flags the 24 % line for a financial lender, without a 4×LPR cap', () => {
    const result = compareWithCaps(0.25, { lenderKind: 'webank', signedOn: '2025-06-01' })
    const caps = byId(result)
    expect(result.rate).toBe(0.25)
    expect(Object.keys(caps).sort()).toEqual(['financial-24pct', 'void-36pct'])
    expect(caps['financial-24pct']).toMatchObject({
      rate: 0.24,
      exactRate: '0.24',
      exceeded: true,
      sourceId: 'financial-24pct-line',
    })
    expect(caps['void-36pct']).toMatchObject({ rate: 0.36, exceeded: false })
  })

  it('a rate at the line (up to solver noise) does not exceed it', () => {
    const caps = byId(compareWithCaps(0.24 + 1e-13, { lenderKind: 'bank', signedOn: '2025-06-01' }))
    expect(caps['financial-24pct']!.exceeded).toBe(false)
    const above = byId(compareWithCaps(0.2401, { lenderKind: 'bank', signedOn: '2025-06-01' }))
    expect(above['financial-24pct']!.exceeded).toBe(true)
  })

  it('for a private loan signed 2025-06-01 adds 4 × 3.0 % = 12 %', () => {
    const result = compareWithCaps(0.15, { lenderKind: 'private', signedOn: '2025-06-01' })
    expect(result.caps.map((cap) => cap.id)).toEqual([
      'private-4x-lpr',
      'financial-24pct',
      'void-36pct',
    ])
    const caps = byId(result)
    expect(caps['private-4x-lpr']).toMatchObject({
      rate: 0.12,
      exactRate: '0.12',
      exceeded: true,
      sourceId: 'private-lending-4x-lpr',
    })
    expect(caps['financial-24pct']).toMatchObject({
      exceeded: false,
      sourceId: 'private-lending-two-lines',
    })
    expect(
      byId(compareWithCaps(0.12, { lenderKind: 'private', signedOn: '2025-06-01' }))[
        'private-4x-lpr'
      ]!.exceeded,
    ).toBe(false)
  })

  it('uses the LPR in force at signing: 2024-06-01 → 4 × 3.45 % = 13.8 %', () => {
    const caps = byId(compareWithCaps(0.13, { lenderKind: 'private', signedOn: '2024-06-01' }))
    expect(caps['private-4x-lpr']).toMatchObject({
      exactRate: '0.138',
      rate: 0.138,
      exceeded: false,
    })
  })

  it('follows an edited LPR table', () => {
    const table: LprEntry[] = [
      { from: '2020-01-01', oneYear: '0.05', fiveYear: '0.06', sourceId: null },
    ]
    const caps = byId(
      compareWithCaps(0.21, { lenderKind: 'private', signedOn: '2025-06-01', lprTable: table }),
    )
    expect(caps['private-4x-lpr']).toMatchObject({ exactRate: '0.2', rate: 0.2, exceeded: true })
  })

  it('has no 4×LPR cap for a private loan signed before the LPR table', () => {
    const caps = byId(compareWithCaps(0.3, { lenderKind: 'private', signedOn: '2018-01-01' }))
    expect(caps['private-4x-lpr']).toBeUndefined()
    expect(caps['financial-24pct']!.exceeded).toBe(true)
    expect(caps['void-36pct']!.exceeded).toBe(false)
  })

  it('flags the 36 % line', () => {
    const caps = byId(compareWithCaps(0.4151, { lenderKind: 'other', signedOn: '2025-01-15' }))
    expect(caps['void-36pct']!.exceeded).toBe(true)
  })

  it('refuses a rate that is not a number', () => {
    expect(() =>
      compareWithCaps(Number.NaN, { lenderKind: 'bank', signedOn: '2025-01-01' }),
    ).toThrow(RangeError)
  })
})
