import type { Handlers } from '@shared/api/contract'
import type { PlanInput, PlanResult } from '@shared/api/planner-schema'
import { comparePlans, planAllOrders, type PlannerLoan } from '@shared/engine/planner'
import type { ServiceContext } from './context'
import { cachedLedger, loadHistory } from './loan-data'

/**
 * The payoff planner over every open loan: not archived, disbursed by `asOf` and with something
 * still to pay on it. The rules are the engine's (src/shared/engine/planner.ts).
 */
export async function planPayoff(ctx: ServiceContext, input: PlanInput): Promise<PlanResult> {
  const day = input.asOf ?? ctx.clock.today()
  const rows = await ctx.db
    .selectFrom('loans')
    .select('id')
    .where('archived', '=', 0)
    .orderBy('id')
    .execute()
  const names = new Map<number, string>()
  const loans: PlannerLoan[] = []
  for (const { id } of rows) {
    const history = await loadHistory(ctx.db, id)
    if (history.loan.terms.disbursedOn > day) continue
    const ledger = cachedLedger(ctx, history, day)
    if (ledger.closed !== false || ledger.payoffFen === 0) continue
    names.set(id, history.loan.name)
    loans.push({
      id,
      terms: history.loan.terms,
      events: history.events,
      payments: history.payments,
    })
  }
  const plans = planAllOrders(loans, day, input.monthlyBudgetFen, input.customOrder)
  return {
    asOf: day,
    monthlyBudgetFen: input.monthlyBudgetFen,
    plans: plans.map((plan) => ({
      order: plan.order,
      loans: plan.loans.map((loan) => ({ ...loan, name: names.get(loan.id) ?? '' })),
      clears: plan.clears,
      clearedOn: plan.clearedOn,
      totalPaidFen: plan.totalPaidFen,
    })),
    comparison: comparePlans(plans),
  }
}

export function plannerHandlers(ctx: ServiceContext): Pick<Handlers, 'portfolio.plan'> {
  return { 'portfolio.plan': (input) => planPayoff(ctx, input) }
}
