import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { ExportFile } from '@shared/api/exchange'
import { fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { startBackend, type Backend } from '../../src/main/backend'
import { backupsDir } from '../../src/main/db/backup'
import { addEvent } from '../../src/main/services/events'
import {
  exchangeHandlers,
  exportData,
  findImportProblems,
  importData,
  previewImport,
} from '../../src/main/services/exchange'
import { archiveLoan, createLoan, listLoans } from '../../src/main/services/loans'
import { addPayment } from '../../src/main/services/payments'
import { updateSettings } from '../../src/main/services/settings'
import { useTempDir } from '../support/temp-dir'

const TODAY = '2026-04-16'
const NOW = new Date('2026-04-16T09:30:00.000Z')

const tempDir = useTempDir()
const open: Backend[] = []
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close()
})

async function backendOn(dataDir = tempDir()): Promise<Backend> {
  const backend = await startBackend({
    dataDir,
    runtime: 'browser',
    clock: fixedClock(TODAY),
    time: { now: () => NOW },
  })
  open.push(backend)
  return backend
}

const TABLES = ['loans', 'payments', 'loan_events', 'checklist_items', 'contacts', 'settings']

/** Every row of every table, in a stable order: equal dumps mean equal databases. */
function dump(backend: Backend): string {
  return JSON.stringify(
    TABLES.map((table) =>
      backend.database.sqlite.prepare(`select * from ${table} order by rowid`).all(),
    ),
  )
}

function preImportBackups(backend: Backend): string[] {
  const dir = backupsDir(backend.context.app.dataDir)
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.includes('-pre-import')) : []
}

/** A database with something in every table, filled through the services. */
async function fill(backend: Backend): Promise<void> {
  const ctx = backend.context
  const webank = await createLoan(ctx, {
    name: '微粒贷',
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms: presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-01-15' }),
    notes: '借款合同编号 WB-2026-001, "第一笔"',
  })
  const card = await createLoan(ctx, {
    name: '招行信用卡',
    lender: '招商银行',
    lenderKind: 'credit_card',
    presetId: 'credit_card',
    terms: presetTerms('credit_card', { principalFen: 2_345_678, disbursedOn: '2026-01-03' }),
    notes: '',
  })
  const bank = await createLoan(ctx, {
    name: 'old bank loan',
    lender: 'Bank',
    lenderKind: 'bank',
    presetId: 'bank_installment',
    terms: presetTerms('bank_installment', { principalFen: 12_000_000, disbursedOn: '2025-03-01' }),
    notes: 'archived',
  })
  await archiveLoan(ctx, bank.id, true)

  await addPayment(ctx, {
    loanId: webank.id,
    paidOn: '2026-02-15',
    amountFen: 105_000,
    channel: 'wechat',
    note: '微信还款, 含利息',
  })
  await addPayment(ctx, {
    loanId: webank.id,
    paidOn: '2026-04-01',
    amountFen: 1,
    channel: 'app',
    note: '',
  })
  await addPayment(ctx, {
    loanId: card.id,
    paidOn: '2026-03-10',
    amountFen: 200_050,
    channel: 'card',
    note: 'minimum',
  })
  await addEvent(ctx, {
    loanId: webank.id,
    event: { type: 'waiver', on: '2026-04-10', components: ['penalty'], stopFurtherCharges: true },
    note: '客服同意停息',
  })
  await ctx.db
    .insertInto('contacts')
    .values({
      loan_id: webank.id,
      occurred_at: '2026-04-10T14:05',
      channel: 'phone',
      direction: 'incoming',
      party: 'collector',
      who: '张先生',
      summary: 'asked for a plan',
      promises: '下周回电',
      follow_up_on: '2026-04-17',
      created_at: '2026-04-10T06:05:00.000Z',
    })
    .execute()
  await ctx.db
    .insertInto('checklist_items')
    .values([
      {
        loan_id: webank.id,
        item_key: 'request_statement',
        state: 'done',
        state_on: '2026-04-11',
        note: '',
        updated_at: '2026-04-11T01:00:00.000Z',
      },
      {
        loan_id: webank.id,
        item_key: 'call_lender',
        state: 'open',
        state_on: null,
        note: 'ask about 停息挂账',
        updated_at: '2026-04-11T01:00:00.000Z',
      },
    ])
    .execute()
  await updateSettings(ctx.db, { language: 'zh-CN' })
}

/** The file as it travels: JSON text, parsed back and checked against the contract. */
function throughTheWire(file: ExportFile): ExportFile {
  return contract['data.import'].input.parse({ file: JSON.parse(JSON.stringify(file)) }).file
}

