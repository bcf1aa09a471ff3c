import { z } from 'zod'
import { parsePositiveYuan } from '../../app/amount'

export interface BudgetFormValues {
  budgetYuan: string
}

/** The budget form: yuan typed, whole fen out. */
export const budgetFormSchema = z
  .custom<BudgetFormValues>()
  .transform((values, ctx): { monthlyBudgetFen: number } => {
    const budget = parsePositiveYuan(values.budgetYuan)
    if ('error' in budget) {
      ctx.addIssue({ code: 'custom', path: ['budgetYuan'], message: budget.error })
      return z.NEVER
    }
    return { monthlyBudgetFen: budget.fen }
  })
