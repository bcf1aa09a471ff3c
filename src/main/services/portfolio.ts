import type { Handlers } from '@shared/api/contract'
import type { Overview } from '@shared/api/records'
import type { ServiceContext } from './context'
import { listLoans } from './loans'

/** Totals across every open (not archived) loan, today or on `asOf`. */
export async function overview(ctx: ServiceContext, asOf?: string): Promise<Overview> {
  const day = asOf ?? ctx.clock.today()
  const summaries = await listLoans(ctx, { includeArchived: false, asOf: day })
  const totals: Overview = {
    asOf: day,
    loanCount: summaries.length,
    overdueLoanCount: 0,
    totalOwedFen: 0,
    overdueFen: 0,
    penaltyToDateFen: 0,
    dailyAccrualFen: 0,
  }
  for (const { status } of summaries) {
    if (status.daysOverdue > 0) totals.overdueLoanCount += 1
    totals.totalOwedFen += status.payoffFen
    totals.overdueFen += status.overdueFen
    totals.penaltyToDateFen += status.penaltyToDateFen
    totals.dailyAccrualFen += status.dailyAccrualFen
  }
  return totals
}

export function portfolioHandlers(ctx: ServiceContext): Pick<Handlers, 'portfolio.overview'> {
  return { 'portfolio.overview': ({ asOf }) => overview(ctx, asOf) }
}
