import { z } from 'zod'
import { languageSchema } from './settings-schema'

/** `letter.savePdf`: the letter as the user edited it, typeset as a PDF the user saves. */
export const letterPdfInputSchema = z
  .object({
    title: z.string().max(200),
    body: z.string().max(20_000),
    language: languageSchema,
  })
  .strict()
export type LetterPdfInput = z.infer<typeof letterPdfInputSchema>

/** Whether a file was written (false: the user cancelled the save dialog) and where. */
export const letterPdfResultSchema = z.object({
  saved: z.boolean(),
  path: z.string().nullable(),
})
export type LetterPdfResult = z.infer<typeof letterPdfResultSchema>
