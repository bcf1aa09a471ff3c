import type { Handlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type DataCounts,
  type ExportFile,
} from '@shared/api/exchange'
import { isCivilDate } from '@shared/dates'
import { backupsDir, createBackup } from '../db/backup'
import type { ServiceContext } from './context'
import { findHistoryFault } from './history-check'
import { eventFromRow, loanFromRow, paymentFromRow } from './loan-data'
import { readSettings } from './settings'

/**
 * Export and import of everything the user has, as one JSON document (`ExportFile`). Ids are
 * kept both ways, so that exporting, importing into an empty database and exporting again gives
 * the same document. An import replaces the whole database, all or nothing, after a
 * `pre-import` backup.
 */

export interface ImportProblem {
  field: string
  message: string
}

export interface ImportPreview {
  current: DataCounts
  incoming: DataCounts
  problems: ImportProblem[]
}

/** Beyond this many, problems are summed up in one last entry: the file needs fixing anyway. */
const MAX_PROBLEMS = 100

export async function exportData(ctx: ServiceContext): Promise<ExportFile> {
  // One read transaction: a consistent snapshot even if a write comes in meanwhile.
  const [loans, payments, events, checklist, contacts, settings] = await ctx.db
    .transaction()
    .execute(
      async (trx) =>
        [
          await trx.selectFrom('loans').selectAll().orderBy('id').execute(),
          await trx.selectFrom('payments').selectAll().orderBy('id').execute(),
          await trx.selectFrom('loan_events').selectAll().orderBy('id').execute(),
          await trx
            .selectFrom('checklist_items')
            .selectAll()
            .orderBy('loan_id')
            .orderBy('item_key')
            .execute(),
          await trx.selectFrom('contacts').selectAll().orderBy('id').execute(),
          await readSettings(trx),
        ] as const,
    )
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.time.now().toISOString(),
    app: { version: ctx.app.version, schemaVersion: ctx.app.schemaVersion },
    settings,
    loans: loans.map(loanFromRow),
    payments: payments.map(paymentFromRow),
    events: events.map(eventFromRow),
    checklist: checklist.map((row) => ({
      loanId: row.loan_id,
      itemKey: row.item_key,
      state: row.state,
      stateOn: row.state_on,
      note: row.note,
      updatedAt: row.updated_at,
    })),
    contacts: contacts.map((row) => ({
      id: row.id,
      loanId: row.loan_id,
      occurredAt: row.occurred_at,
      channel: row.channel,
      direction: row.direction,
      party: row.party,
      who: row.who,
      summary: row.summary,
      promises: row.promises,
      followUpOn: row.follow_up_on,
      createdAt: row.created_at,
    })),
  }
}

/** What the database holds now (raw: callers hold Kysely's connection). */
function currentCounts(ctx: ServiceContext): DataCounts {
  const count = (table: string) =>
    ctx.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  return {
    loans: count('loans'),
    payments: count('payments'),
    events: count('loan_events'),
    checklist: count('checklist_items'),
    contacts: count('contacts'),
  }
}

function fileCounts(file: ExportFile): DataCounts {
  return {
    loans: file.loans.length,
    payments: file.payments.length,
    events: file.events.length,
    checklist: file.checklist.length,
    contacts: file.contacts.length,
  }
}

/** `YYYY-MM-DDTHH:mm` naming a real day and time (the database checks it with `datetime()`). */
function isLocalDateTime(value: string): boolean {
  const hours = Number(value.slice(11, 13))
  const minutes = Number(value.slice(14, 16))
  return isCivilDate(value.slice(0, 10)) && hours < 24 && minutes < 60
}

/**
 * Everything that would stop `file` from being imported: ids used twice, records of a loan
 * the file does not have, and loans whose history the engine cannot compute. The file's shape
 * has already been checked against the contract.
 */
