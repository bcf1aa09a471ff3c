import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** What every service gets: the database and facts about where and how the app runs. */
export interface ServiceContext {
  db: Kysely<Database>
  app: {
    name: string
    version: string
    runtime: 'electron' | 'browser'
    dataDir: string
    databaseFile: string
    schemaVersion: number
  }
}
