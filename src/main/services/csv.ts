import Papa from 'papaparse'
import type { Handlers, MethodOutput, ParsedInput } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import { PAYMENT_CHANNELS, type PaymentRow } from '@shared/api/records'
import type { CivilDate } from '@shared/dates'
import type { Component, LoanEvent, LoanTerms, Payment } from '@shared/engine/terms'
import { fenToYuanString, yuanToFen } from '@shared/money'
import type { Selectable } from 'kysely'
import type { LoanEventsTable, LoansTable } from '../db/schema'
import type { ServiceContext } from './context'
import { findHistoryFault } from './history-check'
import { cachedLedger, eventFromRow, getLoan, loadHistory, loanFromRow } from './loan-data'

/**
 * Payments and ledgers as CSV, for spreadsheets, and payments from CSV (a bank or lender app
 * export). Files are UTF-8 with a byte order mark, so that Excel shows Chinese text as such, and
 * CRLF line ends; amounts are exact yuan strings (`1234.50`), never floats.
 */

type CsvFile = MethodOutput<'csv.exportPayments'>
type ImportInput = ParsedInput<'csv.importPayments'>
type ImportResult = MethodOutput<'csv.importPayments'>
type ImportRow = ImportResult['rows'][number]
type ImportError = ImportResult['errors'][number]
type Channel = PaymentRow['channel']

const BOM = '\uFEFF'
/** Beyond this many, errors are summed up in one last entry: the file needs fixing anyway. */
const MAX_ERRORS = 1_000
const NOTE_MAX = 1_000

/**
 * A text cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) is written with a
 * leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection); the
 * import takes the apostrophe off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/

function textCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

function untextCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/** Every line ends in CRLF, the last included (papaparse ends only a header-only file so). */
function toCsv(fields: string[], data: string[][]): string {
  const text = Papa.unparse({ fields, data }, { newline: '\r\n', header: true })
  return BOM + (text.endsWith('\r\n') ? text : `${text}\r\n`)
}

// --- Export --------------------------------------------------------------------------------

export async function exportPaymentsCsv(ctx: ServiceContext, loanId?: number): Promise<CsvFile> {
  if (loanId !== undefined) await getLoan(ctx.db, loanId, 'loanId')
  let query = ctx.db
    .selectFrom('payments')
    .innerJoin('loans', 'loans.id', 'payments.loan_id')
    .select([
      'loans.name as loan',
      'payments.paid_on',
      'payments.amount_fen',
      'payments.channel',
      'payments.note',
    ])
  if (loanId !== undefined) query = query.where('payments.loan_id', '=', loanId)
  const rows = await query
    .orderBy('payments.loan_id')
    .orderBy('payments.paid_on')
    .orderBy('payments.id')
    .execute()
  return {
    filename: `repaypath-payments-${ctx.clock.today()}.csv`,
    csv: toCsv(
      ['loan', 'paid_on', 'amount_yuan', 'channel', 'note'],
      rows.map((row) => [
        textCell(row.loan),
        row.paid_on,
        fenToYuanString(row.amount_fen),
        row.channel,
        textCell(row.note),
      ]),
    ),
  }
}

/** The order a reader expects: what was lent and its interest first, then what lateness adds. */
const LEDGER_COMPONENTS: readonly Component[] = [
  'principal',
  'interest',
  'penalty',
  'compound',
  'fee',
]
const LEDGER_AMOUNTS = ['charged', 'paid', 'outstanding'] as const

/**
 * One row per installment of the loan's ledger on `asOf`. `index` counts from 1, as a lender's
 * app numbers installments (the engine's own index counts from 0).
 */
