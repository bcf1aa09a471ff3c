import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { PLAN_ORDERS } from '../engine/planner'
import { positiveFenSchema } from '../money'

/**
 * `portfolio.plan`: one monthly budget over every open loan, under each order the payoff
 * planner knows (src/shared/engine/planner.ts; docs/engine-rules.md, "Payoff planner").
 */

export const planOrderSchema = z.enum(PLAN_ORDERS)

export const planInputSchema = z
  .object({
    monthlyBudgetFen: positiveFenSchema,
    /** The user's order (loan ids, first served first); the custom plan is made only when given. */
    customOrder: z.array(z.number().int().positive()).max(200).optional(),
    asOf: civilDateSchema.optional(),
  })
  .strict()

const plannedPaymentSchema = z.object({
  paidOn: civilDateSchema,
  amountFen: z.number().int().positive(),
})

export const loanPlanSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** When the plan clears it; null if not within 600 months. */
  clearedOn: civilDateSchema.nullable(),
  totalPaidFen: z.number().int().nonnegative(),
  payments: z.array(plannedPaymentSchema),
})

export const portfolioPlanSchema = z.object({
  order: planOrderSchema,
  /** The loans in the order's sequence: the first is served first. */
  loans: z.array(loanPlanSchema),
  clears: z.boolean(),
  clearedOn: civilDateSchema.nullable(),
  totalPaidFen: z.number().int().nonnegative(),
})

export const planResultSchema = z.object({
  asOf: civilDateSchema,
  monthlyBudgetFen: z.number().int().positive(),
  /** overdue_first, avalanche, snowball, then custom when a custom order was given. */
  plans: z.array(portfolioPlanSchema),
  comparison: z.object({
    best: planOrderSchema.nullable(),
    bestOrders: z.array(planOrderSchema),
    worst: planOrderSchema.nullable(),
    savingFen: z.number().int().nonnegative(),
  }),
})

export type PlanInput = z.infer<typeof planInputSchema>
export type PlanResult = z.infer<typeof planResultSchema>
export type PlanOrderName = z.infer<typeof planOrderSchema>
