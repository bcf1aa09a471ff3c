import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { PRESET_IDS } from '../engine/presets'
import { LENDER_KINDS, loanEventSchema, loanTermsSchema } from '../engine/terms'
import { fenSchema, positiveFenSchema } from '../money'
import { stageSchema } from './ledger-schema'

/** The records the API reads and writes: loans, payments, restructuring events, summaries. */

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain a NUL character')
const id = z.number().int().positive()
const timestamp = z.string()

/** A loan's fields as stored; every one can be changed by loans.update. */
export const loanFieldsSchema = z.object({
  name: text(100).refine((value) => value.length > 0, 'a loan needs a name'),
  lender: text(100),
  lenderKind: z.enum(LENDER_KINDS),
  presetId: z.enum(PRESET_IDS).nullable(),
  terms: loanTermsSchema,
  notes: text(5_000),
})

/** What loans.create takes: the optional fields default to empty. */
export const loanInputSchema = loanFieldsSchema.extend({
  lender: loanFieldsSchema.shape.lender.default(''),
  presetId: loanFieldsSchema.shape.presetId.default(null),
  notes: loanFieldsSchema.shape.notes.default(''),
})
export type LoanInput = z.input<typeof loanInputSchema>

export const loanSchema = loanFieldsSchema.extend({
  id,
  archived: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type Loan = z.infer<typeof loanSchema>

export const PAYMENT_CHANNELS = [
  'app',
  'bank_transfer',
  'card',
  'cash',
  'wechat',
  'alipay',
  'other',
] as const

/** A payment's fields as stored; loans.update-style patches use these without defaults. */
export const paymentFieldsSchema = z.object({
  loanId: id,
  paidOn: civilDateSchema,
  amountFen: positiveFenSchema,
  channel: z.enum(PAYMENT_CHANNELS),
  note: text(1_000),
})

export const paymentInputSchema = paymentFieldsSchema.extend({
  channel: paymentFieldsSchema.shape.channel.default('app'),
  note: paymentFieldsSchema.shape.note.default(''),
})
export type PaymentInput = z.input<typeof paymentInputSchema>

export const paymentRowSchema = paymentFieldsSchema.extend({ id, createdAt: timestamp })
export type PaymentRow = z.infer<typeof paymentRowSchema>

export const loanEventRowSchema = z.object({
  id,
  loanId: id,
  event: loanEventSchema,
  note: z.string(),
  createdAt: timestamp,
})
export type LoanEventRow = z.infer<typeof loanEventRowSchema>

/** A loan with where it stands today, for lists sorted by urgency. */
export const loanSummarySchema = z.object({
  loan: loanSchema,
  status: z.object({
    asOf: civilDateSchema,
    dueNowFen: fenSchema,
    overdueFen: fenSchema,
    payoffFen: fenSchema,
    daysOverdue: z.number().int().nonnegative(),
    stage: stageSchema,
    dailyAccrualFen: fenSchema,
    penaltyToDateFen: fenSchema,
    nextDue: z.object({ dueOn: civilDateSchema, amountFen: fenSchema }).nullable(),
    closed: z.union([z.literal(false), z.literal('repaid'), z.literal('forgiven')]),
  }),
})
export type LoanSummary = z.infer<typeof loanSummarySchema>

export const overviewSchema = z.object({
  asOf: civilDateSchema,
  loanCount: z.number().int().nonnegative(),
  overdueLoanCount: z.number().int().nonnegative(),
  /** What clearing every open loan would cost today. */
  totalOwedFen: fenSchema,
  overdueFen: fenSchema,
  /** Penalty, compound interest and fees charged so far, across loans. */
  penaltyToDateFen: fenSchema,
  dailyAccrualFen: fenSchema,
})
export type Overview = z.infer<typeof overviewSchema>