export async function exportLedgerCsv(
  ctx: ServiceContext,
  loanId: number,
  asOf?: CivilDate,
): Promise<CsvFile> {
  const day = asOf ?? ctx.clock.today()
  const ledger = cachedLedger(ctx, await loadHistory(ctx.db, loanId, 'loanId'), day)
  const fields = ['index', 'due_on', 'status', 'days_overdue']
  for (const amount of LEDGER_AMOUNTS) {
    for (const component of LEDGER_COMPONENTS) fields.push(`${amount}_${component}_yuan`)
  }
  const data = ledger.installments.map((line) => {
    const row = [String(line.index + 1), line.dueOn, line.status, String(line.daysOverdue)]
    for (const amount of LEDGER_AMOUNTS) {
      for (const component of LEDGER_COMPONENTS) row.push(fenToYuanString(line[amount][component]))
    }
    return row
  })
  return { filename: `repaypath-ledger-${loanId}-${day}.csv`, csv: toCsv(fields, data) }
}

// --- Import --------------------------------------------------------------------------------

const DATE_PATTERN = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

// Files of tens of thousands of rows spend most of their time on dates and amounts, so the
// common forms are read character by character, allocating nothing; regular expressions (and
// `yuanToFen`) take the rest.
const ZERO = 48

/** The number the digits `text[start..end)` write, or -1 if one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0
  for (let i = start; i < end; i += 1) {
    const digit = text.charCodeAt(i) - ZERO
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * `2026-04-01`, `2026/04/01`, `2026.4.1` (and `2026/4/1`, as Excel writes dates in Chinese
 * locales, optionally followed by a time of day) → `2026-04-01`; null if it is not a real day.
 */
