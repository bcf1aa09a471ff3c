import type { Kysely } from 'kysely'
import * as m0001 from './0001-loans-payments-settings'
import * as m0002 from './0002-events-checklist-contacts'

export interface Migration {
  /** Stored in `PRAGMA user_version` once applied; numbers are consecutive from 1. */
  version: number
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>
}

/**
 * Every migration, bundled with the app (static imports, so Vite ships them inside
 * `out/main`; a folder read at run time would find nothing once bundled). Append only.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'loans-payments-settings', up: m0001.up },
  { version: 2, name: 'events-checklist-contacts', up: m0002.up },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
