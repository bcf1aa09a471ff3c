import { z } from 'zod'
import { civilDateSchema, toDayNumber } from '../dates'
import {
  decimalAtMost,
  decimalStringSchema,
  nonNegativeFenSchema,
  positiveFenSchema,
} from '../money'

/**
 * A loan's terms: everything the engine needs to compute what is owed on any date. Every
 * field has a zod schema; presets (presets.ts) fill them with sourced defaults that the user
 * can change. Rates are fractions written as decimal strings: "0.0005" is 0.05 % a day.
 */

/** Who lent the money: decides which rules and caps apply. */
export const LENDER_KINDS = [
  'webank',
  'credit_card',
  'bank',
  'consumer_finance',
  'private',
  'other',
] as const
export type LenderKind = (typeof LENDER_KINDS)[number]

export const COMPONENTS = ['fee', 'penalty', 'compound', 'interest', 'principal'] as const
/** fee = 违约金/滞纳金, penalty = 罚息, compound = 复利, interest = 利息, principal = 本金. */
export type Component = (typeof COMPONENTS)[number]

/** Rates beyond these bounds are not loans people hold (5 % a day, 2,000 % a year). */
export const rateSchema = z
  .object({ value: decimalStringSchema, per: z.enum(['day', 'year']) })
  .refine(
    (rate) => decimalAtMost(rate.per === 'day' ? '0.05' : '20').safeParse(rate.value).success,
    {
      message: 'is beyond any real rate (at most 5 % a day or 2,000 % a year)',
      path: ['value'],
    },
  )
export type Rate = z.infer<typeof rateSchema>

export const REPAYMENT_METHODS = [
  'equal_installment', // 等额本息
  'equal_principal', // 等额本金
  'interest_first', // 先息后本
  'bullet', // 到期还本付息
] as const
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number]

export const scheduledInstallmentSchema = z.object({
  dueOn: civilDateSchema,
  principalFen: nonNegativeFenSchema,
  interestFen: nonNegativeFenSchema,
})
export type ScheduledInstallmentInput = z.infer<typeof scheduledInstallmentSchema>

export const scheduleSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.enum(REPAYMENT_METHODS),
    periods: z.number().int().min(1).max(600),
    periodUnit: z.enum(['month', 'day']),
    periodLength: z.number().int().min(1).max(366),
    /** When the first installment falls due; one period after disbursement if absent. */
    firstDueOn: civilDateSchema.optional(),
  }),
  z.object({
    /** The installments exactly as the lender's app shows them. */
    method: z.literal('custom'),
    installments: z.array(scheduledInstallmentSchema).min(1).max(600),
  }),
])
export type Schedule = z.infer<typeof scheduleSchema>

export const penaltySchema = z.object({
  rate: z.discriminatedUnion('mode', [
    /** penalty rate = contract rate × multiplier (1.5 = "+50 %"). */
    z.object({ mode: z.literal('multiplier'), multiplier: decimalAtMost('10') }),
    z.object({ mode: z.literal('absolute'), rate: rateSchema }),
  ]),
  /** What the penalty rate applies to: overdue principal, or overdue principal and interest. */
  basis: z.enum(['overdue_principal', 'overdue_principal_and_interest']),
  /**
   * Whether overdue principal keeps earning contract interest besides the penalty (WeBank:
   * interest 1× + penalty 0.5× = 1.5× in all), or the penalty replaces it (banks: 1.5×).
   */
  contractInterestContinues: z.boolean(),
})
export type PenaltyTerms = z.infer<typeof penaltySchema>

export const compoundingSchema = z.object({
  /** 复利: interest on overdue (due and unpaid) scheduled interest. */
  enabled: z.boolean(),
  rate: z.enum(['penalty', 'contract']),
})

export const lateFeeSchema = z.object({
  kind: z.enum(['none', 'fixed', 'percent_of_overdue', 'percent_of_unpaid_minimum']),
  fixedFen: nonNegativeFenSchema,
  percent: decimalAtMost('1'),
  /** Charged once per overdue installment, or again each further period it stays unpaid. */
  frequency: z.enum(['once', 'each_period']),
  minFen: nonNegativeFenSchema,
  /** Largest single charge; null for no cap. */
  maxFen: nonNegativeFenSchema.nullable(),
})
export type LateFeeTerms = z.infer<typeof lateFeeSchema>

export const allocationSchema = z.object({
  /** The order components of an installment are paid in; default fee → penalty → compound → interest → principal. */
  order: z
    .array(z.enum(COMPONENTS))
    .length(COMPONENTS.length)
    .refine((order) => new Set(order).size === COMPONENTS.length, 'must list each component once'),
  /** Oldest installment in full first, or each component across all installments first. */
  scope: z.enum(['installment_first', 'component_first']),
})
export type AllocationTerms = z.infer<typeof allocationSchema>

