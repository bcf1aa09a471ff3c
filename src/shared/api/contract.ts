import { z } from 'zod'
import type { MethodName } from './methods'

/**
 * The API contract: for each method, one zod schema for its input and one for its output.
 * Main validates both directions against it, the typed client is derived from it, and
 * `docs/api.md` documents it. Add a method here and in `methods.ts`; the type checker then
 * demands a handler for it.
 */

export const LANGUAGES = ['zh-CN', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int().nonnegative(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const settingsSchema = z.object({
  /** null until the user picks one: the renderer then follows the system language. */
  language: languageSchema.nullable(),
})
export type Settings = z.infer<typeof settingsSchema>

export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

const noInput = z.object({}).strict()

interface MethodSpec {
  input: z.ZodType
  output: z.ZodType
}

export const contract = {
  'app.info': { input: noInput, output: appInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
} as const satisfies { [M in MethodName]: MethodSpec }

type Contract = typeof contract

/** What a caller passes (before zod defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
/** What a method returns. */
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** The shape main implements: one function per method, fed parsed input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>
}
