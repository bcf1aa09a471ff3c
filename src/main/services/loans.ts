import type { Handlers, ParsedInput } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { Loan, LoanSummary } from '@shared/api/records'
import type { Ledger } from '@shared/engine/ledger-types'
import { costOfWaiting, planForMonthlyBudget } from '@shared/engine/projection'
import { sumAmounts } from '@shared/engine/ledger-types'
import { definedOnly, nowStamp, type ServiceContext } from './context'
import {
  assertComputable,
  cachedLedger,
  getLoan,
  ledgerKey,
  loadHistory,
  loanFromRow,
} from './loan-data'

/** A loan's fields as loans.create has parsed them (defaults filled in). */
type LoanFields = ParsedInput<'loans.create'>

function loanColumns(input: LoanFields) {
  return {
    name: input.name,
    lender: input.lender,
    lender_kind: input.lenderKind,
    preset_id: input.presetId,
    principal_fen: input.terms.principalFen,
    disbursed_on: input.terms.disbursedOn,
    terms_json: JSON.stringify(input.terms),
    notes: input.notes,
  }
}

export async function createLoan(ctx: ServiceContext, input: LoanFields): Promise<Loan> {
  const stamp = nowStamp()
  const row = await ctx.db
    .insertInto('loans')
    .values({ ...loanColumns(input), created_at: stamp, updated_at: stamp })
    .returningAll()
    .executeTakeFirstOrThrow()
  return loanFromRow(row)
}

export async function updateLoan(
  ctx: ServiceContext,
  input: ParsedInput<'loans.update'>,
): Promise<Loan> {
  const { id, ...patch } = input
  const loan = await ctx.db.transaction().execute(async (trx) => {
    const current = await getLoan(trx, id)
    const next = { ...current, ...definedOnly(patch) }
    await trx
      .updateTable('loans')
      .set({ ...loanColumns(next), updated_at: nowStamp() })
      .where('id', '=', id)
      .execute()
    // New terms must still fit the loan's payments and events (e.g. a later disbursement date).
    await assertComputable(trx, id, 'terms', ctx.clock.today())
    return getLoan(trx, id)
  })
  ctx.ledgers.invalidate(id)
  return loan
}

export async function archiveLoan(
  ctx: ServiceContext,
  id: number,
  archived: boolean,
): Promise<Loan> {
  const loan = await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, id)
    await trx
      .updateTable('loans')
      .set({ archived: archived ? 1 : 0, updated_at: nowStamp() })
      .where('id', '=', id)
      .execute()
    return getLoan(trx, id)
  })
  return loan
}

export async function deleteLoan(ctx: ServiceContext, id: number): Promise<{ deleted: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, id)
    // Payments, events, checklist and contacts go with it (ON DELETE CASCADE).
    await trx.deleteFrom('loans').where('id', '=', id).execute()
  })
  ctx.ledgers.invalidate(id)
  return { deleted: true }
}

/** Where a loan stands on `asOf`, in the few figures lists and the dashboard show. */
export function summarize(loan: Loan, ledger: Ledger): LoanSummary {
  const next = ledger.installments.find(
    (line) => line.status === 'upcoming' || line.status === 'due_today',
  )
  const charged = ledger.totals.charged
  return {
    loan,
    status: {
      asOf: ledger.asOf,
      dueNowFen: ledger.dueNowFen,
      overdueFen: ledger.overdueFen,
      payoffFen: ledger.payoffFen,
      daysOverdue: ledger.daysOverdue,
      stage: ledger.stage,
      dailyAccrualFen: ledger.dailyAccrual.fen,
      penaltyToDateFen: charged.penalty + charged.compound + charged.fee,
      nextDue:
        next === undefined ? null : { dueOn: next.dueOn, amountFen: sumAmounts(next.outstanding) },
      closed: ledger.closed,
    },
  }
}

/** Most urgent first: open before closed, then the longest overdue, the costliest each day, the soonest due. */
export function byUrgency(a: LoanSummary, b: LoanSummary): number {
  const closed = Number(a.status.closed !== false) - Number(b.status.closed !== false)
  if (closed !== 0) return closed
  return (
    b.status.daysOverdue - a.status.daysOverdue ||
    b.status.dailyAccrualFen - a.status.dailyAccrualFen ||
    (a.status.nextDue?.dueOn ?? '9999').localeCompare(b.status.nextDue?.dueOn ?? '9999') ||
    a.loan.name.localeCompare(b.loan.name)
  )
}

export async function listLoans(
  ctx: ServiceContext,
  input: ParsedInput<'loans.list'>,
): Promise<LoanSummary[]> {
  const asOf = input.asOf ?? ctx.clock.today()
  let query = ctx.db.selectFrom('loans').selectAll()
  if (!input.includeArchived) query = query.where('archived', '=', 0)
  const rows = await query.orderBy('id').execute()
  const summaries: LoanSummary[] = []
  for (const row of rows) {
    const loan = loanFromRow(row)
    const ledger =
      ctx.ledgers.peek(loan.id, ledgerKey(asOf)) ??
      cachedLedger(ctx, await loadHistory(ctx.db, loan.id), asOf)
    summaries.push(summarize(loan, ledger))
  }
  return summaries.sort(byUrgency)
}

export function loanHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'loans.list'
  | 'loans.get'
  | 'loans.create'
  | 'loans.update'
  | 'loans.archive'
  | 'loans.delete'
  | 'loans.ledger'
  | 'loans.projection'
> {
  return {
    'loans.list': (input) => listLoans(ctx, input),
    'loans.get': ({ id }) => getLoan(ctx.db, id),
    'loans.create': (input) => createLoan(ctx, input),
    'loans.update': (input) => updateLoan(ctx, input),
    'loans.archive': ({ id, archived }) => archiveLoan(ctx, id, archived),
    'loans.delete': ({ id }) => deleteLoan(ctx, id),
    'loans.ledger': async ({ id, asOf, timeline }) =>
      cachedLedger(ctx, await loadHistory(ctx.db, id), asOf ?? ctx.clock.today(), timeline),
    'loans.projection': async ({ id, asOf, waits, monthlyBudgetFen }) => {
      const { loan, events, payments } = await loadHistory(ctx.db, id)
      const day = asOf ?? ctx.clock.today()
      if (day < loan.terms.disbursedOn) {
        throw new ApiError(
          'invalid_input',
          'asOf: a projection starts on or after the disbursement',
          'asOf',
        )
      }
      return {
        asOf: day,
        costOfWaiting: costOfWaiting(loan.terms, events, payments, day, waits),
        budgetPlan:
          monthlyBudgetFen === undefined
            ? null
            : planForMonthlyBudget(loan.terms, events, payments, day, monthlyBudgetFen),
      }
    },
  }
}