export function parseCsvDate(text: string): CivilDate | null {
  if (text.length === 10 && text[4] === '-' && text[7] === '-') {
    const year = digits(text, 0, 4)
    const month = digits(text, 5, 7)
    const day = digits(text, 8, 10)
    if (year >= 0 && month >= 0 && day >= 0) return realDay(year, month, day) ? text : null
  }
  const match = DATE_PATTERN.exec(text.trim())
  if (match === null) return null
  const month = Number(match[3])
  const day = Number(match[4])
  if (!realDay(Number(match[1]), month, day)) return null
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * An amount in yuan → fen, as `yuanToFen` reads it (grouping commas, `¥`, a trailing `元`…).
 * Plain amounts (`1234.5`), nearly all of any file, take an exact integer shortcut that gives
 * the same result without a decimal object; anything else goes to `yuanToFen`.
 */
export function csvYuanToFen(text: string): number {
  const point = text.indexOf('.')
  const wholeEnd = point === -1 ? text.length : point
  const decimals = point === -1 ? 0 : text.length - point - 1
  // Up to 13 digits of yuan: in fen, still far below 2^53, so exact as a number.
  if (wholeEnd >= 1 && wholeEnd <= 13 && (point === -1 || decimals === 1 || decimals === 2)) {
    const whole = digits(text, 0, wholeEnd)
    const fraction = point === -1 ? 0 : digits(text, point + 1, text.length)
    if (whole >= 0 && fraction >= 0)
      return whole * 100 + (decimals === 1 ? fraction * 10 : fraction)
  }
  return yuanToFen(text.replace(/元$/, ''))
}

/** The channel a cell names: one of PAYMENT_CHANNELS (any case, or its usual Chinese name), else 'other'. */
const CHANNEL_ALIASES: ReadonlyMap<string, Channel> = new Map<string, Channel>([
  ...PAYMENT_CHANNELS.map((channel) => [channel, channel] as const),
  ['bank transfer', 'bank_transfer'],
  ['银行转账', 'bank_transfer'],
  ['转账', 'bank_transfer'],
  ['银行卡', 'card'],
  ['现金', 'cash'],
  ['微信', 'wechat'],
  ['支付宝', 'alipay'],
])

function channelFrom(text: string): Channel {
  return CHANNEL_ALIASES.get(text) ?? CHANNEL_ALIASES.get(text.trim().toLowerCase()) ?? 'other'
}

const MAPPED_FIELDS = ['paidOn', 'amount', 'channel', 'note'] as const
type MappedField = (typeof MAPPED_FIELDS)[number]

interface ParsedCsv {
  rows: ImportRow[]
  errors: ImportError[]
}

/**
 * Reads payment rows from CSV text with a header row. Checks each row on its own (a real date,
 * not in the future; a positive amount); the loan is checked by the caller. Rows count from 1
 * after the header, skipping empty lines.
 */
export function parsePaymentsCsv(
  csv: string,
  mapping: ImportInput['mapping'],
  amountUnit: ImportInput['amountUnit'],
  today: CivilDate,
): ParsedCsv {
  const errors: ImportError[] = []
  const text = csv.startsWith(BOM) ? csv.slice(1) : csv
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })

  // Empty lines (and Excel's lines of bare commas) are skipped, as papaparse's 'greedy' mode
  // would; done here so that papaparse's errors, which count raw lines, map to our rows.
  const lines: string[][] = []
  const lineOfRow: number[] = []
  parsed.data.forEach((cells, line) => {
    if (cells.every((cell) => cell.trim() === '')) return
    lineOfRow.push(line)
    lines.push(cells)
  })
  const quoteErrorRows = new Set<number>()
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes') continue // a single-column file has no delimiter to detect: fine
    const found = lineOfRow.indexOf(error.row ?? -1)
    const row = found === -1 ? Math.max(0, lines.length - 1) : found
    if (quoteErrorRows.has(row)) continue
    quoteErrorRows.add(row)
    errors.push({ row, field: 'csv', message: `Row ${row}: ${error.message.toLowerCase()}` })
  }

  const header = (lines[0] ?? []).map((name) => name.trim())
  const column = {} as Record<MappedField, number | null>
  for (const field of MAPPED_FIELDS) {
    const name = mapping[field]
    if (name === undefined) {
      column[field] = null
      continue
    }
    const index = header.indexOf(name.trim())
    column[field] = index === -1 ? null : index
    if (index === -1) {
      errors.push({
        row: 0,
        field: `mapping.${field}`,
        message: `The header row has no column "${name}" (it has ${header.map((h) => `"${h}"`).join(', ') || 'nothing'})`,
      })
    }
  }
  if (errors.some((error) => error.row === 0)) return { rows: [], errors }
  if (lines.length < 2) {
    errors.push({ row: 0, field: 'csv', message: 'The file has no payment rows under its header' })
    return { rows: [], errors }
  }

  const rows: ImportRow[] = []
  const dateColumn = column.paidOn!
  const amountColumn = column.amount!
  const noteColumn = column.note
  const channelColumn = column.channel
  for (let row = 1; row < lines.length && errors.length <= MAX_ERRORS; row += 1) {
    const cells = lines[row]!
    const before = errors.length

    const dateText = (cells[dateColumn] ?? '').trim()
    const paidOn = parseCsvDate(dateText)
    if (dateText === '') {
      errors.push({ row, field: 'paidOn', message: `Row ${row}: the date is missing` })
    } else if (paidOn === null) {
      errors.push({
        row,
        field: 'paidOn',
        message: `Row ${row}: "${dateText}" is not a real date written YYYY-MM-DD`,
      })
    } else if (paidOn > today) {
      errors.push({ row, field: 'paidOn', message: `Row ${row}: ${paidOn} is in the future` })
    }

    const amountText = (cells[amountColumn] ?? '').trim()
    const amountFen = amountOf(amountText, amountUnit)
    if (typeof amountFen === 'string') {
      errors.push({ row, field: 'amount', message: `Row ${row}: ${amountFen}` })
    }

    const note = noteColumn === null ? '' : untextCell(cells[noteColumn] ?? '')
    if (note.length > NOTE_MAX) {
      errors.push({
        row,
        field: 'note',
        message: `Row ${row}: the note is longer than ${NOTE_MAX} characters`,
      })
    }

    if (errors.length === before && !quoteErrorRows.has(row)) {
      rows.push({
        row,
        paidOn: paidOn!,
        amountFen: amountFen as number,
        channel: channelColumn === null ? 'other' : channelFrom(cells[channelColumn] ?? ''),
        note,
      })
    }
  }
  return { rows, errors: capErrors(errors) }
}

