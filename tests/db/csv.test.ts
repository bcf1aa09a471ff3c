import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { contract, type MethodInput } from '@shared/api/contract'
import { addDays, fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import type { LoanTerms } from '@shared/engine/terms'
import { fenToYuanString, yuanToFen } from '@shared/money'
import { startBackend, type Backend } from '../../src/main/backend'
import {
  addedPaymentFaults,
  csvHandlers,
  csvYuanToFen,
  parseCsvDate,
} from '../../src/main/services/csv'
import { findHistoryFault } from '../../src/main/services/history-check'
import { createLoan, loanHandlers } from '../../src/main/services/loans'
import { addPayment, paymentHandlers } from '../../src/main/services/payments'
import {
  cardTermsArbitrary,
  eventsArbitrary,
  installmentTermsArbitrary,
} from '../support/loan-arbitraries'
import { useTempDir } from '../support/temp-dir'

const TODAY = '2026-04-16'
const NOW = new Date('2026-04-16T09:30:00.000Z')
const BOM = '\uFEFF'

const tempDir = useTempDir()
const open: Backend[] = []
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close()
})

async function backendOn(): Promise<Backend> {
  const backend = await startBackend({
    dataDir: tempDir(),
    runtime: 'browser',
    clock: fixedClock(TODAY),
    time: { now: () => NOW },
  })
  open.push(backend)
  return backend
}

function handlersOf(backend: Backend) {
  return {
    ...csvHandlers(backend.context),
    ...loanHandlers(backend.context),
    ...paymentHandlers(backend.context),
  }
}

/** Calls csv.importPayments as a transport would: input parsed by the contract, output checked. */
async function importCsv(backend: Backend, input: MethodInput<'csv.importPayments'>) {
  const result = await csvHandlers(backend.context)['csv.importPayments'](
    contract['csv.importPayments'].input.parse(input),
  )
  return contract['csv.importPayments'].output.parse(result)
}

async function refusal(result: unknown): Promise<unknown> {
  return Promise.resolve(result).then(
    () => {
      throw new Error('should have been refused')
    },
    (error: unknown) => error,
  )
}

function dump(backend: Backend): string {
  const tables = ['loans', 'payments', 'loan_events', 'checklist_items', 'contacts', 'settings']
  return JSON.stringify(
    tables.map((table) =>
      backend.database.sqlite.prepare(`select * from ${table} order by rowid`).all(),
    ),
  )
}

async function webankLoan(backend: Backend, name = '微粒贷') {
  return createLoan(backend.context, {
    name,
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms: presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-01-15' }),
    notes: '',
  })
}

const NOTES = {
  comma: '微信还款, 含利息',
  quotes: 'he said "ok", then left',
  formula: '=HYPERLINK("http://example.com")',
  lines: 'first line\nsecond line',
}

/** A loan with payments whose notes need quoting, plus a second loan. */
async function seed(backend: Backend) {
  const ctx = backend.context
  const loan = await webankLoan(backend)
  const payments = [
    { paidOn: '2026-02-15', amountFen: 105_000, channel: 'wechat' as const, note: NOTES.comma },
    { paidOn: '2026-03-15', amountFen: 1, channel: 'app' as const, note: NOTES.quotes },
    { paidOn: '2026-03-15', amountFen: 1_234_567, channel: 'alipay' as const, note: NOTES.formula },
    {
      paidOn: '2026-04-01',
      amountFen: 20_000,
      channel: 'bank_transfer' as const,
      note: NOTES.lines,
    },
  ]
  for (const payment of payments) await addPayment(ctx, { loanId: loan.id, ...payment })
  const other = await webankLoan(backend, 'other loan')
  await addPayment(ctx, {
    loanId: other.id,
    paidOn: '2026-02-16',
    amountFen: 99,
    channel: 'cash',
    note: '',
  })
  return { loan, other, payments }
}

const EXPORT_MAPPING = {
  paidOn: 'paid_on',
  amount: 'amount_yuan',
  channel: 'channel',
  note: 'note',
}