describe('data export and import', () => {
  it('round-trips: export, import into an empty database, export again gives the same file', async () => {
    const source = await backendOn()
    await fill(source)
    const exported = await exportData(source.context)
    expect(contract['data.export'].output.parse(exported)).toEqual(exported)
    expect(exported).toMatchObject({
      format: 'repaypath-export',
      version: 1,
      exportedAt: NOW.toISOString(),
      app: { version: source.context.app.version, schemaVersion: source.context.app.schemaVersion },
      settings: { language: 'zh-CN', lprTable: null },
    })
    expect(exported.checklist.map((item) => item.itemKey)).toEqual([
      'call_lender',
      'request_statement',
    ])
    // Same database, same time: the same bytes.
    expect(JSON.stringify(await exportData(source.context))).toBe(JSON.stringify(exported))

    const target = await backendOn()
    const h = exchangeHandlers(target.context)
    const file = throughTheWire(exported)
    const preview = await h['data.importPreview']({ file })
    expect(preview).toEqual({
      current: { loans: 0, payments: 0, events: 0, checklist: 0, contacts: 0 },
      incoming: { loans: 3, payments: 3, events: 1, checklist: 2, contacts: 1 },
      problems: [],
    })
    const result = await h['data.import']({ file })
    expect(contract['data.import'].output.parse(result)).toEqual(result)
    expect(result.imported).toEqual(preview.incoming)
    expect(result.backup).toMatch(/^repaypath-\d{8}-\d{6}-pre-import\.sqlite3$/)
    expect(existsSync(join(backupsDir(target.context.app.dataDir), result.backup))).toBe(true)

    const again = await h['data.export']({})
    expect(JSON.stringify(again)).toBe(JSON.stringify(exported))
    // The engine reads the imported loans as it read the originals.
    const everything = { includeArchived: true, asOf: TODAY }
    expect(await listLoans(target.context, everything)).toEqual(
      await listLoans(source.context, everything),
    )
  })

  it('replaces what the database held, and forgets ledgers computed before', async () => {
    const source = await backendOn()
    await fill(source)
    const exported = await exportData(source.context)

    const target = await backendOn()
    const other = await createLoan(target.context, {
      name: 'to be replaced',
      lender: '',
      lenderKind: 'private',
      presetId: null,
      terms: presetTerms('private_loan', { principalFen: 50_000, disbursedOn: '2026-03-01' }),
      notes: '',
    })
    await addPayment(target.context, {
      loanId: other.id,
      paidOn: '2026-04-01',
      amountFen: 500,
      channel: 'cash',
      note: '',
    })
    await updateSettings(target.context.db, { language: 'en' })
    // Cached under loan id 1, which the import gives to another loan.
    const [before] = await listLoans(target.context, { includeArchived: false, asOf: TODAY })
    expect(before?.loan.name).toBe('to be replaced')

    const preview = await previewImport(target.context, exported)
    expect(preview.current).toEqual({ loans: 1, payments: 1, events: 0, checklist: 0, contacts: 0 })
    await importData(target.context, exported)

    expect(JSON.stringify(await exportData(target.context))).toBe(JSON.stringify(exported))
    const after = await listLoans(target.context, { includeArchived: true, asOf: TODAY })
    expect(after).toEqual(await listLoans(source.context, { includeArchived: true, asOf: TODAY }))
    // The backup holds the database as it was just before the import.
    const [backup] = preImportBackups(target)
    const copy = new BetterSqlite3(join(backupsDir(target.context.app.dataDir), backup!), {
      readonly: true,
    })
    try {
      expect(copy.prepare('select name from loans').pluck().all()).toEqual(['to be replaced'])
    } finally {
      copy.close()
    }
  })

  it('refuses a file with a payment of a loan it does not have, changing nothing', async () => {
    const backend = await backendOn()
    await fill(backend)
    const exported = await exportData(backend.context)
    const broken: ExportFile = {
      ...exported,
      payments: [...exported.payments, { ...exported.payments[0]!, id: 99, loanId: 42 }],
    }
    const before = dump(backend)

    const preview = await previewImport(backend.context, broken)
    expect(preview.incoming.payments).toBe(4)
    expect(preview.problems).toEqual([
      { field: 'payments.3.loanId', message: expect.stringContaining('loan 42') },
    ])
    const error = await importData(backend.context, broken).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'invalid_input', field: 'payments.3.loanId' })
    expect(dump(backend)).toBe(before)
    expect(preImportBackups(backend)).toEqual([])
  })

  it('names duplicate ids and histories the engine cannot compute', () => {
    const file: ExportFile = {
      format: 'repaypath-export',
      version: 1,
      exportedAt: NOW.toISOString(),
      app: { version: '0.1.0', schemaVersion: 2 },
      settings: { language: null, lprTable: null },
      loans: [1, 2, 2].map((id) => ({
        id,
        name: `loan ${id}`,
        lender: '',
        lenderKind: 'webank' as const,
        presetId: 'webank' as const,
        terms: presetTerms('webank', { principalFen: 100_000, disbursedOn: '2026-01-15' }),
        notes: '',
        archived: false,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      })),
      payments: [
        [1, 1, '2026-02-15'],
        // Paid before the loan was disbursed.
        [2, 2, '2026-01-01'],
        [2, 1, '2026-02-16'],
      ].map(([id, loanId, paidOn]) => ({
        id: Number(id),
        loanId: Number(loanId),
        paidOn: String(paidOn),
        amountFen: 100,
        channel: 'app' as const,
        note: '',
        createdAt: NOW.toISOString(),
      })),
      events: [
        {
          id: 1,
          loanId: 1,
          // A plan whose installment falls due before the plan itself.
          event: {
            type: 'agreed_plan',
            on: '2026-04-01',
            installments: [{ dueOn: '2026-03-01', principalFen: 100_000, interestFen: 0 }],
          },
          note: '',
          createdAt: NOW.toISOString(),
        },
      ],
      checklist: [1, 1].map((loanId) => ({
        loanId,
        itemKey: 'call_lender',
        state: 'open' as const,
        stateOn: null,
        note: '',
        updatedAt: NOW.toISOString(),
      })),
      contacts: [
        {
          id: 1,
          loanId: 3,
          occurredAt: '2026-02-30T25:00',
          channel: 'phone',
          direction: 'incoming',
          party: 'collector',
          who: '',
          summary: '',
          promises: '',
          followUpOn: null,
          createdAt: NOW.toISOString(),
        },
      ],
    }
    expect(findImportProblems(file, TODAY).map((problem) => problem.field)).toEqual([
      'loans.2.id',
      'payments.2.id',
      'contacts.0.loanId',
      'checklist.1.itemKey',
      'contacts.0.occurredAt',
      'events.0.event',
      'payments.1.paidOn',
    ])
  })
})
