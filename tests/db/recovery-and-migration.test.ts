import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { startBackend, type Backend } from '../../src/main/backend'
import { listBackups, backupsDir } from '../../src/main/db/backup'
import { migrateToLatest } from '../../src/main/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations'
import { dispatch } from '../../src/main/handlers'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir()
const running: Backend[] = []
afterEach(async () => {
  for (const backend of running.splice(0)) await backend.close()
})

const at = (iso: string) => ({ now: () => new Date(iso) })

async function start(dataDir: string, now = '2026-04-16T09:00:00') {
  const backend = await startBackend({
    dataDir,
    runtime: 'browser',
    clock: fixedClock(now.slice(0, 10)),
    time: at(now),
  })
  running.push(backend)
  return backend
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function value(backend: Backend, method: string, input: unknown) {
  const envelope = await dispatch(backend.handlers, method, input)
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error)
  return envelope.value as never
}

describe('migrations with data', () => {
  it('migrates a database of the first schema to the latest, keeping every row, after a backup', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'repaypath.sqlite3')
    const sqlite = new BetterSqlite3(file)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrateToLatest(db, MIGRATIONS.slice(0, 1))
    const terms = JSON.stringify(
      presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-01-15' }),
    )
    sqlite
      .prepare(
        `insert into loans (name, lender, lender_kind, principal_fen, disbursed_on, terms_json, created_at, updated_at)
         values ('微粒贷', '微众银行', 'webank', 1000000, '2026-01-15', ?, 'then', 'then')`,
      )
      .run(terms)
    sqlite
      .prepare(
        `insert into payments (loan_id, paid_on, amount_fen, channel, note, created_at) values (1, '2026-02-15', 115500, 'app', '第一期', 'then')`,
      )
      .run()
    sqlite.prepare(`insert into settings (key, value_json) values ('language', '"zh-CN"')`).run()
    await db.destroy()

    const backend = await start(dataDir)
    expect(backend.database.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const loans = (await value(backend, 'loans.list', {})) as Array<{
      loan: { name: string; presetId: unknown }
    }>
    expect(loans.map((s) => s.loan)).toMatchObject([{ name: '微粒贷', presetId: null }])
    expect(await value(backend, 'payments.list', { loanId: 1 })).toMatchObject([
      { amountFen: 115_500, note: '第一期' },
    ])
    expect(await value(backend, 'settings.get', {})).toMatchObject({ language: 'zh-CN' })
    const reasons = listBackups(backupsDir(dataDir)).map((b) => b.reason)
    expect(reasons).toContain('pre-migration')
    // The pre-migration backup is the old schema, untouched by the migration.
    const old = listBackups(backupsDir(dataDir)).find((b) => b.reason === 'pre-migration')!
    const copy = new BetterSqlite3(old.file, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    copy.close()
  })

  it('takes one daily backup per day at start', async () => {
    const dataDir = tempDir()
    await (await start(dataDir, '2026-04-16T09:00:00')).close()
    await (await start(dataDir, '2026-04-16T18:00:00')).close()
    await (await start(dataDir, '2026-04-17T08:00:00')).close()
    expect(listBackups(backupsDir(dataDir)).filter((b) => b.reason === 'daily')).toHaveLength(2)
  })
})

describe('a database that cannot be opened', () => {
  async function healthyWithBackup(dataDir: string) {
    const backend = await start(dataDir)
    await value(backend, 'loans.create', {
      name: '信用卡',
      lenderKind: 'credit_card',
      terms: presetTerms('credit_card', { principalFen: 500_000, disbursedOn: '2026-01-05' }),
    })
    const backup = (await value(backend, 'backup.create', {})) as { name: string }
    await backend.close()
    return backup
  }

  it('starts in recovery mode on a corrupt file, leaves it as it was, and restores a backup', async () => {
    const dataDir = tempDir()
    const backup = await healthyWithBackup(dataDir)
    const file = join(dataDir, 'repaypath.sqlite3')
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 0, 4_096) // the header and first page overwritten
    writeFileSync(file, bytes)
    for (const side of ['-wal', '-shm']) if (existsSync(file + side)) writeFileSync(file + side, '')
    const before = sha256(file)

    const backend = await start(dataDir)
    expect(backend.problem?.code).toBe('database_unusable')
    expect(await value(backend, 'app.info', {})).toMatchObject({
      database: { status: 'unusable', problem: expect.stringContaining('cannot be opened') },
    })
    await expect(value(backend, 'loans.list', {})).rejects.toMatchObject({
      code: 'database_unusable',
    })
    expect(sha256(file)).toBe(before)

    const names = ((await value(backend, 'backup.list', {})) as Array<{ name: string }>).map(
      (b) => b.name,
    )
    expect(names).toContain(backup.name)
    const restored = (await value(backend, 'backup.restore', { name: backup.name })) as {
      safetyCopy: string
    }
    expect(restored.safetyCopy).toMatch(/pre-restore/)
    expect(backend.problem).toBeNull()
    expect(await value(backend, 'loans.list', {})).toHaveLength(1)
    // The corrupt file was kept, byte for byte, as the safety copy.
    expect(sha256(join(backupsDir(dataDir), restored.safetyCopy))).toBe(before)
  })

  it('refuses a database from a newer version in recovery mode, untouched', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'repaypath.sqlite3')
    const newer = new BetterSqlite3(file)
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    newer.close()
    const before = sha256(file)
    const backend = await start(dataDir)
    expect(backend.problem?.code).toBe('database_too_new')
    expect(sha256(file)).toBe(before)
  })

  it('names the field when asked to restore a backup that does not exist', async () => {
    const backend = await start(tempDir())
    await expect(
      value(backend, 'backup.restore', { name: 'repaypath-20260101-000000-manual.sqlite3' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      field: 'name',
    })
  })
})
