import { z } from 'zod'

export const LANGUAGES = ['zh-CN', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

/** Which reminders to show (the scheduler that shows them comes with the desktop issue). */
export const remindersSchema = z
  .object({
    /** Days before each due date to remind; 0 for none. */
    daysBefore: z.number().int().min(0).max(30),
    onDueDate: z.boolean(),
    onStageChange: z.boolean(),
    onFollowUp: z.boolean(),
  })
  .strict()
export type Reminders = z.infer<typeof remindersSchema>
export const DEFAULT_REMINDERS: Reminders = {
  daysBefore: 3,
  onDueDate: true,
  onStageChange: true,
  onFollowUp: true,
}
