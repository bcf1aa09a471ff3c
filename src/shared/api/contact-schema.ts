import { z } from 'zod'
import { civilDateSchema, isCivilDate } from '../dates'
import type { SourceId } from '../engine/sources'
import { scheduledInstallmentSchema } from '../engine/terms'
import { CONTACT_CHANNELS, CONTACT_PARTIES, type ViolationKind } from '../playbook/contact-rules'
import { loanEventRowSchema } from './records'

/**
 * The contact log: calls and messages with the lender or collectors, each checked against the
 * collection rules (playbook/contact-rules.ts). Every constraint here is at least as strict as
 * the `contacts` table's CHECKs, so that the database never refuses what the API accepted.
 */

const id = z.number().int().positive()

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain a NUL character')

/** Local date and time to the minute, `YYYY-MM-DDTHH:mm` (no seconds, no time zone). */
export const localDateTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    'must be a local date and time written YYYY-MM-DDTHH:mm',
  )
  .refine(
    (value) => isCivilDate(value.slice(0, 10)) && value >= '1900-01-01' && value < '2200-01-01',
    'must be a real calendar date between 1900 and 2199',
  )
  .refine(
    (value) => Number(value.slice(11, 13)) <= 23 && Number(value.slice(14, 16)) <= 59,
    'must be a time of day from 00:00 to 23:59',
  )

export const CONTACT_DIRECTIONS = ['incoming', 'outgoing'] as const
export const VIOLATION_KINDS = [
  'night',
  'too_many_calls',
  'third_party',
] as const satisfies readonly ViolationKind[]

/** A contact's fields as stored; contacts.update takes any of them (but the loan). */
export const contactFieldsSchema = z.object({
  loanId: id,
  occurredAt: localDateTimeSchema,
  channel: z.enum(CONTACT_CHANNELS),
  direction: z.enum(CONTACT_DIRECTIONS),
  /** Who was on the other side; `third_party`: the lender's side reached someone else about the debt. */
  party: z.enum(CONTACT_PARTIES),
  /** A name, a number, a department. */
  who: text(100),
  /** What was said. */
  summary: text(5_000),
  /** What either side promised. */
  promises: text(2_000),
  /** When to follow it up (a call back, a promised letter…); null when nothing is due. */
  followUpOn: civilDateSchema.nullable(),
})

/** An installment plan agreed in the contact: recorded as an `agreed_plan` event with it. */
export const agreedPlanSchema = z
  .object({
    on: civilDateSchema,
    installments: z.array(scheduledInstallmentSchema.strict()).min(1).max(600),
  })
  .strict()

/** What contacts.add takes: the optional fields default to empty. */
export const contactInputSchema = contactFieldsSchema.extend({
  direction: contactFieldsSchema.shape.direction.default('incoming'),
  who: contactFieldsSchema.shape.who.default(''),
  summary: contactFieldsSchema.shape.summary.default(''),
  promises: contactFieldsSchema.shape.promises.default(''),
  followUpOn: contactFieldsSchema.shape.followUpOn.default(null),
  agreedPlan: agreedPlanSchema.optional(),
})
export type ContactInput = z.input<typeof contactInputSchema>

export const contactPatchSchema = contactFieldsSchema
  .omit({ loanId: true })
  .partial()
  .extend({ id })
export type ContactPatch = z.input<typeof contactPatchSchema>

/**
 * A source id: only its type is checked here, so that the contract (in the renderer's first
 * chunk) does not carry every source's text; the rules' sources are checked by their tests.
 */
const sourceIdSchema = z.custom<SourceId>((value) => typeof value === 'string' && value !== '')

/** A rule the contact broke, with the sources the rule rests on. */
export const contactViolationSchema = z.object({
  kind: z.enum(VIOLATION_KINDS),
  sources: z.array(sourceIdSchema),
})
export type ContactViolation = z.infer<typeof contactViolationSchema>

export const contactRowSchema = contactFieldsSchema.extend({
  id,
  createdAt: z.string(),
  /** The rules it broke, judged with the loan's other contacts (the day's fourth call…). */
  violations: z.array(contactViolationSchema),
})
export type ContactRow = z.infer<typeof contactRowSchema>

export const contactAddedSchema = contactRowSchema.extend({
  /** The agreed_plan event recorded with it, when the contact agreed a plan. */
  event: loanEventRowSchema.nullable(),
})

export const followUpSchema = z.object({
  contactId: id,
  loanId: id,
  loanName: z.string(),
  followUpOn: civilDateSchema,
  /** Days from `asOf` to the follow-up: negative when it is past. */
  daysUntil: z.number().int(),
  occurredAt: localDateTimeSchema,
  channel: z.enum(CONTACT_CHANNELS),
  party: z.enum(CONTACT_PARTIES),
  who: z.string(),
  promises: z.string(),
})
export type FollowUp = z.infer<typeof followUpSchema>

/** Follow-ups this many days ahead (and any already past) are listed. */
export const FOLLOW_UP_DAYS_AHEAD = 14
