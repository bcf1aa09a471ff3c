import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { HARDSHIPS, PLAYBOOK_KEYS } from '../playbook/keys'

/** The action plan over the API: a loan's items with the user's states, and their situation. */

export const CHECKLIST_STATES = ['open', 'done', 'skipped'] as const
export { PLAYBOOK_KEYS } from '../playbook/keys'

const itemTextSchema = z.object({
  title: z.string(),
  why: z.string(),
  how: z.string(),
  prepare: z.array(z.string()),
})

export const situationSchema = z.object({
  hardship: z.enum(HARDSHIPS).nullable(),
  lawsuitNoticeOn: civilDateSchema.nullable(),
})

export const checklistItemSchema = z.object({
  key: z.enum(PLAYBOOK_KEYS),
  urgency: z.number(),
  sources: z.array(z.string()),
  text: z.object({ 'zh-CN': itemTextSchema, en: itemTextSchema }),
  state: z.enum(CHECKLIST_STATES),
  /** When the user marked it done or skipped. */
  stateOn: civilDateSchema.nullable(),
  note: z.string(),
})
export type ChecklistItem = z.infer<typeof checklistItemSchema>

export const progressSchema = z.object({
  done: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})

export const checklistSchema = z.object({
  loanId: z.number().int().positive(),
  asOf: civilDateSchema,
  situation: situationSchema,
  items: z.array(checklistItemSchema),
  progress: progressSchema,
})
