import { z } from 'zod'
import { MAX_AMOUNT_FEN, yuanToFen } from '@shared/money'

export interface BudgetFormValues {
  budgetYuan: string
}

/** Yuan text → whole fen, or the i18n key (under planner.errors) of what is wrong with it. */
export function parseBudget(text: string): { fen: number } | { error: string } {
  if (text.trim() === '') return { error: 'required' }
  try {
    const fen = yuanToFen(text)
    if (fen <= 0) return { error: 'positive' }
    if (fen > MAX_AMOUNT_FEN) return { error: 'tooBig' }
    return { fen }
  } catch {
    return { error: 'yuan' }
  }
}

/** The budget form: yuan typed, whole fen out. */
export const budgetFormSchema = z
  .custom<BudgetFormValues>()
  .transform((values, ctx): { monthlyBudgetFen: number } => {
    const budget = parseBudget(values.budgetYuan)
    if ('error' in budget) {
      ctx.addIssue({ code: 'custom', path: ['budgetYuan'], message: budget.error })
      return z.NEVER
    }
    return { monthlyBudgetFen: budget.fen }
  })
