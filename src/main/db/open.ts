import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { ApiError } from '@shared/api/errors'
import { backupsDir, createBackup, type BackupClock } from './backup'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { assertNotNewer, migrateToLatest } from './migrate'
import type { Database } from './schema'

export const DATABASE_FILE_NAME = 'repaypath.sqlite3'

export interface OpenDatabaseOptions {
  file: string
  /**
   * Path of a better-sqlite3 addon built for this runtime's ABI. Electron passes its own build
   * (see docs/native-modules.md); under Node the copy in node_modules is used.
   */
  nativeBinding?: string
  /** The wall clock for the name of the backup taken before a migration. */
  time?: BackupClock
}

export interface AppDatabase {
  db: Kysely<Database>
  /** The raw connection, for the few things Kysely does not do (backup, pragmas, benches). */
  sqlite: BetterSqlite3.Database
  file: string
  schemaVersion: number
  close(): Promise<void>
}

/**
 * Opens (creating if need be) the app's database and brings its schema up to date.
 * A file written by a newer app is refused before anything writes to it.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<AppDatabase> {
  const { file, nativeBinding } = options
  const driverOptions = nativeBinding === undefined ? {} : { nativeBinding }
  if (existsSync(file)) refuseIfNewer(file, driverOptions)
  mkdirSync(dirname(file), { recursive: true })

  const sqlite = new BetterSqlite3(file, driverOptions)
  try {
    sqlite.pragma('journal_mode = WAL')
    // FULL: a payment the user saw saved survives a power cut, not just a crash. Writes here are
    // a handful per minute, so the extra fsync costs nothing the user notices.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
  } catch (error) {
    sqlite.close()
    throw unusable(file, error)
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    const fileVersion = sqlite.pragma('user_version', { simple: true }) as number
    if (fileVersion > 0 && fileVersion < LATEST_SCHEMA_VERSION) {
      // The user's data as it was, before this version changes its schema.
      await createBackup(
        sqlite,
        backupsDir(dirname(file)),
        'pre-migration',
        options.time ?? { now: () => new Date() },
      )
    }
    const schemaVersion = await migrateToLatest(db as Kysely<unknown>)
    return { db, sqlite, file, schemaVersion, close: () => db.destroy() }
  } catch (error) {
    await db.destroy()
    throw error instanceof ApiError ? error : unusable(file, error)
  }
}

/**
 * Reads the schema version and checks the file's integrity through a read-only connection, so a
 * refused file is never written.
 */
function refuseIfNewer(file: string, driverOptions: BetterSqlite3.Options): void {
  let version: number
  try {
    const probe = new BetterSqlite3(file, { ...driverOptions, readonly: true, fileMustExist: true })
    try {
      version = probe.pragma('user_version', { simple: true }) as number
      // Damage anywhere in the file, found now rather than halfway through the user's work.
      const check = probe.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`the integrity check found: ${String(check)}`)
    } finally {
      probe.close()
    }
  } catch (error) {
    throw unusable(file, error)
  }
  assertNotNewer(version, LATEST_SCHEMA_VERSION, `The database ${file}`)
}

function unusable(file: string, cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new ApiError(
    'database_unusable',
    `The database ${file} cannot be opened (${reason}). It has been left as it is.`,
  )
}
