import { describe, expect, it } from 'vitest'
import {
  LPR_TABLE,
  lprOn,
  lprTableSchema,
  privateLendingCap,
  type LprEntry,
} from '@shared/engine/lpr'
import { SOURCES } from '@shared/engine/sources'

describe('LPR_TABLE', () => {
  it('is a valid table: in date order, known sources', () => {
    expect(() => lprTableSchema.parse(LPR_TABLE)).not.toThrow()
    for (const entry of LPR_TABLE) {
      if (entry.sourceId !== null) expect(SOURCES).toHaveProperty(entry.sourceId)
    }
  })

  it('starts at the 2019-08-20 reform and ends with the sourced 2025-05-20 cut', () => {
    expect(LPR_TABLE[0]!.from).toBe('2019-08-20')
    expect(LPR_TABLE.at(-1)).toEqual({
      from: '2025-05-20',
      oneYear: '0.0300',
      fiveYear: '0.0350',
      sourceId: 'lpr-2025-05',
    })
  })

  it('the schema refuses an out-of-order or unknown-source table', () => {
    const a: LprEntry = { from: '2025-01-01', oneYear: '0.03', fiveYear: '0.035', sourceId: null }
    const b: LprEntry = { ...a, from: '2024-01-01' }
    expect(lprTableSchema.safeParse([a, b]).success).toBe(false)
    expect(lprTableSchema.safeParse([a, a]).success).toBe(false)
    expect(lprTableSchema.safeParse([]).success).toBe(false)
    expect(lprTableSchema.safeParse([{ ...a, sourceId: 'no-such-source' }]).success).toBe(false)
  })
})

describe('lprOn', () => {
  it('changes on the day of a new entry', () => {
    expect(lprOn('2025-05-19').oneYear).toBe('0.0310')
    expect(lprOn('2025-05-20').oneYear).toBe('0.0300')
    expect(lprOn('2025-05-20').fiveYear).toBe('0.0350')
    expect(lprOn('2026-02-24').from).toBe('2025-05-20')
  })

  it('starts on 2019-08-20 and throws a RangeError before', () => {
    expect(lprOn('2019-08-20')).toBe(LPR_TABLE[0])
    expect(() => lprOn('2019-08-19')).toThrow(RangeError)
    expect(() => lprOn('not a date')).toThrow(RangeError)
  })

  it('uses the table it is given, in any order', () => {
    const table: LprEntry[] = [
      { from: '2024-01-01', oneYear: '0.02', fiveYear: '0.03', sourceId: null },
      { from: '2020-01-01', oneYear: '0.04', fiveYear: '0.05', sourceId: null },
    ]
    expect(lprOn('2019-12-31', LPR_TABLE).from).toBe('2019-11-20')
    expect(() => lprOn('2019-12-31', table)).toThrow(RangeError)
    expect(lprOn('2023-12-31', table).oneYear).toBe('0.04')
    expect(lprOn('2024-01-01', table).oneYear).toBe('0.02')
    expect(() => lprOn('2025-01-01', [])).toThrow(RangeError)
  })
})

describe('privateLendingCap', () => {
  it('is 4 × 3.0 % = 12 % for a loan signed on 2025-06-01', () => {
    const cap = privateLendingCap('2025-06-01')
    expect(cap).toEqual({
      annualRate: '0.12',
      lpr: lprOn('2025-06-01'),
      sourceId: 'private-lending-4x-lpr',
    })
  })

  it('is exact: 4 × 3.85 % = 15.4 % on 2021-01-01, 4 × 4.25 % = 17 % on 2019-08-20', () => {
    expect(privateLendingCap('2021-01-01').annualRate).toBe('0.154')
    expect(privateLendingCap('2019-08-20').annualRate).toBe('0.17')
  })

  it('follows an edited table and refuses a date before it', () => {
    const table: LprEntry[] = [
      { from: '2025-01-01', oneYear: '0.0333', fiveYear: '0.04', sourceId: null },
    ]
    expect(privateLendingCap('2025-06-01', table).annualRate).toBe('0.1332')
    expect(() => privateLendingCap('2024-12-31', table)).toThrow(RangeError)
  })
})
