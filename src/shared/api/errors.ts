import { z } from 'zod'

/**
 * Every failure that crosses a transport (IPC, HTTP, the typed client) has this shape:
 * a machine-readable code, a human message, and — for bad input — the dotted path of the
 * field at fault, so the renderer can put the message next to that field.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'database_too_new',
  'database_unusable',
  'database_busy',
  'storage_full',
  /** The method needs the desktop app (browser mode cannot do it). */
  'unsupported',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
})

export type ApiErrorData = z.infer<typeof apiErrorSchema>

export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }

  toData(): ApiErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.field)
  }
}

/** What every transport carries back: a value, or an error; never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData }

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
])

/**
 * The first zod issue becomes the error: its path names the field (`terms.rate`,
 * `payments.3.amountFen`); a problem with the input as a whole (not an object, say) names `input`.
 */
export function apiErrorFromZod(error: z.ZodError): ApiError {
  const issue = error.issues[0]
  if (issue === undefined) return new ApiError('invalid_input', 'Invalid input', 'input')
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input'
  return new ApiError('invalid_input', `${field}: ${issue.message}`, field)
}