/** Fen, or what is wrong with the cell. */
function amountOf(text: string, unit: ImportInput['amountUnit']): number | string {
  if (text === '') return 'the amount is missing'
  let fen: number
  if (unit === 'fen') {
    fen = /^\d+$/.test(text) ? Number(text) : Number.NaN
    if (!Number.isSafeInteger(fen)) return `"${text}" is not a whole number of fen`
  } else {
    try {
      fen = csvYuanToFen(text)
    } catch {
      return `"${text}" is not an amount in yuan with at most two decimals`
    }
  }
  return fen > 0 ? fen : `the amount must be more than zero (got "${text}")`
}

function capErrors(errors: ImportError[]): ImportError[] {
  if (errors.length <= MAX_ERRORS) return errors
  return [
    ...errors.slice(0, MAX_ERRORS),
    { row: 0, field: 'csv', message: `More errors follow; fix these first` },
  ]
}

/** A loan's history in the engine's terms, events and payments by date then id. */
export interface CheckedHistory {
  terms: LoanTerms
  events: { index: number; event: LoanEvent }[]
  payments: { index: number; payment: Payment }[]
}

/** The loan's history through the raw connection (callers hold Kysely's connection). */
function readHistory(ctx: ServiceContext, loanId: number): CheckedHistory {
  const loanRow = ctx.sqlite.prepare('select * from loans where id = ?').get(loanId) as
    Selectable<LoansTable> | undefined
  if (loanRow === undefined) throw new ApiError('not_found', `There is no loan ${loanId}`, 'loanId')
  const eventRows = ctx.sqlite
    .prepare('select * from loan_events where loan_id = ? order by occurs_on, id')
    .all(loanId) as Selectable<LoanEventsTable>[]
  const paymentRows = ctx.sqlite
    .prepare(
      `select id, paid_on as paidOn, amount_fen as amountFen from payments
       where loan_id = ? order by paid_on, id`,
    )
    .all(loanId) as Payment[]
  return {
    terms: loanFromRow(loanRow).terms,
    events: eventRows.map((row, index) => ({ index, event: eventFromRow(row).event })),
    payments: paymentRows.map((payment, index) => ({ index, payment })),
  }
}

/**
 * What would stop the engine from computing the loan once `added` payments (dated today or
 * earlier: later rows are refused before this) join its history: each added payment at fault
 * (`index` into `added`), or the loan's own history (`index` null). Empty when all is well.
 *
 * This is `assertComputable`'s question, answered without running the engine over the new
 * payments, which would cost more than writing them (50,000 rows: about 110 ms of engine
 * against 100 ms of inserts). It need not: the engine refuses a payment for its date alone —
 * one before the disbursement (a card's engine lets one a day before its posting date pass;
 * here none before the disbursement is taken), or one out of date order, which it never sees
 * as it is given payments sorted. And added payments dated no later than today leave the day
 * the history is read on (the latest of today and every date in it), and so the events it
 * goes through, as they were. So the loan computes with the added payments exactly when it
 * computes without them, which the engine checks, and none of them predates the disbursement.
 * tests/db/csv.test.ts holds this against the engine itself on random histories.
 */
export function addedPaymentFaults(
  history: CheckedHistory,
  added: readonly { paidOn: CivilDate }[],
  today: CivilDate,
): { index: number | null; message: string }[] {
  const disbursedOn = history.terms.disbursedOn
  const faults: { index: number | null; message: string }[] = []
  added.forEach((payment, index) => {
    if (payment.paidOn < disbursedOn) {
      faults.push({
        index,
        message: `${payment.paidOn} is before the loan was disbursed (${disbursedOn})`,
      })
    }
  })
  if (faults.length > 0) return faults
  const fault = findHistoryFault(history.terms, history.events, history.payments, today)
  return fault === null ? [] : [{ index: null, message: fault.message }]
}

