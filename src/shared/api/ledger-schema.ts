import { z } from 'zod'
import { civilDateSchema } from '../dates'
import type { Ledger } from '../engine/ledger-types'
import { COMPONENTS, loanEventSchema } from '../engine/terms'
import { fenSchema } from '../money'

/** The engine's Ledger as a zod schema, so that it is checked on its way over the API. */

const amountsSchema = z.object({
  fee: fenSchema,
  penalty: fenSchema,
  compound: fenSchema,
  interest: fenSchema,
  principal: fenSchema,
})

export const stageSchema = z.object({
  code: z.union([
    z.literal('current'),
    z.literal('grace'),
    z.literal(1),
    z.literal(2),
    z.literal(3),
    z.literal(4),
    z.literal(5),
    z.literal(6),
    z.literal(7),
  ]),
  label: z.string(),
  daysOverdue: z.number().int().nonnegative(),
})

export const installmentLineSchema = z.object({
  index: z.number().int().nonnegative(),
  origin: z.enum(['contract', 'agreed_plan']),
  dueOn: civilDateSchema,
  status: z.enum([
    'upcoming',
    'due_today',
    'grace',
    'overdue',
    'paid',
    'paid_late',
    'prepaid',
    'restructured',
    'forgiven',
  ]),
  partiallyPaid: z.boolean(),
  daysOverdue: z.number().int().nonnegative(),
  charged: amountsSchema,
  paid: amountsSchema,
  waived: amountsSchema,
  outstanding: amountsSchema,
  movedToPlanFen: fenSchema,
})

export const paymentRecordSchema = z.object({
  id: z.number().int().optional(),
  paidOn: civilDateSchema,
  amountFen: fenSchema,
  allocations: z.array(
    z.object({
      installmentIndex: z.number().int().nonnegative(),
      component: z.enum(COMPONENTS),
      amountFen: fenSchema,
    }),
  ),
  advanceFen: fenSchema,
  fromAdvanceFen: fenSchema,
  overpaidFen: fenSchema,
  repaidEarly: z.boolean(),
})

export const ledgerSchema: z.ZodType<Ledger> = z.object({
  asOf: civilDateSchema,
  installments: z.array(installmentLineSchema),
  totals: z.object({
    charged: amountsSchema,
    paid: amountsSchema,
    waived: amountsSchema,
    outstanding: amountsSchema,
    movedToPlanFen: fenSchema,
  }),
  dueNowFen: fenSchema,
  overdueFen: fenSchema,
  notYetDue: z.object({ principalFen: fenSchema, interestFen: fenSchema }),
  payoffFen: fenSchema,
  daysOverdue: z.number().int().nonnegative(),
  oldestOverdueOn: civilDateSchema.nullable(),
  stage: stageSchema,
  dailyAccrual: z.object({
    fen: fenSchema,
    exactFen: z.string(),
    byComponent: z.object({ interest: fenSchema, penalty: fenSchema, compound: fenSchema }),
  }),
  creditFen: fenSchema,
  overpaidFen: fenSchema,
  closed: z.union([z.literal(false), z.literal('repaid'), z.literal('forgiven')]),
  payments: z.array(paymentRecordSchema),
  events: z.array(
    z.object({
      event: loanEventSchema,
      movedFen: fenSchema,
      waivedFen: fenSchema,
      forgivenFen: fenSchema,
    }),
  ),
  timeline: z.array(
    z.object({ on: civilDateSchema, due: amountsSchema, notYetDuePrincipalFen: fenSchema }),
  ),
})