export const creditCardSchema = z.object({
  /** The statement that carries the balance; it falls due `dueDaysAfterStatement` later. */
  statementOn: civilDateSchema,
  dueDaysAfterStatement: z.number().int().min(1).max(60),
  /** Minimum payment = this share of the principal balance + all interest and fees billed. */
  minimumPercent: decimalAtMost('1'),
  minimumFloorFen: nonNegativeFenSchema,
  /** 全额计息 (interest on the whole statement balance) or 剩余计息 (only the unpaid part). */
  interestOn: z.enum(['full_balance', 'unpaid_part']),
})
export type CreditCardTerms = z.infer<typeof creditCardSchema>

export const rateChangeSchema = z.object({ from: civilDateSchema, value: decimalAtMost('20') })

export const loanTermsSchema = z
  .object({
    kind: z.enum(['installment', 'credit_card']),
    principalFen: positiveFenSchema,
    /** Disbursement date; for a card, the posting date of the spending on the statement. */
    disbursedOn: civilDateSchema,
    rate: rateSchema,
    /** Day count for annual rates: a day's interest is rate / 365 or rate / 360. */
    dayCount: z.enum(['ACT/365', 'ACT/360']),
    /** Contract rate changes (same unit as `rate`) from a date on. */
    rateChanges: z.array(rateChangeSchema),
    schedule: scheduleSchema,
    /** Days after a due date in which paying counts as on time (no penalty, no fee, no report). */
    graceDays: z.number().int().min(0).max(30),
    penalty: penaltySchema,
    compounding: compoundingSchema,
    lateFee: lateFeeSchema,
    allocation: allocationSchema,
    card: creditCardSchema.nullable(),
  })
  .superRefine((terms, ctx) => {
    if (terms.kind === 'credit_card' && terms.card === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['card'],
        message: 'a credit card needs its statement terms',
      })
    }
    if (terms.kind === 'credit_card' && terms.rate.per !== 'day') {
      ctx.addIssue({
        code: 'custom',
        path: ['rate', 'per'],
        message: 'card interest is a daily rate',
      })
    }
    const start = toDayNumber(terms.disbursedOn)
    terms.rateChanges.forEach((change, index) => {
      const previous = terms.rateChanges[index - 1]
      if (toDayNumber(change.from) <= start || (previous && change.from <= previous.from)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rateChanges', index, 'from'],
          message: 'rate changes must come after disbursement, in date order',
        })
      }
    })
    if (terms.schedule.method === 'custom') {
      const installments = terms.schedule.installments
      const principal = installments.reduce((sum, item) => sum + item.principalFen, 0)
      if (principal !== terms.principalFen) {
        ctx.addIssue({
          code: 'custom',
          path: ['schedule', 'installments'],
          message: `the installments' principal adds up to ${principal} fen, not the loan's ${terms.principalFen}`,
        })
      }
      installments.forEach((item, index) => {
        const previous = installments[index - 1]
        if (toDayNumber(item.dueOn) <= start || (previous && item.dueOn <= previous.dueOn)) {
          ctx.addIssue({
            code: 'custom',
            path: ['schedule', 'installments', index, 'dueOn'],
            message: 'due dates must come after disbursement, in date order',
          })
        }
      })
    } else if (
      terms.schedule.firstDueOn !== undefined &&
      terms.schedule.firstDueOn <= terms.disbursedOn
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', 'firstDueOn'],
        message: 'the first due date must come after disbursement',
      })
    }
    if (terms.card !== null && terms.card.statementOn < terms.disbursedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['card', 'statementOn'],
        message: 'the statement comes on or after the posting date',
      })
    }
  })
export type LoanTerms = z.infer<typeof loanTermsSchema>

/** Restructuring agreed with the lender; from its date on, the ledger follows the new terms. */
export const loanEventSchema = z.discriminatedUnion('type', [
  z.object({
    /** A new installment plan for everything outstanding (协商分期); the rest is waived. */
    type: z.literal('agreed_plan'),
    on: civilDateSchema,
    installments: z.array(scheduledInstallmentSchema).min(1).max(600),
  }),
  z.object({
    /** 展期: installments not yet due move later by this many months. */
    type: z.literal('deferral'),
    on: civilDateSchema,
    months: z.number().int().min(1).max(120),
  }),
  z.object({
    /** The lender waives what has been charged of these components; optionally stops further charges (停息). */
    type: z.literal('waiver'),
    on: civilDateSchema,
    components: z.array(z.enum(['fee', 'penalty', 'compound', 'interest'])).min(1),
    stopFurtherCharges: z.boolean(),
  }),
  z.object({
    /** A settlement discount: once this much has been paid from `on`, the rest is forgiven. */
    type: z.literal('settlement'),
    on: civilDateSchema,
    amountFen: positiveFenSchema,
  }),
])
export type LoanEvent = z.infer<typeof loanEventSchema>

export const paymentSchema = z.object({
  id: z.number().int().optional(),
  paidOn: civilDateSchema,
  amountFen: positiveFenSchema,
})
export type Payment = z.infer<typeof paymentSchema>