export function findImportProblems(file: ExportFile, today: string): ImportProblem[] {
  const problems: ImportProblem[] = []

  /** Where each loan id first appears; a later loan with the same id is a problem. */
  const loanIndex = new Map<number, number>()
  file.loans.forEach((loan, index) => {
    if (loanIndex.has(loan.id)) {
      problems.push({ field: `loans.${index}.id`, message: `loan id ${loan.id} is used twice` })
    } else {
      loanIndex.set(loan.id, index)
    }
  })

  function checkChildren<T extends { loanId: number }>(
    list: 'payments' | 'events' | 'contacts' | 'checklist',
    records: readonly T[],
    what: string,
    key: (record: T) => string,
    keyField = 'id',
  ): void {
    const seen = new Set<string>()
    records.forEach((record, index) => {
      if (!loanIndex.has(record.loanId)) {
        problems.push({
          field: `${list}.${index}.loanId`,
          message: `${what} belongs to loan ${record.loanId}, which is not in the file`,
        })
      }
      const id = key(record)
      if (seen.has(id)) {
        problems.push({
          field: `${list}.${index}.${keyField}`,
          message: `${what} ${id} appears twice`,
        })
      }
      seen.add(id)
    })
  }
  checkChildren('payments', file.payments, 'payment', (p) => String(p.id))
  checkChildren('events', file.events, 'event', (e) => String(e.id))
  checkChildren('contacts', file.contacts, 'contact', (c) => String(c.id))
  checkChildren(
    'checklist',
    file.checklist,
    'checklist item',
    (c) => `${c.loanId}/${c.itemKey}`,
    'itemKey',
  )
  file.contacts.forEach((contact, index) => {
    if (!isLocalDateTime(contact.occurredAt)) {
      problems.push({
        field: `contacts.${index}.occurredAt`,
        message: `"${contact.occurredAt}" is not a real date and time`,
      })
    }
  })

  // Each loan's history as the engine will read it: events and payments by date, then id.
  const byLoan = new Map<
    number,
    {
      events: { index: number; id: number; event: ExportFile['events'][number]['event'] }[]
      payments: {
        index: number
        id: number
        payment: { id: number; paidOn: string; amountFen: number }
      }[]
    }
  >()
  for (const id of loanIndex.keys()) byLoan.set(id, { events: [], payments: [] })
  file.events.forEach((row, index) => {
    byLoan.get(row.loanId)?.events.push({ index, id: row.id, event: row.event })
  })
  file.payments.forEach((row, index) => {
    byLoan.get(row.loanId)?.payments.push({
      index,
      id: row.id,
      payment: { id: row.id, paidOn: row.paidOn, amountFen: row.amountFen },
    })
  })
  file.loans.forEach((loan, index) => {
    const history = byLoan.get(loan.id)
    if (history === undefined || loanIndex.get(loan.id) !== index) return // a duplicate id
    history.events.sort((a, b) => compare(a.event.on, b.event.on) || a.id - b.id)
    history.payments.sort((a, b) => compare(a.payment.paidOn, b.payment.paidOn) || a.id - b.id)
    const fault = findHistoryFault(loan.terms, history.events, history.payments, today)
    if (fault === null) return
    const field =
      fault.at === 'terms'
        ? `loans.${index}.terms`
        : fault.at === 'event'
          ? `events.${fault.index}.event`
          : `payments.${fault.index}.paidOn`
    problems.push({
      field,
      message: `the history of loan "${loan.name}" cannot be computed: ${fault.message}`,
    })
  })

  if (problems.length <= MAX_PROBLEMS) return problems
  const more = problems.length - MAX_PROBLEMS
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { field: 'file', message: `and ${more} more problem${more === 1 ? '' : 's'}` },
  ]
}

/** What an import of `file` would replace, bring in, and trip over. Changes nothing. */
export async function previewImport(ctx: ServiceContext, file: ExportFile): Promise<ImportPreview> {
  // Counted on Kysely's connection, so that no transaction of its is half-way through.
  const current = await ctx.db.connection().execute(async () => currentCounts(ctx))
  return {
    current,
    incoming: fileCounts(file),
    problems: findImportProblems(file, ctx.clock.today()),
  }
}

/**
 * Replaces everything in the database with the contents of `file`, keeping ids. Refused, with
 * nothing changed, if the file has problems (see `previewImport`); otherwise a `pre-import`
 * backup is taken first and the replacement runs in one transaction.
 */
