import { join } from 'node:path'
import type { AppInfo, Handlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import { METHOD_NAMES } from '@shared/api/methods'
import { systemClock, type Clock } from '@shared/dates'
import packageJson from '../../package.json'
import { backupsDir, ensureDailyBackup, restoreBackup } from './db/backup'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { DATABASE_FILE_NAME, openDatabase, type AppDatabase } from './db/open'
import { createHandlers, createRecoveryHandlers } from './handlers'
import { APP_NAME } from './paths'
import type { BackupDeps } from './services/backup'
import type { PlatformHooks, ServiceContext } from './services/context'
import { LedgerCache } from './services/ledger-cache'

export interface BackendOptions {
  dataDir: string
  runtime: 'electron' | 'browser'
  nativeBinding?: string
  /** Where "today" comes from; the system's calendar unless a test fixes it. */
  clock?: Clock
  /** The wall clock, for timestamps and backup names; the system's unless a test fixes it. */
  time?: { now(): Date }
  /** Desktop-only capabilities (the Electron entry's); none in browser mode. */
  platform?: PlatformHooks
}

export interface Backend {
  /** Stable for the life of the backend: a restore swaps what is behind it, not the object. */
  handlers: Handlers
  /** What the services run with; throws in recovery mode. */
  readonly context: ServiceContext
  /** The open database; throws in recovery mode. */
  readonly database: AppDatabase
  /** Why the database could not be opened (recovery mode), or null. */
  readonly problem: ApiError | null
  close(): Promise<void>
}

/**
 * Everything behind the transports: the database in `dataDir` and the handler table over it.
 * A database that cannot be opened (corrupt, locked, written by a newer version) does not stop
 * the app: it starts in recovery mode, leaves the file as it is, and offers the backups.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME)
  const time = options.time ?? { now: () => new Date() }
  const driver = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }
  const app: Omit<AppInfo, 'database'> = {
    name: APP_NAME,
    version: packageJson.version,
    runtime: options.runtime,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: 0,
  }
  const ledgers = new LedgerCache()
  let database: AppDatabase | null = null
  let context: ServiceContext | null = null
  let problem: ApiError | null = null
  let table: Handlers

  const backups: BackupDeps = {
    dataDir: options.dataDir,
    time,
    sqlite: () => database?.sqlite ?? null,
    restore: async (backupFile) => {
      const outcome = await restoreBackup({
        databaseFile,
        backupFile,
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        clock: time,
        close: async () => {
          await database?.close()
          database = null
        },
        ...driver,
      })
      await open()
      return outcome
    },
  }

  async function open(): Promise<void> {
    try {
      database = await openDatabase({ file: databaseFile, time, ...driver })
      problem = null
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      database = null
      problem = error
    }
    ledgers.clear()
    if (database === null) {
      context = null
      table = createRecoveryHandlers(app, problem!, backups)
      return
    }
    app.schemaVersion = database.schemaVersion
    context = {
      db: database.db,
      sqlite: database.sqlite,
      clock: options.clock ?? systemClock,
      time,
      ledgers,
      app,
      ...(options.platform === undefined ? {} : { platform: options.platform }),
    }
    table = createHandlers(context, backups)
    try {
      await ensureDailyBackup(database.sqlite, backupsDir(options.dataDir), time)
    } catch (error) {
      // A failed backup must not keep the user from their data; it is tried again next start.
      console.error('The daily backup failed', error)
    }
  }

  await open()
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (input: never) => (table[method] as (input: never) => unknown)(input),
    ]),
  ) as unknown as Handlers

  return {
    handlers,
    get context() {
      if (context === null) throw problem!
      return context
    },
    get database() {
      if (database === null) throw problem!
      return database
    },
    get problem() {
      return problem
    },
    close: async () => {
      await database?.close()
      database = null
    },
  }
}
