import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { LetterPdfInput, LetterPdfResult } from '@shared/api/letter-schema'
import type { Clock } from '@shared/dates'
import type { Database } from '../db/schema'
import type { LedgerCache } from './ledger-cache'

/** What every service gets: the database, the clock, and facts about where and how the app runs. */
export interface ServiceContext {
  db: Kysely<Database>
  /** The raw connection, for bulk paths where Kysely's per-query cost would dominate. */
  sqlite: BetterSqlite3.Database
  clock: Clock
  /** The wall clock, for timestamps and backup names (tests fix it). */
  time: { now(): Date }
  ledgers: LedgerCache
  app: {
    name: string
    version: string
    runtime: 'electron' | 'browser'
    dataDir: string
    databaseFile: string
    schemaVersion: number
  }
  /** What only the desktop app can do; absent in browser mode (and in most tests). */
  platform?: PlatformHooks
}

/** Capabilities the Electron entry provides; each is optional and absent in browser mode. */
export interface PlatformHooks {
  /** Typesets the letter as a PDF and asks where to save it. */
  savePdf?: (letter: LetterPdfInput) => Promise<LetterPdfResult>
}

/** A timestamp for created_at / updated_at columns: UTC, ISO 8601. */
export function nowStamp(): string {
  return new Date().toISOString()
}

/**
 * A patch without the keys whose value is `undefined`: zod lets `{ note: undefined }` through a
 * partial schema (and Electron's IPC keeps such keys), but it must mean "leave note alone".
 */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}
