import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { fenSchema } from '../money'
import { stageSchema } from './ledger-schema'

/** What the charts read: a loan's owed amounts over time, and the portfolio's months. */

export const HORIZONS = [30, 90, 365] as const

export const owedPointSchema = z.object({
  on: civilDateSchema,
  projected: z.boolean(),
  principal: fenSchema,
  interest: fenSchema,
  penalty: fenSchema,
  compound: fenSchema,
  fee: fenSchema,
  totalFen: fenSchema,
  overdueFen: fenSchema,
  lateChargesFen: fenSchema,
  stage: stageSchema.shape.code,
})

export const loanSeriesSchema = z.object({
  today: civilDateSchema,
  points: z.array(owedPointSchema),
  payments: z.array(z.object({ on: civilDateSchema, amountFen: fenSchema })),
  stageBands: z.array(
    z.object({
      from: civilDateSchema,
      to: civilDateSchema,
      code: z.union([
        z.literal('grace'),
        z.literal(1),
        z.literal(2),
        z.literal(3),
        z.literal(4),
        z.literal(5),
        z.literal(6),
        z.literal(7),
      ]),
    }),
  ),
})

export const portfolioSeriesSchema = z.object({
  today: civilDateSchema,
  months: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      on: civilDateSchema,
      totalOwedFen: fenSchema,
      overdueFen: fenSchema,
      lateChargedInMonthFen: fenSchema,
    }),
  ),
})
