import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { PLAYBOOK_KEYS } from '@shared/api/checklist-schema'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { Envelope, ErrorCode } from '@shared/api/errors'
import type { ExportFile } from '@shared/api/exchange'
import { METHOD_NAMES, type MethodName } from '@shared/api/methods'
import { PAYMENT_CHANNELS } from '@shared/api/records'
import { LANGUAGES } from '@shared/api/settings-schema'
import { addDays, daysBetween, fixedClock } from '@shared/dates'
import { LPR_TABLE } from '@shared/engine/lpr'
import { PRESET_IDS, presetTerms } from '@shared/engine/presets'
import { MAX_AMOUNT_FEN } from '@shared/money'
import { SOURCES, type SourceId } from '@shared/engine/sources'
import { LENDER_KINDS, type LoanEvent, type LoanTerms } from '@shared/engine/terms'
import { startBackend, type Backend } from '../../src/main/backend'
import { backupsDir } from '../../src/main/db/backup'
import { createHandlers, dispatch } from '../../src/main/handlers'
import { cardTermsArbitrary, installmentTermsArbitrary } from '../support/loan-arbitraries'
import { fuzzInputs, hugeString } from '../support/fuzz-inputs'

/**
 * Every API method gets at least 1,000 generated inputs, valid and invalid. Each input that the
 * contract refuses must come back as `invalid_input` naming the field of the first zod issue,
 * with the database (every table, and the backup files) exactly as before. Each input that the
 * contract accepts must come back as a value that passes the output schema, or as a domain
 * error (never `internal`), and nothing may throw out of `dispatch`.
 *
 * One backend on one data folder, seeded once through the API; the seeded folder is kept as a
 * template and copied back whenever the seeded records are gone (a delete, an import, a
 * restore) or the data has grown, and before each method, so that valid calls keep hitting
 * real rows and a failing seed can be replayed.
 */

const TODAY = '2026-04-16'
const NOW = '2026-04-16T09:00:00'
const RUNS_PER_METHOD = 1_000
/** Calls of random methods in a row on one database, after the per-method runs. */
const MIXED_RUNS = 3_000

/** Codes a valid input may be refused with: the input meets the contract but not the data. */
const DOMAIN_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid_input',
  'not_found',
  'conflict',
  'database_busy',
  'storage_full',
])

/** Methods that cannot change anything: no need to look for the seed after them. */
const READ_ONLY: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  'settings.get',
  'loans.list',
  'loans.get',
  'loans.ledger',
  'loans.projection',
  'loans.series',
  'payments.list',
  'payments.preview',
  'events.list',
  'contacts.list',
  'contacts.followUps',
  'portfolio.series',
  'portfolio.overview',
  'portfolio.plan',
  'backup.list',
  'data.export',
  'data.importPreview',
  'csv.exportPayments',
  'csv.exportLedger',
])

const TABLES = [
  'loans',
  'payments',
  'loan_events',
  'checklist_items',
  'contacts',
  'settings',
  'sqlite_sequence',
]

// --- The backend and its seed ------------------------------------------------------------------

interface Seed {
  loanIds: number[]
  paymentIds: number[]
  eventIds: number[]
  contactIds: number[]
  /** The installment loan (cheap to compute on any date). */
  webankId: number
  backupNames: string[]
  exportFile: ExportFile | null
  exportError: string | null
}

let root = ''
let dataDir = ''
let templateDir = ''
let backend: Backend | null = null
let seed: Seed

function running(): Backend {
  if (backend === null) throw new Error('the backend is not running')
  return backend
}

async function start(): Promise<Backend> {
  backend = await startBackend({
    dataDir,
    runtime: 'browser',
    clock: fixedClock(TODAY),
    time: { now: () => new Date(NOW) },
  })
  return backend
}

async function stop(): Promise<void> {
  await backend?.close()
  backend = null
}

/** The calls that changed something since the last reset: what a failure happened on top of. */
const writesSinceReset: { method: MethodName; input: unknown }[] = []

/** Back to the seeded database and backups (the template), on a freshly started backend. */
async function reset(): Promise<void> {
  writesSinceReset.length = 0
  await stop()
  rmSync(dataDir, { recursive: true, force: true })
  cpSync(templateDir, dataDir, { recursive: true })
  await start()
}

