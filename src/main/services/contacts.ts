import type { Kysely, Selectable, Transaction } from 'kysely'
import {
  FOLLOW_UP_DAYS_AHEAD,
  type ContactRow,
  type ContactViolation,
  type FollowUp,
} from '@shared/api/contact-schema'
import type { Handlers, MethodOutput, ParsedInput } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { LoanEventRow } from '@shared/api/records'
import { addDays, daysBetween } from '@shared/dates'
import type { LoanEvent } from '@shared/engine/terms'
import { contactViolations, type ContactFacts } from '@shared/playbook/contact-rules'
import type { ContactsTable, Database } from '../db/schema'
import { definedOnly, nowStamp, type ServiceContext } from './context'
import { assertComputable, eventFromRow, getLoan } from './loan-data'

/**
 * The contact log: who called or wrote, when, how, what was said and promised, and when to follow
 * it up. Each row comes with the collection rules it broke, judged against the loan's whole log
 * (the rules count a day's calls); nothing about them is stored. Every write drops the loan's
 * cached results: the action plan reads the contacts, and an agreed plan changes the ledger.
 */

type Db = Kysely<Database> | Transaction<Database>
type Row = Selectable<ContactsTable>

const EVENT_NOTE_MAX = 1_000

function factsOf(row: Row): ContactFacts {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    channel: row.channel,
    direction: row.direction,
    party: row.party,
  }
}

/** The loan's contacts, newest first, each with the rules it broke. */
function withViolations(rows: readonly Row[]): ContactRow[] {
  const byContact = new Map<number, ContactViolation[]>()
  for (const violation of contactViolations(rows.map(factsOf))) {
    const list = byContact.get(violation.contactId) ?? []
    list.push({ kind: violation.kind, sources: violation.sources })
    byContact.set(violation.contactId, list)
  }
  return rows
    .map((row) => ({
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
      violations: byContact.get(row.id) ?? [],
    }))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id)
}

async function loanContacts(db: Db, loanId: number): Promise<ContactRow[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('loan_id', '=', loanId).execute()
  return withViolations(rows)
}

/** One contact as listed (its violations judged with the rest of its loan's log). */
async function contactRow(db: Db, loanId: number, id: number): Promise<ContactRow> {
  const row = (await loanContacts(db, loanId)).find((contact) => contact.id === id)
  if (row === undefined) throw new ApiError('not_found', `There is no contact ${id}`, 'id')
  return row
}

function refuseFuture(ctx: ServiceContext, occurredAt: string): void {
  if (occurredAt.slice(0, 10) > ctx.clock.today()) {
    throw new ApiError(
      'invalid_input',
      'occurredAt: a contact is logged once it has happened; put what is planned in followUpOn',
      'occurredAt',
    )
  }
}

/** The contact's summary as the event's note, cut to what an event note may hold. */
function eventNote(summary: string): string {
  const chars = Array.from(summary)
  return chars.length <= EVENT_NOTE_MAX
    ? summary
    : `${chars.slice(0, EVENT_NOTE_MAX - 1).join('')}…`
}

