import { contract, type Handlers } from '@shared/api/contract'
import { ApiError, apiErrorFromZod, type Envelope } from '@shared/api/errors'
import { isMethodName } from '@shared/api/methods'
import { METHOD_NAMES } from '@shared/api/methods'
import { DEFAULT_REMINDERS, type AppInfo } from '@shared/api/contract'
import { appHandlers } from './services/app'
import { backupHandlers, type BackupDeps } from './services/backup'
import { chartHandlers } from './services/charts'
import { checklistHandlers } from './services/checklist'
import type { ServiceContext } from './services/context'
import { contactHandlers } from './services/contacts'
import { csvHandlers } from './services/csv'
import { exchangeHandlers } from './services/exchange'
import { letterHandlers } from './services/letter'
import { eventHandlers } from './services/events'
import { loanHandlers } from './services/loans'
import { paymentHandlers } from './services/payments'
import { plannerHandlers } from './services/planner'
import { portfolioHandlers } from './services/portfolio'
import { reminderHandlers } from './services/reminders'
import { settingsHandlers } from './services/settings'

/** The one handler table: every contract method, served by its domain's service module. */
export function createHandlers(ctx: ServiceContext, backups: BackupDeps): Handlers {
  return {
    ...appHandlers(ctx),
    ...backupHandlers(backups),
    ...settingsHandlers(ctx),
    ...reminderHandlers(ctx),
    ...loanHandlers(ctx),
    ...paymentHandlers(ctx),
    ...eventHandlers(ctx),
    ...contactHandlers(ctx),
    ...portfolioHandlers(ctx),
    ...plannerHandlers(ctx),
    ...chartHandlers(ctx),
    ...checklistHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...csvHandlers(ctx),
    ...letterHandlers(ctx),
  }
}

/**
 * The table when the database could not be opened (corrupt, locked, newer): the app can still
 * start, say what is wrong, and restore a backup. Everything else answers with the problem.
 */
export function createRecoveryHandlers(
  app: Omit<AppInfo, 'database'>,
  problem: ApiError,
  backups: BackupDeps,
): Handlers {
  const refuse = () => {
    throw new ApiError(problem.code, problem.message)
  }
  const table = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, refuse]),
  ) as unknown as Handlers
  return {
    ...table,
    'app.info': () => ({
      ...app,
      database: {
        status: 'unusable',
        reason:
          problem.code === 'database_too_new'
            ? 'too_new'
            : /locked|busy/i.test(problem.message)
              ? 'busy'
              : 'damaged',
        problem: problem.message,
      },
    }),
    'settings.get': () => ({ language: null, lprTable: null, reminders: DEFAULT_REMINDERS }),
    ...backupHandlers(backups),
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
    const storage = storageError(error)
    if (storage !== null) return failure(storage)
    console.error(`${method} failed`, error)
    return failure(new ApiError('internal', `${method} failed unexpectedly`))
  }
}

/**
 * SQLite's own failures, in words a user can act on. The write they interrupted was rolled
 * back with its transaction, so nothing was half saved.
 */
export function storageError(error: unknown): ApiError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code.startsWith('SQLITE_FULL')) {
    return new ApiError(
      'storage_full',
      'The disk is full: the change was not saved. Free some space and try again.',
    )
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError(
      'database_busy',
      'The database is in use by another program: close other RepayPath windows and try again.',
    )
  }
  if (
    code.startsWith('SQLITE_CORRUPT') ||
    code.startsWith('SQLITE_NOTADB') ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new ApiError(
      'database_unusable',
      `The database cannot be read (${code}). Restore a backup from Settings.`,
    )
  }
  return null
}

function failure(error: ApiError): Envelope<never> {
  return { ok: false, error: error.toData() }
}
