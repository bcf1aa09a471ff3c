import type { Kysely, Transaction } from 'kysely'
import type { Handlers, ParsedInput } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { PaymentRow } from '@shared/api/records'
import { computeLedger } from '@shared/engine/ledger'
import type { Database } from '../db/schema'
import { definedOnly, nowStamp, type ServiceContext } from './context'
import { assertComputable, getLoan, loadHistory, paymentFromRow } from './loan-data'

function refuseFuture(ctx: ServiceContext, paidOn: string): void {
  if (paidOn > ctx.clock.today()) {
    throw new ApiError(
      'invalid_input',
      'paidOn: a payment already made cannot be dated in the future',
      'paidOn',
    )
  }
}

async function getPayment(
  db: Kysely<Database> | Transaction<Database>,
  id: number,
): Promise<PaymentRow> {
  const row = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new ApiError('not_found', `There is no payment ${id}`, 'id')
  return paymentFromRow(row)
}

export async function addPayment(
  ctx: ServiceContext,
  input: ParsedInput<'payments.add'>,
): Promise<PaymentRow> {
  refuseFuture(ctx, input.paidOn)
  const row = await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, input.loanId, 'loanId')
    const inserted = await trx
      .insertInto('payments')
      .values({
        loan_id: input.loanId,
        paid_on: input.paidOn,
        amount_fen: input.amountFen,
        channel: input.channel,
        note: input.note,
        created_at: nowStamp(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await assertComputable(trx, input.loanId, 'paidOn', ctx.clock.today())
    return inserted
  })
  ctx.ledgers.invalidate(input.loanId)
  return paymentFromRow(row)
}

export async function updatePayment(
  ctx: ServiceContext,
  input: ParsedInput<'payments.update'>,
): Promise<PaymentRow> {
  const { id, ...patch } = input
  if (patch.paidOn !== undefined) refuseFuture(ctx, patch.paidOn)
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const current = await getPayment(trx, id)
    const next = { ...current, ...definedOnly(patch) }
    await trx
      .updateTable('payments')
      .set({
        paid_on: next.paidOn,
        amount_fen: next.amountFen,
        channel: next.channel,
        note: next.note,
      })
      .where('id', '=', id)
      .execute()
    await assertComputable(trx, current.loanId, 'paidOn', ctx.clock.today())
    return next
  })
  ctx.ledgers.invalidate(updated.loanId)
  return updated
}

export async function deletePayment(ctx: ServiceContext, id: number): Promise<{ deleted: true }> {
  const payment = await getPayment(ctx.db, id)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('payments').where('id', '=', id).execute()
  })
  ctx.ledgers.invalidate(payment.loanId)
  return { deleted: true }
}

/** How a payment would be allocated, and the loan's stage before and after, without saving it. */
export async function previewPayment(ctx: ServiceContext, input: ParsedInput<'payments.preview'>) {
  refuseFuture(ctx, input.paidOn)
  const { loan, events, payments } = await loadHistory(ctx.db, input.loanId, 'loanId')
  const upTo = payments.filter((payment) => payment.paidOn <= input.paidOn)
  try {
    const before = computeLedger(loan.terms, events, upTo, input.paidOn)
    const after = computeLedger(
      loan.terms,
      events,
      [...upTo, { paidOn: input.paidOn, amountFen: input.amountFen }],
      input.paidOn,
    )
    return {
      allocation: after.payments.at(-1)!,
      stageBefore: before.stage,
      stageAfter: after.stage,
      payoffAfterFen: after.payoffFen,
    }
  } catch (error) {
    if (error instanceof RangeError)
      throw new ApiError('invalid_input', `paidOn: ${error.message}`, 'paidOn')
    throw error
  }
}

export function paymentHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  'payments.list' | 'payments.preview' | 'payments.add' | 'payments.update' | 'payments.delete'
> {
  return {
    'payments.list': async ({ loanId }) => {
      await getLoan(ctx.db, loanId, 'loanId')
      const rows = await ctx.db
        .selectFrom('payments')
        .selectAll()
        .where('loan_id', '=', loanId)
        .orderBy('paid_on')
        .orderBy('id')
        .execute()
      return rows.map(paymentFromRow)
    },
    'payments.preview': (input) => previewPayment(ctx, input),
    'payments.add': (input) => addPayment(ctx, input),
    'payments.update': (input) => updatePayment(ctx, input),
    'payments.delete': ({ id }) => deletePayment(ctx, id),
  }
}