/** `addedPaymentFaults` as import errors, by CSV row. */
function historyErrors(
  history: CheckedHistory,
  rows: readonly ImportRow[],
  today: CivilDate,
): ImportError[] {
  return capErrors(
    addedPaymentFaults(history, rows, today).map(({ index, message }) => {
      const row = index === null ? undefined : rows[index]
      return row === undefined
        ? {
            row: 0,
            field: 'loanId',
            message: `The loan's own history cannot be computed, so nothing can be added to it: ${message}`,
          }
        : { row: row.row, field: 'paidOn', message: `Row ${row.row}: ${message}` }
    }),
  )
}

/** Rows per INSERT: one statement for many rows costs far less than one per row. */
const INSERT_BATCH = 100

function insertPayments(
  ctx: ServiceContext,
  loanId: number,
  rows: readonly ImportRow[],
  createdAt: string,
): void {
  const statement = (count: number) =>
    ctx.sqlite.prepare(
      `insert into payments (loan_id, paid_on, amount_fen, channel, note, created_at) values ${Array(
        count,
      )
        .fill('(?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
    )
  // In date order (the sort is stable: same-day rows keep the file's order, and so get ids in
  // it): the (loan_id, paid_on) index then grows at one end instead of all over. Payments are
  // read by date then id, so the loan's history is the same as with the file's order.
  const ordered = [...rows].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0))
  const full = statement(INSERT_BATCH)
  const values: unknown[] = []
  for (let start = 0; start < ordered.length; start += INSERT_BATCH) {
    const batch = ordered.slice(start, start + INSERT_BATCH)
    values.length = 0
    for (const row of batch) {
      values.push(loanId, row.paidOn, row.amountFen, row.channel, row.note, createdAt)
    }
    ;(batch.length === INSERT_BATCH ? full : statement(batch.length)).run(values)
  }
}

function refusal(error: ImportError): ApiError {
  return new ApiError('invalid_input', error.message, `csv.${error.row}.${error.field}`)
}

/**
 * Payments from CSV into one loan. A dry run reports what would be imported and every error,
 * writing nothing. A real import writes all rows in one transaction or, if any row is wrong,
 * none (`invalid_input` naming the first bad row as `csv.<row>.<field>`); it returns the count
 * only (`rows` is the dry run's business).
 */
export async function importPaymentsCsv(
  ctx: ServiceContext,
  input: ImportInput,
): Promise<ImportResult> {
  await getLoan(ctx.db, input.loanId, 'loanId')
  const today = ctx.clock.today()
  const { rows, errors } = parsePaymentsCsv(input.csv, input.mapping, input.amountUnit, today)

  if (input.dryRun) {
    if (errors.length === 0) {
      const history = await ctx.db.connection().execute(async () => readHistory(ctx, input.loanId))
      errors.push(...historyErrors(history, rows, today))
    }
    return { dryRun: true, rows, errors, imported: 0 }
  }

  if (errors[0] !== undefined) throw refusal(errors[0])
  const createdAt = ctx.time.now().toISOString()
  // Holding Kysely's one connection keeps its queries (and transactions) out of ours.
  await ctx.db.connection().execute(async () => {
    ctx.sqlite.transaction(() => {
      // Read in the transaction, so that the check below sees exactly what the rows join.
      const history = readHistory(ctx, input.loanId)
      insertPayments(ctx, input.loanId, rows, createdAt)
      // Checked after the inserts, as `assertComputable` does: thrown from here, the refusal
      // rolls every row above back.
      const error = historyErrors(history, rows, today)[0]
      if (error !== undefined) throw refusal(error)
    })()
  })
  ctx.ledgers.invalidate(input.loanId)
  return { dryRun: false, rows: [], errors: [], imported: rows.length }
}

export function csvHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'csv.exportPayments' | 'csv.exportLedger' | 'csv.importPayments'> {
  return {
    'csv.exportPayments': ({ loanId }) => exportPaymentsCsv(ctx, loanId),
    'csv.exportLedger': ({ loanId, asOf }) => exportLedgerCsv(ctx, loanId, asOf),
    'csv.importPayments': (input) => importPaymentsCsv(ctx, input),
  }
}
