import { z } from 'zod'
import { civilDateSchema, isCivilDate, type CivilDate } from '../dates'
import { Decimal, decimalStringSchema } from '../money'
import { SOURCES, type SourceId } from './sources'

/**
 * The Loan Prime Rate (贷款市场报价利率, LPR) as data, from its reform on 2019-08-20. Courts cap
 * private lending at 4× the one-year LPR in force when the contract was made (SOURCES
 * 'private-lending-4x-lpr'). The table is only a default: the user can edit it in Settings, so
 * every function takes the table as a parameter.
 *
 * Rates are decimal fractions written as strings ('0.0300' = 3.00 %). An entry is in force from
 * its `from` date (the publication day, normally the 20th, moved to the next working day) until
 * the next entry's. `sourceId` null means the entry comes from general knowledge and has not
 * been checked against a source: the UI labels it "not checked; editable".
 */
export interface LprEntry {
  from: CivilDate
  oneYear: string
  fiveYear: string
  sourceId: SourceId | null
}

export const lprEntrySchema = z.object({
  from: civilDateSchema,
  oneYear: decimalStringSchema,
  fiveYear: decimalStringSchema,
  sourceId: z.enum(Object.keys(SOURCES) as [SourceId, ...SourceId[]]).nullable(),
})

/** A valid table: at least one entry, dates strictly increasing. */
export const lprTableSchema = z
  .array(lprEntrySchema)
  .min(1)
  .superRefine((table, ctx) => {
    table.forEach((entry, index) => {
      const previous = table[index - 1]
      if (previous && entry.from <= previous.from) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'from'],
          message: 'LPR entries must be in date order, one per date',
        })
      }
    })
  })

export const LPR_TABLE: readonly LprEntry[] = [
  // From general knowledge, not checked against a source (sourceId null).
  { from: '2019-08-20', oneYear: '0.0425', fiveYear: '0.0485', sourceId: null },
  { from: '2019-09-20', oneYear: '0.0420', fiveYear: '0.0485', sourceId: null },
  { from: '2019-11-20', oneYear: '0.0415', fiveYear: '0.0480', sourceId: null },
  { from: '2020-02-20', oneYear: '0.0405', fiveYear: '0.0475', sourceId: null },
  { from: '2020-04-20', oneYear: '0.0385', fiveYear: '0.0465', sourceId: null },
  { from: '2021-12-20', oneYear: '0.0380', fiveYear: '0.0465', sourceId: null },
  { from: '2022-01-20', oneYear: '0.0370', fiveYear: '0.0460', sourceId: null },
  { from: '2022-05-20', oneYear: '0.0370', fiveYear: '0.0445', sourceId: null },
  { from: '2022-08-22', oneYear: '0.0365', fiveYear: '0.0430', sourceId: null },
  { from: '2023-06-20', oneYear: '0.0355', fiveYear: '0.0420', sourceId: null },
  { from: '2023-08-21', oneYear: '0.0345', fiveYear: '0.0420', sourceId: null },
  { from: '2024-02-20', oneYear: '0.0345', fiveYear: '0.0395', sourceId: null },
  { from: '2024-07-22', oneYear: '0.0335', fiveYear: '0.0385', sourceId: null },
  // The research file confirms the rates (3.1 / 3.6, "cut from") but not this date.
  { from: '2024-10-21', oneYear: '0.0310', fiveYear: '0.0360', sourceId: null },
  // Sourced: unchanged as of 2026-02-24.
  { from: '2025-05-20', oneYear: '0.0300', fiveYear: '0.0350', sourceId: 'lpr-2025-05' },
]

/**
 * The entry in force on `date`: the latest one whose `from` is on or before it. The table need
 * not be sorted. Throws RangeError for a date before the first entry (there was no LPR) or a
 * string that is not a civil date.
 */
export function lprOn(date: CivilDate, table: readonly LprEntry[] = LPR_TABLE): LprEntry {
  if (!isCivilDate(date)) throw new RangeError(`Not a date written YYYY-MM-DD: "${date}"`)
  let found: LprEntry | undefined
  for (const entry of table) {
    // Civil dates written YYYY-MM-DD compare correctly as strings.
    if (entry.from <= date && (found === undefined || entry.from > found.from)) found = entry
  }
  if (found === undefined) {
    const first = table.reduce<CivilDate | undefined>(
      (min, entry) => (min === undefined || entry.from < min ? entry.from : min),
      undefined,
    )
    throw new RangeError(
      first === undefined
        ? 'The LPR table is empty'
        : `No LPR before ${first}: ${date} is earlier than the table`,
    )
  }
  return found
}

export interface PrivateLendingCap {
  /** 4 × the one-year LPR, exact, as a decimal fraction string ('0.12' = 12 %). */
  annualRate: string
  lpr: LprEntry
  sourceId: 'private-lending-4x-lpr'
}

/**
 * The most a court enforces on a private loan (民间借贷) signed on `signedOn`: 4× the one-year
 * LPR then in force. It does not apply to banks, consumer finance companies or the seven kinds
 * of locally regulated lenders (SOURCES 'spc-2020-27-financial-lenders').
 *
 * Not modelled (general knowledge, not in the research file): for contracts made before
 * 2020-08-20, the transition rule reportedly lets the old 24 % line govern interest up to
 * 2020-08-19 and measures the 4× cap for later interest at the LPR when the suit is filed.
 */
export function privateLendingCap(
  signedOn: CivilDate,
  table: readonly LprEntry[] = LPR_TABLE,
): PrivateLendingCap {
  const lpr = lprOn(signedOn, table)
  return {
    annualRate: new Decimal(lpr.oneYear).times(4).toString(),
    lpr,
    sourceId: 'private-lending-4x-lpr',
  }
}