describe('CSV export', () => {
  it('writes payments with a BOM, exact yuan and quoted text', async () => {
    const backend = await backendOn()
    const { loan } = await seed(backend)
    const h = handlersOf(backend)

    const all = await h['csv.exportPayments']({})
    expect(contract['csv.exportPayments'].output.parse(all)).toEqual(all)
    expect(all.filename).toBe('repaypath-payments-2026-04-16.csv')
    expect(all.csv.startsWith(BOM)).toBe(true)
    expect(all.csv.slice(1).split('\r\n')).toEqual([
      'loan,paid_on,amount_yuan,channel,note',
      '微粒贷,2026-02-15,1050.00,wechat,"微信还款, 含利息"',
      '微粒贷,2026-03-15,0.01,app,"he said ""ok"", then left"',
      `微粒贷,2026-03-15,12345.67,alipay,"'=HYPERLINK(""http://example.com"")"`,
      '微粒贷,2026-04-01,200.00,bank_transfer,"first line\nsecond line"',
      'other loan,2026-02-16,0.99,cash,',
      '',
    ])

    const one = await h['csv.exportPayments']({ loanId: loan.id })
    expect(one.csv.split('\r\n')).toHaveLength(6)
    const none = await h['csv.exportPayments']({ loanId: (await webankLoan(backend, 'new')).id })
    expect(none.csv).toBe(`${BOM}loan,paid_on,amount_yuan,channel,note\r\n`)
    expect(await refusal(h['csv.exportPayments']({ loanId: 999 }))).toMatchObject({
      code: 'not_found',
      field: 'loanId',
    })
  })

  it('writes one ledger row per installment, in yuan', async () => {
    const backend = await backendOn()
    const { loan } = await seed(backend)
    const h = handlersOf(backend)
    const file = await h['csv.exportLedger']({ loanId: loan.id })
    expect(file.filename).toBe(`repaypath-ledger-${loan.id}-2026-04-16.csv`)
    expect(file.csv.startsWith(BOM)).toBe(true)
    const [header, ...lines] = file.csv.slice(1).trimEnd().split('\r\n')
    const parts = ['principal', 'interest', 'penalty', 'compound', 'fee']
    expect(header).toBe(
      [
        'index,due_on,status,days_overdue',
        ...['charged', 'paid', 'outstanding'].flatMap((amount) =>
          parts.map((component) => `${amount}_${component}_yuan`),
        ),
      ].join(','),
    )
    const ledger = await h['loans.ledger']({ id: loan.id, timeline: false })
    expect(lines).toHaveLength(ledger.installments.length)
    const first = ledger.installments[0]!
    expect(lines[0]!.split(',')).toEqual([
      '1',
      first.dueOn,
      first.status,
      String(first.daysOverdue),
      ...(['charged', 'paid', 'outstanding'] as const).flatMap((amount) =>
        parts.map((component) => fenToYuanString(first[amount][component as 'fee'])),
      ),
    ])
    expect(first.charged.principal).toBe(100_000)
    expect(lines[0]!.split(',')[4]).toBe('1000.00')

    const earlier = await h['csv.exportLedger']({ loanId: loan.id, asOf: '2026-02-01' })
    expect(earlier.filename).toBe(`repaypath-ledger-${loan.id}-2026-02-01.csv`)
    expect(earlier.csv).toContain(',upcoming,0,')
  })
})

