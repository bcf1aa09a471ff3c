import type { Handlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import { loanSeries } from '@shared/charts/loan-series'
import { loanMonths, portfolioMonths } from '@shared/charts/portfolio-series'
import type { ServiceContext } from './context'
import { loadHistory } from './loan-data'

/** Chart data: a loan's owed amounts over time, and the open loans' months added up. */
export function chartHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'loans.series' | 'portfolio.series'> {
  return {
    'loans.series': async ({ id, asOf, horizonDays }) => {
      const { loan, events, payments } = await loadHistory(ctx.db, id)
      const today = asOf ?? ctx.clock.today()
      if (today < loan.terms.disbursedOn) {
        throw new ApiError('invalid_input', 'asOf: a chart starts at the disbursement', 'asOf')
      }
      return loanSeries(loan.terms, events, payments, today, horizonDays)
    },
    'portfolio.series': async ({ asOf }) => {
      const today = asOf ?? ctx.clock.today()
      const rows = await ctx.db
        .selectFrom('loans')
        .select(['id', 'disbursed_on'])
        .where('archived', '=', 0)
        .orderBy('id')
        .execute()
      const perLoan = []
      for (const row of rows) {
        if (row.disbursed_on > today) continue
        const cached = ctx.ledgers.peekLoanMonths(row.id, today)
        if (cached !== undefined) {
          perLoan.push(cached)
          continue
        }
        const { loan, events, payments } = await loadHistory(ctx.db, row.id)
        perLoan.push(
          ctx.ledgers.loanMonths(row.id, today, () =>
            loanMonths(loan.terms, events, payments, today),
          ),
        )
      }
      return { today, months: portfolioMonths(perLoan) }
    },
  }
}
