import { join } from 'node:path'
import type { Handlers } from '@shared/api/contract'
import { systemClock, type Clock } from '@shared/dates'
import packageJson from '../../package.json'
import { DATABASE_FILE_NAME, openDatabase, type AppDatabase } from './db/open'
import { createHandlers } from './handlers'
import { APP_NAME } from './paths'
import { LedgerCache } from './services/ledger-cache'

export interface BackendOptions {
  dataDir: string
  runtime: 'electron' | 'browser'
  nativeBinding?: string
  /** Where "today" comes from; the system's calendar unless a test fixes it. */
  clock?: Clock
}

export interface Backend {
  handlers: Handlers
  database: AppDatabase
  close(): Promise<void>
}

/** Everything behind the transports: the database in `dataDir` and the handler table over it. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME)
  const database = await openDatabase({
    file: databaseFile,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  })
  const handlers = createHandlers({
    db: database.db,
    sqlite: database.sqlite,
    clock: options.clock ?? systemClock,
    ledgers: new LedgerCache(),
    app: {
      name: APP_NAME,
      version: packageJson.version,
      runtime: options.runtime,
      dataDir: options.dataDir,
      databaseFile,
      schemaVersion: database.schemaVersion,
    },
  })
  return { handlers, database, close: () => database.close() }
}