async function value<T>(method: MethodName, input: unknown): Promise<T> {
  const envelope = await dispatch(running().handlers, method, input)
  if (!envelope.ok) throw new Error(`seeding: ${method} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value as T
}

async function seedDatabase(): Promise<Seed> {
  const webank = await value<{ id: number }>('loans.create', {
    name: '微粒贷',
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms: presetTerms('webank', {
      principalFen: 1_000_000,
      disbursedOn: '2026-01-15',
      periods: 5,
    }),
    notes: '第一笔',
  })
  const card = await value<{ id: number }>('loans.create', {
    name: '招行信用卡',
    lender: '招商银行',
    lenderKind: 'credit_card',
    presetId: 'credit_card',
    terms: presetTerms('credit_card', { principalFen: 500_000, disbursedOn: '2026-01-05' }),
  })
  const archived = await value<{ id: number }>('loans.create', {
    name: 'old bank loan',
    lenderKind: 'bank',
    presetId: 'bank_installment',
    terms: presetTerms('bank_installment', {
      principalFen: 300_000,
      disbursedOn: '2025-10-10',
      periods: 3,
    }),
  })
  await value('loans.archive', { id: archived.id, archived: true })
  const payments = [
    { loanId: webank.id, paidOn: '2026-02-15', amountFen: 200_000, channel: 'wechat' },
    { loanId: webank.id, paidOn: '2026-03-16', amountFen: 100_000, note: '部分还款' },
    { loanId: card.id, paidOn: '2026-02-10', amountFen: 30_000, channel: 'card' },
    { loanId: archived.id, paidOn: '2025-11-10', amountFen: 105_000 },
  ]
  const paymentIds: number[] = []
  for (const payment of payments) {
    paymentIds.push((await value<{ id: number }>('payments.add', payment)).id)
  }
  const events = [
    {
      loanId: webank.id,
      event: {
        type: 'waiver',
        on: '2026-04-01',
        components: ['penalty'],
        stopFurtherCharges: false,
      },
      note: '协商减免罚息',
    },
    { loanId: archived.id, event: { type: 'deferral', on: '2025-12-01', months: 1 } },
  ]
  const eventIds: number[] = []
  for (const event of events) eventIds.push((await value<{ id: number }>('events.add', event)).id)
  const contacts = [
    { loanId: webank.id, occurredAt: '2026-04-10T23:10', channel: 'phone', party: 'collector' },
    {
      loanId: card.id,
      occurredAt: '2026-04-12T10:00',
      channel: 'app',
      direction: 'outgoing',
      party: 'lender',
      promises: '月底前回复分期方案',
      followUpOn: '2026-04-20',
    },
  ]
  const contactIds: number[] = []
  for (const contact of contacts) {
    contactIds.push((await value<{ id: number }>('contacts.add', contact)).id)
  }
  await value('settings.update', { language: 'zh-CN' })
  await value('backup.create', {})
  const backups = await value<Array<{ name: string }>>('backup.list', {})
  const exported = await dispatch(running().handlers, 'data.export', {})
  return {
    loanIds: [webank.id, card.id, archived.id],
    paymentIds,
    eventIds,
    contactIds,
    webankId: webank.id,
    backupNames: backups.map((backup) => backup.name),
    exportFile: exported.ok ? (exported.value as ExportFile) : null,
    exportError: exported.ok ? null : JSON.stringify(exported.error),
  }
}

// --- What is in the database -------------------------------------------------------------------

function dumpTables(): string {
  const { sqlite } = running().database
  return JSON.stringify(
    TABLES.map((table) => sqlite.prepare(`select * from ${table} order by rowid`).all()),
  )
}

function dumpBackups(): string {
  const dir = backupsDir(dataDir)
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    names = []
  }
  return JSON.stringify(names.map((name) => [name, statSync(join(dir, name)).size]))
}

function count(sql: string, ids: readonly number[]): number {
  return running()
    .database.sqlite.prepare(sql.replace('?', ids.map(() => '?').join(',')))
    .pluck()
    .get(...ids) as number
}

/** Whether the seeded records are all there and the data has not grown past a few records. */
function seedIntact(): boolean {
  const sqlite = running().database.sqlite
  const rows = (table: string) =>
    sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  return (
    count('select count(*) from loans where id in (?)', seed.loanIds) === seed.loanIds.length &&
    count('select count(*) from payments where id in (?)', seed.paymentIds) ===
      seed.paymentIds.length &&
    count('select count(*) from loan_events where id in (?)', seed.eventIds) ===
      seed.eventIds.length &&
    rows('loans') <= 12 &&
    rows('payments') <= 60 &&
    rows('loan_events') <= 20 &&
    readdirSync(backupsDir(dataDir)).length <= 25
  )
}

// --- Valid inputs, per method ------------------------------------------------------------------

const dayBetween = (from: string, to: string) =>
  fc.integer({ min: 0, max: daysBetween(from, to) }).map((offset) => addDays(from, offset))

/** Dates to evaluate on: mostly around today, sometimes long before or years after. */
const asOfDate = fc.oneof(
  { arbitrary: dayBetween('2025-06-01', '2027-06-30'), weight: 8 },
  { arbitrary: dayBetween('1970-01-01', '2035-12-31'), weight: 1 },
  {
    arbitrary: fc.constantFrom('1970-01-01', '2000-02-29', '2026-01-14', '2026-01-15', TODAY),
    weight: 1,
  },
)

/** Dates far ahead, for the installment loan only: a card's ledger costs time per day. */
const farFuture = fc.constantFrom('2999-12-31', '9000-01-01', '9999-01-01', '9999-12-31')

const smallInt = (min: number, max: number) => fc.integer({ min, max })

function idFrom(ids: readonly number[]): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 6 },
    { arbitrary: smallInt(1, 40), weight: 2 },
    {
      arbitrary: fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER),
      weight: 1,
    },
  )
}

/** Text of at most `max` characters after trimming; `nonEmpty` for names. */
function text(max: number, nonEmpty = false): fc.Arbitrary<string> {
  const any = fc.oneof(
    { arbitrary: fc.string({ maxLength: 20 }), weight: 4 },
    { arbitrary: fc.string({ maxLength: 10, unit: 'grapheme' }), weight: 2 },
    { arbitrary: fc.string({ maxLength: 8, unit: 'binary' }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '微粒贷',
        '  padded  ',
        '=1+1',
        'a,b"c\nd',
        "'; drop table loans; --",
        '\u0000NUL first',
        'NUL\u0000inside',
      ),
      weight: 2,
    },
    { arbitrary: fc.constant(hugeString(max)), weight: 1 },
  )
  return nonEmpty ? any.filter((s) => s.trim().length > 0 && s.trim().length <= max) : any
}

const fen = fc.oneof(
  { arbitrary: smallInt(1, 500_000), weight: 12 },
  { arbitrary: fc.constantFrom(1, 1_000_000_000_000, Number.MAX_SAFE_INTEGER), weight: 1 },
)

const presetTermsArbitrary: fc.Arbitrary<LoanTerms> = fc
  .record({
    preset: fc.constantFrom(...PRESET_IDS),
    // presetTerms validates, so only amounts the schema takes (fen above the cap are fuzzed elsewhere).
    principalFen: fc.oneof(
      { arbitrary: smallInt(100, 5_000_000), weight: 12 },
      { arbitrary: fc.constantFrom(1, MAX_AMOUNT_FEN), weight: 1 },
    ),
    disbursedOn: dayBetween('2025-01-01', '2026-06-30'),
    periods: smallInt(1, 6),
  })
  .map((g) =>
    presetTerms(g.preset, {
      principalFen: g.principalFen,
      disbursedOn: g.disbursedOn,
      periods: g.periods,
    }),
  )

const termsArbitrary: fc.Arbitrary<LoanTerms> = fc.oneof(
  { arbitrary: presetTermsArbitrary, weight: 3 },
  { arbitrary: installmentTermsArbitrary, weight: 1 },
  { arbitrary: cardTermsArbitrary, weight: 1 },
)

const loanFields = {
  name: text(100, true),
  lender: text(100),
  lenderKind: fc.constantFrom(...LENDER_KINDS),
  presetId: fc.constantFrom(null, ...PRESET_IDS),
  terms: termsArbitrary,
  notes: text(5_000),
}

const eventOn = dayBetween('2025-12-01', '2026-08-31')

const eventArbitrary: fc.Arbitrary<LoanEvent> = fc.oneof(
  eventOn.chain((on) =>
    fc
      .array(
        fc.record({
          gap: smallInt(1, 60),
          principalFen: smallInt(0, 600_000),
          interestFen: smallInt(0, 10_000),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map((items): LoanEvent => {
        let dueOn = on
        return {
          type: 'agreed_plan',
          on,
          installments: items.map((item) => {
            dueOn = addDays(dueOn, item.gap)
            return { dueOn, principalFen: item.principalFen, interestFen: item.interestFen }
          }),
        }
      }),
  ),
  fc.record({ type: fc.constant('deferral' as const), on: eventOn, months: smallInt(1, 120) }),
  fc.record({
    type: fc.constant('waiver' as const),
    on: eventOn,
    components: fc.subarray(['fee', 'penalty', 'compound', 'interest'] as const, {
      minLength: 1,
    }),
    stopFurtherCharges: fc.boolean(),
  }),
  fc.record({ type: fc.constant('settlement' as const), on: eventOn, amountFen: fen }),
)

const decimalRate = smallInt(0, 999).map((n) => (n / 10_000).toFixed(4))
const sourceIds = Object.keys(SOURCES) as SourceId[]

const lprTableArbitrary = fc.oneof(
  fc.constant(LPR_TABLE.map((entry) => ({ ...entry }))),
  fc.uniqueArray(smallInt(0, 4_000), { minLength: 1, maxLength: 5 }).chain((offsets) =>
    fc.tuple(
      ...[...offsets]
        .sort((a, b) => a - b)
        .map((offset) =>
          fc.record({
            from: fc.constant(addDays('2019-08-20', offset)),
            oneYear: decimalRate,
            fiveYear: decimalRate,
            sourceId: fc.constantFrom(null, ...sourceIds),
          }),
        ),
    ),
  ),
)

const paymentFields = (loanIds: readonly number[]) => ({
  loanId: idFrom(loanIds),
  paidOn: fc.oneof(
    { arbitrary: dayBetween('2025-10-01', TODAY), weight: 8 },
    { arbitrary: dayBetween(addDays(TODAY, 1), '2026-12-31'), weight: 1 },
  ),
  amountFen: fen,
  channel: fc.constantFrom(...PAYMENT_CHANNELS),
  note: text(1_000),
})

/** Contacts: mostly in the last months (some at night), now and then not yet happened. */
const contactFields = {
  occurredAt: fc
    .tuple(
      fc.oneof(
        { arbitrary: dayBetween('2025-10-01', TODAY), weight: 8 },
        { arbitrary: dayBetween(addDays(TODAY, 1), '2026-12-31'), weight: 1 },
      ),
      smallInt(0, 23),
      smallInt(0, 59),
    )
    .map(([day, h, m]) => `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  channel: fc.constantFrom('phone', 'sms', 'app', 'wechat', 'letter', 'visit', 'other'),
  direction: fc.constantFrom('incoming', 'outgoing'),
  party: fc.constantFrom('lender', 'collector', 'third_party', 'lawyer', 'other'),
  who: text(100),
  summary: text(5_000),
  promises: text(2_000),
  followUpOn: fc.option(dayBetween('2026-01-01', '2026-08-31'), { nil: null }),
}
const agreedPlanArbitrary = eventArbitrary
  .filter((event) => event.type === 'agreed_plan')
  .map(({ type: _type, ...plan }) => plan)

// CSV files of payments, as a bank's export might look.
const csvDate = fc.oneof(
  { arbitrary: dayBetween('2025-10-01', TODAY), weight: 6 },
  {
    arbitrary: dayBetween('2025-10-01', TODAY).map((day) => {
      const [y, m, d] = day.split('-')
      return `${y}/${Number(m)}/${Number(d)}`
    }),
    weight: 2,
  },
  { arbitrary: dayBetween('2025-10-01', TODAY).map((day) => `${day} 10:30`), weight: 1 },
  {
    arbitrary: fc.constantFrom('2026-02-30', '2026.3.1', '2026-12-31', '', 'yesterday'),
    weight: 1,
  },
)
const csvAmount = fc.oneof(
  { arbitrary: smallInt(1, 500_000).map((n) => (n / 100).toFixed(2)), weight: 6 },
  { arbitrary: smallInt(1, 5_000).map(String), weight: 2 },
  {
    arbitrary: fc.constantFrom('1,234.50', '¥12.30', '12元', '-5', '0', 'abc', '', '1.234'),
    weight: 2,
  },
)
const csvRow = fc.record({
  date: csvDate,
  amount: csvAmount,
  channel: fc.constantFrom('微信', 'alipay', 'Bank Transfer', 'xyz', ''),
  note: fc.oneof(text(40), fc.constantFrom('=SUM(A1)', "'+1", 'line\nbreak', 'a "quoted" note')),
  extra: fc.string({ maxLength: 5 }),
})
const csvInput = (loanIds: readonly number[]) =>
  fc
    .record({
      loanId: idFrom(loanIds),
      columns: fc.shuffledSubarray(['date', 'amount', 'channel', 'note', 'extra'], {
        minLength: 2,
      }),
      rows: fc.array(csvRow, { maxLength: 6 }),
      bom: fc.boolean(),
      crlf: fc.boolean(),
      mapChannel: fc.boolean(),
      mapNote: fc.boolean(),
      unit: fc.constantFrom(undefined, 'yuan' as const, 'fen' as const),
      dryRun: fc.boolean(),
      dateHeader: fc.constantFrom('date', 'date', 'date', '日期'),
      raw: fc.option(fc.string({ maxLength: 60 }), { freq: 8, nil: null }),
    })
    .map((g) => {
      const csv =
        g.raw ??
        (g.bom ? '\uFEFF' : '') +
          Papa.unparse(
            {
              fields: g.columns,
              data: g.rows.map((row) => g.columns.map((column) => row[column as keyof typeof row])),
            },
            { newline: g.crlf ? '\r\n' : '\n' },
          )
      return {
        loanId: g.loanId,
        csv,
        mapping: {
          paidOn: g.dateHeader,
          amount: 'amount',
          ...(g.mapChannel ? { channel: 'channel' } : {}),
          ...(g.mapNote ? { note: 'note' } : {}),
        },
        ...(g.unit === undefined ? {} : { amountUnit: g.unit }),
        dryRun: g.dryRun,
      }
    })

// Export files: the seeded export, changed in ways the contract allows.
function exportFileArbitrary(base: ExportFile): fc.Arbitrary<ExportFile> {
  const checklistItem = (loanIds: number[]) =>
    fc.record({
      loanId: fc.constantFrom(...loanIds),
      itemKey: fc.oneof(fc.constantFrom('call_lender', 'ask_for_plan', 'check_report'), text(20)),
      state: fc.constantFrom('open' as const, 'done' as const, 'skipped' as const),
      stateOn: fc.option(dayBetween('2026-01-01', TODAY), { nil: null }),
      note: fc.string({ maxLength: 20 }),
      updatedAt: fc.constant(`${NOW}.000Z`),
    })
  const contact = (loanIds: number[]) =>
    fc.record({
      id: smallInt(1, 1_000),
      loanId: fc.constantFrom(...loanIds),
      occurredAt: fc.oneof(
        { arbitrary: dayBetween('2026-01-01', TODAY).map((day) => `${day}T14:05`), weight: 5 },
        {
          arbitrary: fc.constantFrom('2026-02-30T10:00', '2026-03-01T24:00', '2026-03-01T23:60'),
          weight: 1,
        },
      ),
      channel: fc.constantFrom(
        'phone',
        'sms',
        'app',
        'wechat',
        'letter',
        'visit',
        'other' as const,
      ),
      direction: fc.constantFrom('incoming' as const, 'outgoing' as const),
      party: fc.constantFrom('lender', 'collector', 'third_party', 'lawyer', 'other' as const),
      who: fc.string({ maxLength: 10 }),
      summary: fc.string({ maxLength: 20 }),
      promises: fc.string({ maxLength: 10 }),
      followUpOn: fc.option(dayBetween(TODAY, '2026-06-30'), { nil: null }),
      createdAt: fc.constant(`${NOW}.000Z`),
    })
  return fc
    .record({
      loans: fc.subarray(base.loans),
      payments: fc.subarray(base.payments),
      events: fc.subarray(base.events),
      keepOrphans: fc.boolean(),
      shift: fc.constantFrom(0, 0, 0, 7, 1_000, 2 ** 31),
      amountChange: fc.option(smallInt(1, 900_000), { nil: null }),
      settings: fc.record({
        language: fc.constantFrom(null, ...LANGUAGES),
        lprTable: fc.option(lprTableArbitrary, { nil: null, freq: 2 }),
      }),
      extras: fc.nat(),
      exportedAt: fc.oneof(fc.constant(base.exportedAt), fc.string({ maxLength: 10 })),
    })
    .chain((g) => {
      const loanIds = g.loans.map((loan) => loan.id)
      const keep = (record: { loanId: number }) => g.keepOrphans || loanIds.includes(record.loanId)
      const shifted = (id: number) => id + g.shift
      const file: ExportFile = {
        ...base,
        exportedAt: g.exportedAt,
        settings: g.settings,
        loans: g.loans.map((loan) => ({ ...loan, id: shifted(loan.id) })),
        payments: g.payments.filter(keep).map((payment, index) => ({
          ...payment,
          id: shifted(payment.id),
          loanId: shifted(payment.loanId),
          amountFen: index === 0 && g.amountChange !== null ? g.amountChange : payment.amountFen,
        })),
        events: g.events
          .filter(keep)
          .map((event) => ({ ...event, id: shifted(event.id), loanId: shifted(event.loanId) })),
        checklist: [],
        contacts: [],
      }
      if (loanIds.length === 0) return fc.constant(file)
      const ids = loanIds.map(shifted)
      return fc
        .record({
          checklist: fc.array(checklistItem(ids), { maxLength: 3 }),
          contacts: fc.array(contact(ids), { maxLength: 3 }),
        })
        .map((more) => ({ ...file, ...more }))
    })
}

type ValidInputs = (seed: Seed) => fc.Arbitrary<unknown>

const noInput: ValidInputs = () => fc.constantFrom({}, undefined)

/** One arbitrary of valid inputs per method; a method missing here fails its test. */
const VALID_INPUTS: Partial<Record<MethodName, ValidInputs>> = {
  'app.info': noInput,
  'settings.get': noInput,
  'settings.update': () =>
    fc.record(
      {
        language: fc.constantFrom(null, ...LANGUAGES),
        lprTable: fc.option(lprTableArbitrary, { nil: null }),
      },
      { requiredKeys: [] },
    ),
  'reminders.due': () => fc.record({ asOf: asOfDate }, { requiredKeys: [] }),
  'reminders.acknowledge': (s) =>
    fc.record({
      ids: fc.array(
        fc.oneof(
          fc
            .tuple(idFrom(s.loanIds), asOfDate, fc.constantFrom('before', 'day'))
            .map(([id, on, when]) => `due:${id}:${on}:${when}`),
          fc
            .tuple(idFrom(s.loanIds), fc.constantFrom('grace', 1, 2, 7), asOfDate)
            .map(([id, code, on]) => `stage:${id}:${code}:${on}`),
          fc.tuple(idFrom(s.contactIds), asOfDate).map(([id, on]) => `followup:${id}:${on}`),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  'loans.list': () =>
    fc.record({ includeArchived: fc.boolean(), asOf: asOfDate }, { requiredKeys: [] }),
  'loans.get': (s) => fc.record({ id: idFrom(s.loanIds) }),
  'loans.create': () => fc.record(loanFields, { requiredKeys: ['name', 'lenderKind', 'terms'] }),
  'loans.update': (s) =>
    fc.record({ id: idFrom(s.loanIds), ...loanFields }, { requiredKeys: ['id'] }),
  'loans.archive': (s) => fc.record({ id: idFrom(s.loanIds), archived: fc.boolean() }),
  'loans.delete': (s) => fc.record({ id: idFrom(s.loanIds) }),
  'loans.ledger': (s) =>
    fc.oneof(
      {
        arbitrary: fc.record(
          { id: idFrom(s.loanIds), asOf: asOfDate, timeline: fc.boolean() },
          { requiredKeys: ['id'] },
        ),
        weight: 20,
      },
      { arbitrary: fc.record({ id: fc.constant(s.webankId), asOf: farFuture }), weight: 1 },
    ),
  'loans.projection': (s) =>
    fc.oneof(
      {
        arbitrary: fc.record(
          {
            id: idFrom(s.loanIds),
            asOf: asOfDate,
            waits: fc.oneof(
              { arbitrary: fc.array(smallInt(0, 120), { maxLength: 6 }), weight: 8 },
              { arbitrary: fc.array(smallInt(0, 3_650), { maxLength: 20 }), weight: 1 },
            ),
            monthlyBudgetFen: fc.oneof(
              { arbitrary: smallInt(10_000, 500_000), weight: 8 },
              { arbitrary: fc.constantFrom(1, 100, Number.MAX_SAFE_INTEGER), weight: 1 },
            ),
          },
          { requiredKeys: ['id'] },
        ),
        weight: 20,
      },
      {
        arbitrary: fc.record(
          {
            id: fc.constant(s.webankId),
            asOf: farFuture,
            waits: fc.array(smallInt(0, 3_650), { maxLength: 3 }),
          },
          { requiredKeys: ['id', 'asOf'] },
        ),
        weight: 1,
      },
    ),
  'loans.series': (s) =>
    fc.record(
      { id: idFrom(s.loanIds), asOf: asOfDate, horizonDays: fc.constantFrom(30, 90, 365, 7, 0) },
      { requiredKeys: ['id'] },
    ),
  'payments.list': (s) => fc.record({ loanId: idFrom(s.loanIds) }),
  'payments.preview': (s) =>
    fc.record(paymentFields(s.loanIds), { requiredKeys: ['loanId', 'paidOn', 'amountFen'] }),
  'payments.add': (s) =>
    fc.record(paymentFields(s.loanIds), { requiredKeys: ['loanId', 'paidOn', 'amountFen'] }),
  'payments.update': (s) => {
    const { loanId: _loanId, ...fields } = paymentFields(s.loanIds)
    return fc.record({ id: idFrom(s.paymentIds), ...fields }, { requiredKeys: ['id'] })
  },
  'payments.delete': (s) => fc.record({ id: idFrom(s.paymentIds) }),
  'events.list': (s) => fc.record({ loanId: idFrom(s.loanIds) }),
  'events.add': (s) =>
    fc.record(
      { loanId: idFrom(s.loanIds), event: eventArbitrary, note: text(1_000) },
      { requiredKeys: ['loanId', 'event'] },
    ),
  'events.delete': (s) => fc.record({ id: idFrom(s.eventIds) }),
  'contacts.list': (s) => fc.record({ loanId: idFrom(s.loanIds) }),
  'contacts.add': (s) =>
    fc.record(
      {
        loanId: idFrom(s.loanIds),
        ...contactFields,
        agreedPlan: fc.option(agreedPlanArbitrary, { freq: 3, nil: undefined }),
      },
      { requiredKeys: ['loanId', 'occurredAt', 'channel', 'party'] },
    ),
  'contacts.update': (s) =>
    fc.record({ id: idFrom(s.contactIds), ...contactFields }, { requiredKeys: ['id'] }),
  'contacts.delete': (s) => fc.record({ id: idFrom(s.contactIds) }),
  'contacts.followUps': () => fc.record({ asOf: asOfDate }, { requiredKeys: [] }),
  'checklist.get': (s) =>
    fc.record({ loanId: idFrom(s.loanIds), asOf: asOfDate }, { requiredKeys: ['loanId'] }),
  'checklist.setState': (s) =>
    fc.record(
      {
        loanId: idFrom(s.loanIds),
        itemKey: fc.oneof(fc.constantFrom(...PLAYBOOK_KEYS), fc.constantFrom('', 'nope')),
        state: fc.constantFrom('open', 'done', 'skipped', 'maybe'),
        stateOn: asOfDate,
        note: text(2_000),
      },
      { requiredKeys: ['loanId', 'itemKey', 'state'] },
    ),
  'checklist.setSituation': (s) =>
    fc.record({
      loanId: idFrom(s.loanIds),
      hardship: fc.constantFrom(null, 'job_loss', 'illness', 'family', 'income_drop', 'other', 'x'),
      lawsuitNoticeOn: fc.oneof(fc.constant(null), asOfDate),
    }),
  'checklist.progress': () => fc.record({ asOf: asOfDate }, { requiredKeys: [] }),
  'portfolio.series': () => fc.record({ asOf: asOfDate }, { requiredKeys: [] }),
  'portfolio.overview': () => fc.record({ asOf: asOfDate }, { requiredKeys: [] }),
  'portfolio.plan': (s) =>
    fc.record(
      {
        // Mostly budgets that clear the seeded loans within a few years; now and then one that
        // never catches up (600 months of every order) or the largest amount there is.
        monthlyBudgetFen: fc.oneof(
          { arbitrary: smallInt(50_000, 3_000_000), weight: 12 },
          { arbitrary: fc.constantFrom(1, 10_000, MAX_AMOUNT_FEN), weight: 1 },
        ),
        customOrder: fc.array(idFrom(s.loanIds), { maxLength: 5 }),
        asOf: asOfDate,
      },
      { requiredKeys: ['monthlyBudgetFen'] },
    ),
  'backup.list': noInput,
  'backup.create': noInput,
  'backup.restore': (s) =>
    fc.record({
      name: fc.oneof(
        fc.constantFrom(...s.backupNames),
        fc.stringMatching(/^[\w-]{1,24}$/).map((stem) => `repaypath-${stem}.sqlite3`),
        fc.constantFrom('repaypath-20260416-090000-manual-2.sqlite3', 'repaypath-..-x.sqlite3'),
      ),
    }),
  'data.export': noInput,
  'data.importPreview': (s) =>
    s.exportFile === null
      ? fc.constant({})
      : fc.record({ file: exportFileArbitrary(s.exportFile) }),
  'data.import': (s) =>
    s.exportFile === null
      ? fc.constant({})
      : fc.record({ file: exportFileArbitrary(s.exportFile) }),
  'csv.exportPayments': (s) => fc.record({ loanId: idFrom(s.loanIds) }, { requiredKeys: [] }),
  'csv.exportLedger': (s) =>
    fc.record({ loanId: idFrom(s.loanIds), asOf: asOfDate }, { requiredKeys: ['loanId'] }),
  'csv.importPayments': (s) => csvInput(s.loanIds),
  'letter.savePdf': () =>
    fc.record({ title: text(200), body: text(20_000), language: fc.constantFrom(...LANGUAGES) }),
}

/** Methods browser mode cannot serve: every valid input is refused as `unsupported`. */
const DESKTOP_ONLY: ReadonlySet<MethodName> = new Set<MethodName>(['letter.savePdf'])

/** Heavier valid calls (each takes a backup or replaces the database) come less often. */
const VALID_WEIGHT: Partial<Record<MethodName, number>> = {
  'backup.create': 1,
  'backup.restore': 1,
  'data.import': 1,
}

// --- The oracle --------------------------------------------------------------------------------

/** The input as fast-check writes values: undefined, Maps, sparse arrays… shown as they are. */
function show(input: unknown): string {
  const text = fc.stringify(input)
  return text.length > 400 ? `${text.slice(0, 400)}…` : text
}

async function check(method: MethodName, input: unknown): Promise<void> {
  try {
    await checkCall(method, input)
  } catch (error) {
    const recent = writesSinceReset.slice(-5).map((call) => `${call.method} ${show(call.input)}`)
    throw new Error(
      recent.length === 0
        ? (error as Error).message
        : `${(error as Error).message}\n  on the seeded data after (last ${recent.length} writes):\n  ${recent.join('\n  ')}`,
      { cause: error },
    )
  }
}

async function checkCall(method: MethodName, input: unknown): Promise<void> {
  const spec = contract[method]
  // As dispatch does: no input at all is an empty object.
  const parsed = spec.input.safeParse(input === undefined ? {} : input)
  const tablesBefore = dumpTables()
  const backupsBefore = parsed.success ? '' : dumpBackups()

  let envelope: Envelope<unknown>
  try {
    envelope = await dispatch(running().handlers, method, input)
  } catch (error) {
    throw new Error(`${method}: dispatch threw ${String(error)} for ${show(input)}`)
  }

  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path ?? []
    const field = path.length > 0 ? path.map(String).join('.') : 'input'
    if (
      envelope.ok ||
      envelope.error.code !== 'invalid_input' ||
      envelope.error.field !== field ||
      envelope.error.message.length === 0
    ) {
      throw new Error(
        `${method}: invalid input answered ${show(envelope)}, expected invalid_input on "${field}"`,
      )
    }
    if (dumpTables() !== tablesBefore) throw new Error(`${method}: invalid input changed the data`)
    if (dumpBackups() !== backupsBefore)
      throw new Error(`${method}: invalid input changed the backups`)
    return
  }

  if (DESKTOP_ONLY.has(method)) {
    if (envelope.ok || envelope.error.code !== 'unsupported' || envelope.error.message === '') {
      throw new Error(`${method}: browser mode answered ${show(envelope)}, expected unsupported`)
    }
    if (dumpTables() !== tablesBefore) throw new Error(`${method}: a refusal changed the data`)
    return
  }

  if (!envelope.ok) {
    const { code, field, message } = envelope.error
    if (!DOMAIN_CODES.has(code)) {
      throw new Error(`${method}: valid input ${show(input)} answered ${show(envelope.error)}`)
    }
    if (message.length === 0 || (code === 'invalid_input' && !field)) {
      throw new Error(`${method}: refusal without a message or field: ${show(envelope.error)}`)
    }
    if (dumpTables() !== tablesBefore) {
      throw new Error(`${method}: a refused call (${code}) changed the data: ${show(input)}`)
    }
    return
  }

  const output = spec.output.safeParse(envelope.value)
  if (!output.success) {
    throw new Error(
      `${method}: the value does not match the output schema: ${output.error.message}`,
    )
  }
  if (READ_ONLY.has(method)) return
  writesSinceReset.push({ method, input })
  if (!seedIntact()) await reset()
}

/** Which contract methods the handler table has no function for (not wired up yet). */
function missingHandlers(): MethodName[] {
  const table = createHandlers(running().context, {
    dataDir,
    time: { now: () => new Date(NOW) },
    sqlite: () => null,
    restore: () => Promise.reject(new Error('not used')),
  }) as Partial<Record<MethodName, unknown>>
  return METHOD_NAMES.filter((method) => typeof table[method] !== 'function')
}

// --- The tests ---------------------------------------------------------------------------------

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'repaypath-fuzz-'))
  dataDir = join(root, 'data')
  templateDir = join(root, 'template')
  await start()
  seed = await seedDatabase()
  await stop()
  cpSync(dataDir, templateDir, { recursive: true })
  await start()
}, 30_000)

