import { contract, type Handlers } from '@shared/api/contract'
import { ApiError, apiErrorFromZod, type Envelope } from '@shared/api/errors'
import { isMethodName } from '@shared/api/methods'
import { appHandlers } from './services/app'
import type { ServiceContext } from './services/context'
import { eventHandlers } from './services/events'
import { loanHandlers } from './services/loans'
import { paymentHandlers } from './services/payments'
import { portfolioHandlers } from './services/portfolio'
import { settingsHandlers } from './services/settings'

/** The one handler table: every contract method, served by its domain's service module. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...loanHandlers(ctx),
    ...paymentHandlers(ctx),
    ...eventHandlers(ctx),
    ...portfolioHandlers(ctx),
  }
}

/**
 * Runs one call as every transport does: validate the input against the contract, call the
 * handler, validate the output, and turn any failure into `{ code, message, field? }`.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return failure(new ApiError('unknown_method', `Unknown method: ${method}`))
  }
  const spec = contract[method]
  const input = spec.input.safeParse(rawInput === undefined ? {} : rawInput)
  if (!input.success) return failure(apiErrorFromZod(input.error))
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    const output = spec.output.safeParse(await handler(input.data))
    if (!output.success) {
      console.error(`${method}: output does not match the contract`, output.error.issues)
      return failure(new ApiError('internal', `${method} produced a malformed result`))
    }
    return { ok: true, value: output.data }
  } catch (error) {
    if (error instanceof ApiError) return failure(error)
    console.error(`${method} failed`, error)
    return failure(new ApiError('internal', `${method} failed unexpectedly`))
  }
}

function failure(error: ApiError): Envelope<never> {
  return { ok: false, error: error.toData() }
}
