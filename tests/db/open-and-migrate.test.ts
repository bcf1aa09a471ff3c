import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { openDatabase } from '../../src/main/db/open'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir()

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

describe('openDatabase', () => {
  it('creates a fresh file, runs every migration and sets WAL and foreign keys', async () => {
    const file = join(tempDir(), 'nested', 'app.sqlite3')
    const database = await openDatabase({ file })
    try {
      expect(database.schemaVersion).toBe(MIGRATIONS.length)
      expect(database.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      const tables = database.sqlite
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all()
      expect(tables).toEqual(expect.arrayContaining(['loans', 'payments', 'settings']))
    } finally {
      await database.close()
    }
  })

  it('reopens an up-to-date file without migrating again and keeps its rows', async () => {
    const file = join(tempDir(), 'app.sqlite3')
    const first = await openDatabase({ file })
    await first.db.insertInto('settings').values({ key: 'language', value_json: '"en"' }).execute()
    await first.close()

    const second = await openDatabase({ file })
    try {
      const rows = await second.db.selectFrom('settings').selectAll().execute()
      expect(rows).toEqual([{ key: 'language', value_json: '"en"' }])
      expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    } finally {
      await second.close()
    }
  })

  it('enforces the schema constraints (money is a positive integer, dates are civil dates)', async () => {
    const database = await openDatabase({ file: join(tempDir(), 'app.sqlite3') })
    const insertLoan = database.sqlite.prepare(
      `insert into loans (name, lender_kind, principal_fen, disbursed_on, terms_json, created_at, updated_at)
       values (?, 'webank', ?, ?, '{}', 'now', 'now')`,
    )
    try {
      expect(() => insertLoan.run('ok', 100_00, '2026-01-31')).not.toThrow()
      expect(() => insertLoan.run('float', 100.5, '2026-01-31')).toThrow(/CHECK/)
      expect(() => insertLoan.run('zero', 0, '2026-01-31')).toThrow(/CHECK/)
      expect(() => insertLoan.run('bad date', 100, '2026-02-30')).toThrow(/CHECK/)
      expect(() =>
        database.sqlite
          .prepare(
            `insert into payments (loan_id, paid_on, amount_fen, created_at) values (999, '2026-01-01', 1, 'now')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/)
    } finally {
      await database.close()
    }
  })

  it('refuses a database written by a newer version and leaves the file untouched', async () => {
    const dir = tempDir()
    const file = join(dir, 'app.sqlite3')
    const newer = new BetterSqlite3(file)
    newer.exec('create table from_the_future (x integer)')
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    newer.close()
    const before = sha256(file)

    const error = await openDatabase({ file }).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('database_too_new')
    expect((error as ApiError).message).toMatch(/newer version of RepayPath/)
    expect(sha256(file)).toBe(before)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a file that is not a database and leaves it as it was', async () => {
    const file = join(tempDir(), 'app.sqlite3')
    writeFileSync(file, 'these are not the bytes of an SQLite database'.repeat(200))
    const before = sha256(file)

    const error = await openDatabase({ file }).catch((caught: unknown) => caught)

    expect((error as ApiError).code).toBe('database_unusable')
    expect(sha256(file)).toBe(before)
  })

  it('applies each migration atomically: a failing migration leaves the previous schema', async () => {
    const { migrateToLatest } = await import('../../src/main/db/migrate')
    const database = await openDatabase({ file: join(tempDir(), 'app.sqlite3') })
    try {
      const broken = [
        ...MIGRATIONS,
        {
          version: MIGRATIONS.length + 1,
          name: 'half-done',
          up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => {
            await db.schema.createTable('half_done').addColumn('x', 'integer').execute()
            throw new Error('boom')
          },
        },
      ]
      await expect(migrateToLatest(database.db as never, broken)).rejects.toThrow('boom')
      expect(database.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
      const halfDone = database.sqlite
        .prepare("select count(*) from sqlite_master where name = 'half_done'")
        .pluck()
        .get()
      expect(halfDone).toBe(0)
    } finally {
      await database.close()
    }
  })
})