afterAll(async () => {
  await stop()
  if (root !== '') rmSync(root, { recursive: true, force: true })
})

describe('every API method under generated input', () => {
  it('has a handler and a valid-input generator for every method', () => {
    expect(missingHandlers()).toEqual([])
    expect(METHOD_NAMES.filter((method) => VALID_INPUTS[method] === undefined)).toEqual([])
    expect(seed.exportError).toBeNull()
  })

  for (const method of METHOD_NAMES) {
    it(`${method}: ${RUNS_PER_METHOD} inputs, valid and invalid`, async () => {
      const valid = VALID_INPUTS[method]
      expect(valid, `no valid-input generator for ${method}`).toBeDefined()
      await reset()
      const inputs = fuzzInputs(valid!(seed), VALID_WEIGHT[method] ?? 3)
      await fc.assert(
        fc.asyncProperty(inputs, (input) => check(method, input)),
        { numRuns: RUNS_PER_METHOD },
      )
    }, 60_000)
  }

  it(`all methods interleaved: ${MIXED_RUNS} calls in a row on one database`, async () => {
    // What one method leaves behind (a huge loan, a restored backup…) is what the next one reads.
    await reset()
    const byMethod = METHOD_NAMES.map((method) => {
      const valid = VALID_INPUTS[method]
      if (valid === undefined) throw new Error(`no valid-input generator for ${method}`)
      return fuzzInputs(valid(seed), VALID_WEIGHT[method] ?? 3).map((input) => ({ method, input }))
    })
    await fc.assert(
      fc.asyncProperty(fc.oneof(...byMethod), ({ method, input }) => check(method, input)),
      { numRuns: MIXED_RUNS },
    )
  }, 60_000)
})