describe('CSV import', () => {
  it('round-trips exported payments, Chinese text and quoted commas included', async () => {
    const backend = await backendOn()
    const { loan, payments } = await seed(backend)
    const h = handlersOf(backend)
    const { csv } = await h['csv.exportPayments']({ loanId: loan.id })
    const target = await webankLoan(backend, '副本')
    const before = dump(backend)

    const dry = await importCsv(backend, {
      loanId: target.id,
      csv,
      mapping: EXPORT_MAPPING,
      dryRun: true,
    })
    expect(dry).toEqual({
      dryRun: true,
      rows: payments.map((payment, index) => ({ row: index + 1, ...payment })),
      errors: [],
      imported: 0,
    })
    expect(dump(backend)).toBe(before)

    const real = await importCsv(backend, {
      loanId: target.id,
      csv,
      mapping: EXPORT_MAPPING,
      dryRun: false,
    })
    expect(real).toEqual({ dryRun: false, rows: [], errors: [], imported: 4 })
    const strip = (rows: { paidOn: string; amountFen: number; channel: string; note: string }[]) =>
      rows.map(({ paidOn, amountFen, channel, note }) => ({ paidOn, amountFen, channel, note }))
    const copied = await h['payments.list']({ loanId: target.id })
    expect(strip(copied)).toEqual(strip(await h['payments.list']({ loanId: loan.id })))
    expect(copied.every((payment) => payment.createdAt === NOW.toISOString())).toBe(true)
    // Exported again, the copy reads the same but for the loan's name.
    const again = await h['csv.exportPayments']({ loanId: target.id })
    expect(again.csv.replaceAll('副本,', '')).toBe(csv.replaceAll('微粒贷,', ''))
  })

  it('writes nothing on a dry run, and refreshes the loan after a real one', async () => {
    const backend = await backendOn()
    const loan = await webankLoan(backend)
    const h = handlersOf(backend)
    // Not in date order, with two payments on one day.
    const csv =
      'date,amount,note\r\n2026-03-15,1050,first\r\n2026-02-15,1050,\r\n2026-03-15,0.01,second\r\n'
    const mapping = { paidOn: 'date', amount: 'amount', note: 'note' }
    const owedBefore = (await h['loans.ledger']({ id: loan.id, timeline: false })).payoffFen
    const before = dump(backend)

    const dry = await importCsv(backend, { loanId: loan.id, csv, mapping, dryRun: true })
    expect(dry.rows.map((row) => [row.row, row.paidOn, row.amountFen, row.channel])).toEqual([
      [1, '2026-03-15', 105_000, 'other'],
      [2, '2026-02-15', 105_000, 'other'],
      [3, '2026-03-15', 1, 'other'],
    ])
    expect(dump(backend)).toBe(before)

    expect(
      await importCsv(backend, { loanId: loan.id, csv, mapping, dryRun: false }),
    ).toMatchObject({
      imported: 3,
    })
    // Same-day payments apply in the file's order.
    const listed = await h['payments.list']({ loanId: loan.id })
    expect(listed.map((payment) => [payment.paidOn, payment.note])).toEqual([
      ['2026-02-15', ''],
      ['2026-03-15', 'first'],
      ['2026-03-15', 'second'],
    ])
    // The ledger cached before the import is not served after it.
    const owedAfter = (await h['loans.ledger']({ id: loan.id, timeline: false })).payoffFen
    expect(owedAfter).toBeLessThan(owedBefore - 200_000)

    expect(
      await refusal(importCsv(backend, { loanId: 999, csv, mapping, dryRun: true })),
    ).toMatchObject({ code: 'not_found', field: 'loanId' })
  })

  it('names columns the mapping asks for that the header lacks', async () => {
    const backend = await backendOn()
    const loan = await webankLoan(backend)
    const input = {
      loanId: loan.id,
      csv: 'date,amount\n2026-02-15,10\n',
      mapping: { paidOn: 'date', amount: 'sum', note: 'memo' },
    }
    const dry = await importCsv(backend, { ...input, dryRun: true })
    expect(dry.rows).toEqual([])
    expect(dry.errors).toEqual([
      { row: 0, field: 'mapping.amount', message: expect.stringContaining('"sum"') },
      { row: 0, field: 'mapping.note', message: expect.stringContaining('"memo"') },
    ])
    const before = dump(backend)
    expect(await refusal(importCsv(backend, { ...input, dryRun: false }))).toMatchObject({
      code: 'invalid_input',
      field: 'csv.0.mapping.amount',
    })
    expect(dump(backend)).toBe(before)
  })

  it('reports bad dates and amounts by row, and then writes nothing', async () => {
    const backend = await backendOn()
    const loan = await webankLoan(backend)
    const csv = [
      '日期,金额,渠道,备注',
      '2026-02-30,100.00,微信,no such day',
      '2026/03/01,abc,支付宝,not a number',
      '2026.3.2,0,现金,zero',
      '2026-05-01,10,app,in the future',
      ',10,app,no date',
      '2026-03-03,"1,234.5",WeChat,"好, 没问题"',
      '2026-03-04,1.234,app,three decimals',
      '2026-01-10,10,app,before the loan',
      '2026-03-05,-5,app,negative',
      '2026-13-01,¥88,Bank,month 13',
      '2026-03-06,￥88.8,Bank,ok',
    ].join('\n')
    const input = {
      loanId: loan.id,
      csv,
      mapping: { paidOn: '日期', amount: '金额', channel: '渠道', note: '备注' },
    }
    const dry = await importCsv(backend, { ...input, dryRun: true })
    expect(dry.errors.map((error) => [error.row, error.field])).toEqual([
      [1, 'paidOn'],
      [2, 'amount'],
      [3, 'amount'],
      [4, 'paidOn'],
      [5, 'paidOn'],
      [7, 'amount'],
      [9, 'amount'],
      [10, 'paidOn'],
    ])
    expect(dry.errors[0]!.message).toBe('Row 1: "2026-02-30" is not a real date written YYYY-MM-DD')
    expect(dry.rows).toEqual([
      { row: 6, paidOn: '2026-03-03', amountFen: 123_450, channel: 'wechat', note: '好, 没问题' },
      { row: 8, paidOn: '2026-01-10', amountFen: 1_000, channel: 'app', note: 'before the loan' },
      { row: 11, paidOn: '2026-03-06', amountFen: 8_880, channel: 'other', note: 'ok' },
    ])

    const before = dump(backend)
    expect(await refusal(importCsv(backend, { ...input, dryRun: false }))).toMatchObject({
      code: 'invalid_input',
      field: 'csv.1.paidOn',
      message: 'Row 1: "2026-02-30" is not a real date written YYYY-MM-DD',
    })
    expect(dump(backend)).toBe(before)

    // With only the row dated before the disbursement left, the loan's own check names it.
    const early = { ...input, csv: [csv.split('\n')[0], csv.split('\n')[8]].join('\n') }
    expect((await importCsv(backend, { ...early, dryRun: true })).errors).toEqual([
      {
        row: 1,
        field: 'paidOn',
        message: 'Row 1: 2026-01-10 is before the loan was disbursed (2026-01-15)',
      },
    ])
    expect(await refusal(importCsv(backend, { ...early, dryRun: false }))).toMatchObject({
      code: 'invalid_input',
      field: 'csv.1.paidOn',
    })
    expect(dump(backend)).toBe(before)
  })

  it('reads BOMs, Excel date forms, empty lines, amounts in fen and broken quoting', async () => {
    const backend = await backendOn()
    const loan = await webankLoan(backend)
    const csv =
      BOM +
      ' paid , fen \r\n' +
      '2026-03-01,100\r\n' +
      '\r\n' +
      ',,\r\n' +
      '2026/03/02,200\r\n' +
      '2026.3.3,300\r\n' +
      '2026/3/4 10:15,400\r\n' +
      '2026-03-05,12.5\r\n'
    const dry = await importCsv(backend, {
      loanId: loan.id,
      csv,
      mapping: { paidOn: 'paid', amount: 'fen' },
      amountUnit: 'fen',
      dryRun: true,
    })
    expect(dry.rows.map((row) => [row.row, row.paidOn, row.amountFen])).toEqual([
      [1, '2026-03-01', 100],
      [2, '2026-03-02', 200],
      [3, '2026-03-03', 300],
      [4, '2026-03-04', 400],
    ])
    expect(dry.errors).toEqual([
      { row: 5, field: 'amount', message: 'Row 5: "12.5" is not a whole number of fen' },
    ])

    const broken = await importCsv(backend, {
      loanId: loan.id,
      csv: 'date,amount,note\n2026-03-01,1,fine\n2026-03-02,2,"never closed\n',
      mapping: { paidOn: 'date', amount: 'amount', note: 'note' },
      dryRun: true,
    })
    expect(broken.errors).toEqual([
      { row: 2, field: 'csv', message: 'Row 2: quoted field unterminated' },
    ])
    expect(broken.rows.map((row) => row.row)).toEqual([1])

    const empty = await importCsv(backend, {
      loanId: loan.id,
      csv: 'date,amount\n',
      mapping: { paidOn: 'date', amount: 'amount' },
      dryRun: true,
    })
    expect(empty.errors).toEqual([{ row: 0, field: 'csv', message: expect.any(String) }])
  })

  it('reads dates and amounts as the shared helpers do', () => {
    expect(parseCsvDate('2024-02-29')).toBe('2024-02-29')
    expect(parseCsvDate('2023-02-29')).toBeNull()
    expect(parseCsvDate('1900/2/29')).toBeNull()
    expect(parseCsvDate('2000.2.29')).toBe('2000-02-29')
    expect(parseCsvDate('2026-4-1')).toBe('2026-04-01')
    expect(parseCsvDate('2026-04/01')).toBeNull()
    expect(parseCsvDate('20260401')).toBeNull()
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.constantFrom('', '.', '.0', '.00', '.5', '.05', '.50', '.123'),
        (whole, tail) => {
          const text = `${whole}${tail}`
          let expected: number | string
          try {
            expected = yuanToFen(text)
          } catch {
            expected = 'refused'
          }
          let actual: number | string
          try {
            actual = csvYuanToFen(text)
          } catch {
            actual = 'refused'
          }
          expect(actual).toBe(expected)
        },
      ),
    )
  })
})