export async function importData(
  ctx: ServiceContext,
  file: ExportFile,
): Promise<{ imported: DataCounts; backup: string }> {
  const problems = findImportProblems(file, ctx.clock.today())
  const first = problems[0]
  if (first !== undefined) {
    const others = problems.length - 1
    const tail = others === 0 ? '' : ` (and ${others} more problem${others === 1 ? '' : 's'})`
    throw new ApiError(
      'invalid_input',
      `The file cannot be imported: ${first.field}: ${first.message}${tail}. Nothing was changed.`,
      first.field,
    )
  }

  // Holding Kysely's one connection keeps every other query out from the backup to the commit.
  const backup = await ctx.db.connection().execute(async () => {
    const taken = await createBackup(
      ctx.sqlite,
      backupsDir(ctx.app.dataDir),
      'pre-import',
      ctx.time,
    )
    try {
      replaceEverything(ctx, file)
    } catch (error) {
      if (isConstraintError(error)) {
        throw new ApiError(
          'invalid_input',
          `The file cannot be imported: the database refused it (${(error as Error).message}). Nothing was changed.`,
          'file',
        )
      }
      throw error
    }
    return taken
  })
  ctx.ledgers.clear()
  return { imported: fileCounts(file), backup: backup.name }
}

/** One transaction: children out first, loans in first. */
function replaceEverything(ctx: ServiceContext, file: ExportFile): void {
  const { sqlite } = ctx
  const insertLoan = sqlite.prepare(
    `insert into loans (id, name, lender, lender_kind, principal_fen, disbursed_on, terms_json,
       notes, preset_id, archived, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertPayment = sqlite.prepare(
    `insert into payments (id, loan_id, paid_on, amount_fen, channel, note, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertEvent = sqlite.prepare(
    `insert into loan_events (id, loan_id, type, occurs_on, event_json, note, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertChecklist = sqlite.prepare(
    `insert into checklist_items (loan_id, item_key, state, state_on, note, updated_at)
     values (?, ?, ?, ?, ?, ?)`,
  )
  const insertContact = sqlite.prepare(
    `insert into contacts (id, loan_id, occurred_at, channel, direction, party, who, summary,
       promises, follow_up_on, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const writeSetting = sqlite.prepare(
    `insert into settings (key, value_json) values (?, ?)
     on conflict (key) do update set value_json = excluded.value_json`,
  )

  sqlite.transaction(() => {
    for (const table of ['payments', 'loan_events', 'checklist_items', 'contacts', 'loans']) {
      sqlite.prepare(`delete from ${table}`).run()
    }
    for (const loan of file.loans) {
      insertLoan.run(
        loan.id,
        loan.name,
        loan.lender,
        loan.lenderKind,
        loan.terms.principalFen,
        loan.terms.disbursedOn,
        JSON.stringify(loan.terms),
        loan.notes,
        loan.presetId,
        loan.archived ? 1 : 0,
        loan.createdAt,
        loan.updatedAt,
      )
    }
    for (const p of file.payments) {
      insertPayment.run(p.id, p.loanId, p.paidOn, p.amountFen, p.channel, p.note, p.createdAt)
    }
    for (const e of file.events) {
      insertEvent.run(
        e.id,
        e.loanId,
        e.event.type,
        e.event.on,
        JSON.stringify(e.event),
        e.note,
        e.createdAt,
      )
    }
    for (const c of file.checklist) {
      insertChecklist.run(c.loanId, c.itemKey, c.state, c.stateOn, c.note, c.updatedAt)
    }
    for (const c of file.contacts) {
      insertContact.run(
        c.id,
        c.loanId,
        c.occurredAt,
        c.channel,
        c.direction,
        c.party,
        c.who,
        c.summary,
        c.promises,
        c.followUpOn,
        c.createdAt,
      )
    }
    // Settings the file carries are written; any others the database has are left alone.
    for (const [key, value] of Object.entries(file.settings)) {
      writeSetting.run(key, JSON.stringify(value))
    }
  })()
}

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function exchangeHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'data.export' | 'data.importPreview' | 'data.import'> {
  return {
    'data.export': () => exportData(ctx),
    'data.importPreview': ({ file }) => previewImport(ctx, file),
    'data.import': ({ file }) => importData(ctx, file),
  }
}
