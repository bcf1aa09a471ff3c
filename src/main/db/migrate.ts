import { sql, type Kysely } from 'kysely'
import { ApiError } from '@shared/api/errors'
import { MIGRATIONS, type Migration } from './migrations'

/**
 * Migrations keyed by `PRAGMA user_version`, each applied in its own transaction together with
 * the version bump. SQLite has transactional DDL, so a crash mid-migration leaves the previous
 * schema intact. (Kysely's Migrator runs SQLite migrations outside a transaction, which is why
 * this small loop is ours.)
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  const current = await readSchemaVersion(db)
  assertNotNewer(current, migrations.length)
  for (const migration of migrations.slice(current)) {
    await db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx)
    })
  }
  return migrations.length
}

export async function readSchemaVersion(db: Kysely<unknown>): Promise<number> {
  const result = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  return result.rows[0]?.user_version ?? 0
}

export function assertNotNewer(
  fileVersion: number,
  appVersion: number,
  file = 'The database',
): void {
  if (fileVersion > appVersion) {
    throw new ApiError(
      'database_too_new',
      `${file} was written by a newer version of RepayPath (schema ${fileVersion}; this version ` +
        `knows schema ${appVersion}). It has been left untouched: install the newer RepayPath to open it.`,
    )
  }
}
