import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { fenSchema } from '../money'

/**
 * Reminders (shared/reminders/scheduler.ts decides which are due): before a due date, on it,
 * when a loan enters a new overdue stage, and when a follow-up date from the contact log
 * arrives. Each has an id that names what it is about, so that it is delivered once only.
 */

export const REMINDER_KINDS = ['due_soon', 'due', 'stage', 'follow_up'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

const DATE = String.raw`\d{4}-\d{2}-\d{2}`
const ID = String.raw`[1-9]\d{0,15}`

/**
 * `due:<loanId>:<dueOn>:before`, `due:<loanId>:<dueOn>:day`, `stage:<loanId>:<code>:<since>`,
 * `followup:<contactId>:<date>`. The date in it is what pruning the delivered list goes by.
 */
export const REMINDER_ID_PATTERN = new RegExp(
  `^(?:due:${ID}:${DATE}:(?:before|day)|stage:${ID}:(?:grace|[1-7]):${DATE}|followup:${ID}:${DATE})$`,
)

export const reminderIdSchema = z
  .string()
  .regex(REMINDER_ID_PATTERN, 'must be the id of a reminder (as reminders.due gives it)')

const reminderTextSchema = z.object({ title: z.string(), body: z.string() })

export const reminderSchema = z.object({
  id: reminderIdSchema,
  kind: z.enum(REMINDER_KINDS),
  loanId: z.number().int().positive(),
  loanName: z.string(),
  /** The day it is about: the due date, the first day of the stage, the follow-up date. */
  on: civilDateSchema,
  /** What is due (due_soon, due); null for the other kinds. */
  amountFen: fenSchema.nullable(),
  /** The stage entered (stage); null for the other kinds. */
  stage: z
    .union([
      z.literal('grace'),
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.literal(6),
      z.literal(7),
    ])
    .nullable(),
  /** The contact whose follow-up it is (follow_up); null for the other kinds. */
  contactId: z.number().int().positive().nullable(),
  /** Title and body in each language, amounts and dates written out. */
  texts: z.object({ 'zh-CN': reminderTextSchema, en: reminderTextSchema }),
})
export type Reminder = z.infer<typeof reminderSchema>

export const acknowledgeInputSchema = z
  .object({ ids: z.array(reminderIdSchema).min(1).max(500) })
  .strict()