describe('the check behind CSV import', () => {
  /**
   * `addedPaymentFaults` stands in for running the engine over the imported payments: on any
   * history, it must accept exactly what the engine accepts (less payments before the
   * disbursement, which it refuses even where a card's engine would let one day pass).
   */
  it('agrees with the engine on random histories', () => {
    const history = fc
      .oneof(installmentTermsArbitrary, cardTermsArbitrary)
      .chain((terms: LoanTerms) => {
        const dated = fc.integer({ min: -5, max: 400 }).map((offset) => ({
          paidOn: addDays(terms.disbursedOn, offset),
          amountFen: 1 + (Math.abs(offset) % 7) * 10_000,
        }))
        return fc.record({
          terms: fc.constant(terms),
          events: eventsArbitrary(terms),
          today: fc
            .integer({ min: 0, max: 500 })
            .map((offset) => addDays(terms.disbursedOn, offset)),
          existing: fc.array(dated, { maxLength: 6 }),
          added: fc.array(dated, { maxLength: 6 }),
        })
      })
    fc.assert(
      fc.property(history, ({ terms, events, today, existing, added }) => {
        const byDate = <T extends { paidOn: string }>(list: T[]) =>
          [...list].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0))
        // As stored: nothing after the day it was entered on.
        const stored = byDate(existing.filter((payment) => payment.paidOn <= today))
        const fresh = added.filter((payment) => payment.paidOn <= today)
        const eventList = events.map((event, index) => ({ index, event }))
        const check = addedPaymentFaults(
          {
            terms,
            events: eventList,
            payments: stored.map((payment, index) => ({ index, payment })),
          },
          fresh,
          today,
        )
        const engine = findHistoryFault(
          terms,
          eventList,
          byDate([...stored, ...fresh]).map((payment, index) => ({ index, payment })),
          today,
        )
        const allAfterDisbursement = fresh.every((payment) => payment.paidOn >= terms.disbursedOn)
        expect(check.length === 0).toBe(engine === null && allAfterDisbursement)
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    )
  })
})