export async function addContact(
  ctx: ServiceContext,
  input: ParsedInput<'contacts.add'>,
): Promise<MethodOutput<'contacts.add'>> {
  refuseFuture(ctx, input.occurredAt)
  const { contactId, event } = await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, input.loanId, 'loanId')
    const inserted = await trx
      .insertInto('contacts')
      .values({
        loan_id: input.loanId,
        occurred_at: input.occurredAt,
        channel: input.channel,
        direction: input.direction,
        party: input.party,
        who: input.who,
        summary: input.summary,
        promises: input.promises,
        follow_up_on: input.followUpOn,
        created_at: nowStamp(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    let event: LoanEventRow | null = null
    if (input.agreedPlan !== undefined) {
      // Exactly what events.add records, in this transaction: a plan the engine cannot compute
      // rolls the contact back with it.
      const planEvent: LoanEvent = { type: 'agreed_plan', ...input.agreedPlan }
      const row = await trx
        .insertInto('loan_events')
        .values({
          loan_id: input.loanId,
          type: planEvent.type,
          occurs_on: planEvent.on,
          event_json: JSON.stringify(planEvent),
          note: eventNote(input.summary),
          created_at: nowStamp(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await assertComputable(trx, input.loanId, 'agreedPlan', ctx.clock.today())
      event = eventFromRow(row)
    }
    return { contactId: inserted.id, event }
  })
  ctx.ledgers.invalidate(input.loanId)
  return { ...(await contactRow(ctx.db, input.loanId, contactId)), event }
}

export async function updateContact(
  ctx: ServiceContext,
  input: ParsedInput<'contacts.update'>,
): Promise<ContactRow> {
  const { id, ...patch } = input
  if (patch.occurredAt !== undefined) refuseFuture(ctx, patch.occurredAt)
  const loanId = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('contacts')
      .select('loan_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (row === undefined) throw new ApiError('not_found', `There is no contact ${id}`, 'id')
    const values = definedOnly({
      occurred_at: patch.occurredAt,
      channel: patch.channel,
      direction: patch.direction,
      party: patch.party,
      who: patch.who,
      summary: patch.summary,
      promises: patch.promises,
      follow_up_on: patch.followUpOn,
    })
    if (Object.keys(values).length > 0) {
      await trx.updateTable('contacts').set(values).where('id', '=', id).execute()
    }
    return row.loan_id
  })
  ctx.ledgers.invalidate(loanId)
  return contactRow(ctx.db, loanId, id)
}

export async function deleteContact(ctx: ServiceContext, id: number): Promise<{ deleted: true }> {
  const loanId = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('contacts')
      .select('loan_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (row === undefined) throw new ApiError('not_found', `There is no contact ${id}`, 'id')
    await trx.deleteFrom('contacts').where('id', '=', id).execute()
    return row.loan_id
  })
  ctx.ledgers.invalidate(loanId)
  return { deleted: true }
}

/**
 * Follow-ups on open (not archived) loans: for each loan, its latest contact (a later contact
 * supersedes an earlier one's follow-up), when its follow-up date is past or within
 * FOLLOW_UP_DAYS_AHEAD days of `asOf`; soonest first.
 */
export async function followUps(ctx: ServiceContext, asOf: string): Promise<FollowUp[]> {
  const rows = await ctx.db
    .selectFrom('contacts')
    .innerJoin('loans', 'loans.id', 'contacts.loan_id')
    .selectAll('contacts')
    .select('loans.name as loan_name')
    .where('loans.archived', '=', 0)
    .orderBy('contacts.loan_id')
    .orderBy('contacts.occurred_at', 'desc')
    .orderBy('contacts.id', 'desc')
    .execute()
  const latest = new Map<number, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.loan_id)) latest.set(row.loan_id, row)
  const until = addDays(asOf, FOLLOW_UP_DAYS_AHEAD)
  return [...latest.values()]
    .filter(
      (row): row is typeof row & { follow_up_on: string } =>
        row.follow_up_on !== null && row.follow_up_on <= until,
    )
    .map((row) => ({
      contactId: row.id,
      loanId: row.loan_id,
      loanName: row.loan_name,
      followUpOn: row.follow_up_on,
      daysUntil: daysBetween(asOf, row.follow_up_on),
      occurredAt: row.occurred_at,
      channel: row.channel,
      party: row.party,
      who: row.who,
      promises: row.promises,
    }))
    .sort(
      (a, b) =>
        a.followUpOn.localeCompare(b.followUpOn) ||
        a.loanName.localeCompare(b.loanName) ||
        a.contactId - b.contactId,
    )
}

export function contactHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  'contacts.list' | 'contacts.add' | 'contacts.update' | 'contacts.delete' | 'contacts.followUps'
> {
  return {
    'contacts.list': async ({ loanId }) => {
      await getLoan(ctx.db, loanId, 'loanId')
      return loanContacts(ctx.db, loanId)
    },
    'contacts.add': (input) => addContact(ctx, input),
    'contacts.update': (input) => updateContact(ctx, input),
    'contacts.delete': ({ id }) => deleteContact(ctx, id),
    'contacts.followUps': ({ asOf }) => followUps(ctx, asOf ?? ctx.clock.today()),
  }
}
