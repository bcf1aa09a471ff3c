import type { Kysely, Selectable, Transaction } from 'kysely'
import { ApiError } from '@shared/api/errors'
import type { Loan, LoanEventRow, PaymentRow } from '@shared/api/records'
import { loanSchema } from '@shared/api/records'
import { computeLedger } from '@shared/engine/ledger'
import type { Ledger } from '@shared/engine/ledger-types'
import { loanEventSchema, type LoanEvent, type Payment } from '@shared/engine/terms'
import type { Database, LoanEventsTable, LoansTable, PaymentsTable } from '../db/schema'
import type { ServiceContext } from './context'

/**
 * Reading a loan and what the engine needs about it, shared by the loan, payment, event and
 * portfolio services. Rows become API records here and nowhere else.
 */

type Db = Kysely<Database> | Transaction<Database>

export function loanFromRow(row: Selectable<LoansTable>): Loan {
  const parsed = loanSchema.safeParse({
    id: row.id,
    name: row.name,
    lender: row.lender,
    lenderKind: row.lender_kind,
    presetId: row.preset_id,
    terms: JSON.parse(row.terms_json) as unknown,
    notes: row.notes,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  })
  if (!parsed.success) {
    throw new ApiError(
      'database_unusable',
      `Loan ${row.id} is stored in a form this version cannot read`,
    )
  }
  return parsed.data
}

export function paymentFromRow(row: Selectable<PaymentsTable>): PaymentRow {
  return {
    id: row.id,
    loanId: row.loan_id,
    paidOn: row.paid_on,
    amountFen: row.amount_fen,
    channel: row.channel as PaymentRow['channel'],
    note: row.note,
    createdAt: row.created_at,
  }
}

export function eventFromRow(row: Selectable<LoanEventsTable>): LoanEventRow {
  return {
    id: row.id,
    loanId: row.loan_id,
    event: loanEventSchema.parse(JSON.parse(row.event_json)),
    note: row.note,
    createdAt: row.created_at,
  }
}

export async function getLoan(db: Db, id: number, field = 'id'): Promise<Loan> {
  const row = await db.selectFrom('loans').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new ApiError('not_found', `There is no loan ${id}`, field)
  return loanFromRow(row)
}

export interface LoanHistory {
  loan: Loan
  events: LoanEvent[]
  payments: Payment[]
}

/** The engine's inputs for one loan: events by date, payments by date then entry order. */
export async function loadHistory(db: Db, loanId: number, field = 'id'): Promise<LoanHistory> {
  const loan = await getLoan(db, loanId, field)
  const [eventRows, paymentRows] = await Promise.all([
    db
      .selectFrom('loan_events')
      .selectAll()
      .where('loan_id', '=', loanId)
      .orderBy('occurs_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('payments')
      .select(['id', 'paid_on', 'amount_fen'])
      .where('loan_id', '=', loanId)
      .orderBy('paid_on')
      .orderBy('id')
      .execute(),
  ])
  return {
    loan,
    events: eventRows.map((row) => eventFromRow(row).event),
    payments: paymentRows.map((row) => ({
      id: row.id,
      paidOn: row.paid_on,
      amountFen: row.amount_fen,
    })),
  }
}

export function ledgerKey(asOf: string, timeline = false): string {
  return `${asOf}:${timeline}`
}

/** The ledger of a loan, from the cache while the loan has not changed. */
export function cachedLedger(
  ctx: ServiceContext,
  history: LoanHistory,
  asOf: string,
  timeline = false,
): Ledger {
  return ctx.ledgers.get(history.loan.id, ledgerKey(asOf, timeline), () =>
    computeLedger(history.loan.terms, history.events, history.payments, asOf, { timeline }),
  )
}

/**
 * Inside a write's transaction: the engine must still be able to compute the loan after the
 * change (a payment before disbursement, a plan installment due before its plan… are refused).
 * Throwing rolls the transaction back, so the database is unchanged.
 */
export async function assertComputable(
  trx: Transaction<Database>,
  loanId: number,
  field: string,
  asOf: string,
): Promise<void> {
  const history = await loadHistory(trx, loanId)
  const lastDate = [
    ...history.payments.map((p) => p.paidOn),
    ...history.events.map((e) => e.on),
    asOf,
  ]
    .sort()
    .at(-1)!
  try {
    computeLedger(history.loan.terms, history.events, history.payments, lastDate)
  } catch (error) {
    if (error instanceof RangeError)
      throw new ApiError('invalid_input', `${field}: ${error.message}`, field)
    throw error
  }
}
