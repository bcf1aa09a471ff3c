import type { Handlers, ParsedInput } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { LoanEventRow } from '@shared/api/records'
import { nowStamp, type ServiceContext } from './context'
import { assertComputable, eventFromRow, getLoan } from './loan-data'

export async function addEvent(
  ctx: ServiceContext,
  input: ParsedInput<'events.add'>,
): Promise<LoanEventRow> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, input.loanId, 'loanId')
    const inserted = await trx
      .insertInto('loan_events')
      .values({
        loan_id: input.loanId,
        type: input.event.type,
        occurs_on: input.event.on,
        event_json: JSON.stringify(input.event),
        note: input.note,
        created_at: nowStamp(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await assertComputable(trx, input.loanId, 'event', ctx.clock.today())
    return inserted
  })
  ctx.ledgers.invalidate(input.loanId)
  return eventFromRow(row)
}

export async function deleteEvent(ctx: ServiceContext, id: number): Promise<{ deleted: true }> {
  const loanId = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('loan_events')
      .select('loan_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (row === undefined) throw new ApiError('not_found', `There is no event ${id}`, 'id')
    await trx.deleteFrom('loan_events').where('id', '=', id).execute()
    await assertComputable(trx, row.loan_id, 'id', ctx.clock.today())
    return row.loan_id
  })
  ctx.ledgers.invalidate(loanId)
  return { deleted: true }
}

export function eventHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'events.list' | 'events.add' | 'events.delete'> {
  return {
    'events.list': async ({ loanId }) => {
      await getLoan(ctx.db, loanId, 'loanId')
      const rows = await ctx.db
        .selectFrom('loan_events')
        .selectAll()
        .where('loan_id', '=', loanId)
        .orderBy('occurs_on')
        .orderBy('id')
        .execute()
      return rows.map(eventFromRow)
    },
    'events.add': (input) => addEvent(ctx, input),
    'events.delete': ({ id }) => deleteEvent(ctx, id),
  }
}
