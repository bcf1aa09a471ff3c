import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import {
  AUTOMATIC_BACKUPS_KEPT,
  backupsDir,
  checkBackupFile,
  createBackup,
  ensureDailyBackup,
  listBackups,
  pruneAutomaticBackups,
  restoreBackup,
  type BackupClock,
  type BackupReason,
} from '../../src/main/db/backup'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { DATABASE_FILE_NAME, openDatabase, type AppDatabase } from '../../src/main/db/open'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir()

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** A clock stopped at a local time (months 1-based). */
function clockAt(
  year: number,
  month: number,
  day: number,
  hours = 9,
  minutes = 5,
  seconds = 7,
): BackupClock {
  return { now: () => new Date(year, month - 1, day, hours, minutes, seconds) }
}

/** A plain SQLite file with a table of rows, in WAL mode like the app's database. */
function makeSourceDatabase(file: string, rows = 50): BetterSqlite3.Database {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.exec('create table notes (id integer primary key, body text not null)')
  const insert = db.prepare('insert into notes (body) values (?)')
  for (let i = 0; i < rows; i += 1) insert.run(`note ${i} ${'x'.repeat(200)}`)
  return db
}

function readNotes(file: string): unknown[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('select id, body from notes order by id').all()
  } finally {
    db.close()
  }
}

/** An app database (schema up to date) holding one setting: `language = <value>`. */
async function makeAppDatabase(file: string, language: string): Promise<AppDatabase> {
  const database = await openDatabase({ file })
  await database.db
    .insertInto('settings')
    .values({ key: 'language', value_json: JSON.stringify(language) })
    .execute()
  return database
}

async function readLanguage(file: string): Promise<string> {
  const database = await openDatabase({ file })
  try {
    const row = await database.db
      .selectFrom('settings')
      .select('value_json')
      .where('key', '=', 'language')
      .executeTakeFirstOrThrow()
    return JSON.parse(row.value_json) as string
  } finally {
    await database.close()
  }
}

/** Overwrites bytes in the middle of a file, as a failing disk would. */
function damageMiddle(file: string): void {
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2))
  } finally {
    closeSync(fd)
  }
}

/** An empty file under a backup-like name, for listing and pruning (content is not read). */
function touchBackup(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, name)
  writeFileSync(file, 'x')
  return file
}

const noClose = async (): Promise<void> => {}

describe('createBackup', () => {
  it('copies the live database (WAL and all) into a self-contained file', async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'))
    try {
      const backup = await createBackup(
        source,
        join(dir, 'backups'),
        'manual',
        clockAt(2026, 3, 14),
      )

      expect(backup.name).toBe('repaypath-20260314-090507-manual.sqlite3')
      expect(backup.file).toBe(join(dir, 'backups', backup.name))
      expect(backup.reason).toBe('manual')
      expect(backup.createdAt).toBe('2026-03-14T09:05:07')
      expect(backup.sizeBytes).toBe(statSync(backup.file).size)
      expect(backup.sizeBytes).toBeGreaterThan(0)
      expect(readNotes(backup.file)).toEqual(source.prepare('select id, body from notes').all())
      // A plain rollback-journal file: reading it creates no -wal/-shm beside it.
      expect(readdirSync(join(dir, 'backups'))).toEqual([backup.name])
    } finally {
      source.close()
    }
  })

  it('writes under a temporary name and leaves no .tmp behind', async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'))
    const target = join(dir, 'deep', 'backups')
    try {
      await createBackup(source, target, 'daily', clockAt(2026, 3, 14))
      await createBackup(source, target, 'pre-import', clockAt(2026, 3, 15))
      const names = readdirSync(target)
      expect(names.filter((name) => name.includes('.tmp') || name.startsWith('.'))).toEqual([])
      expect(names.sort()).toEqual([
        'repaypath-20260314-090507-daily.sqlite3',
        'repaypath-20260315-090507-pre-import.sqlite3',
      ])
    } finally {
      source.close()
    }
  })

  it('adds -2, -3… when the name is taken, and never overwrites', async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'))
    const target = join(dir, 'backups')
    const clock = clockAt(2026, 3, 14)
    try {
      const first = await createBackup(source, target, 'manual', clock)
      const firstHash = sha256(first.file)
      source.exec("insert into notes (body) values ('later')")
      const second = await createBackup(source, target, 'manual', clock)
      const third = await createBackup(source, target, 'manual', clock)

      expect([first.name, second.name, third.name]).toEqual([
        'repaypath-20260314-090507-manual.sqlite3',
        'repaypath-20260314-090507-manual-2.sqlite3',
        'repaypath-20260314-090507-manual-3.sqlite3',
      ])
      expect(sha256(first.file)).toBe(firstHash)
      expect(readNotes(second.file)).toHaveLength(51)
      expect(listBackups(target).map((backup) => backup.name)).toEqual([
        third.name,
        second.name,
        first.name,
      ])
    } finally {
      source.close()
    }
  })
})

describe('listBackups', () => {
  it('parses names, lists newest first and ignores everything else', () => {
    const dir = join(tempDir(), 'backups')
    touchBackup(dir, 'repaypath-20260101-080000-daily.sqlite3')
    touchBackup(dir, 'repaypath-20260301-120000-manual.sqlite3')
    touchBackup(dir, 'repaypath-20260201-000000-pre-migration.sqlite3')
    touchBackup(dir, 'repaypath-20260201-000000-pre-restore-2.sqlite3')
    touchBackup(dir, 'repaypath-20260201-000000-pre-import.sqlite3')
    touchBackup(dir, 'repaypath-20260301-120000-manual.sqlite3-wal')
    touchBackup(dir, '.repaypath-20260401-000000-daily.sqlite3.123-abcd.tmp')
    touchBackup(dir, 'repaypath-20260401-000000-weekly.sqlite3')
    touchBackup(dir, 'notes.txt')
    mkdirSync(join(dir, 'repaypath-20260501-000000-daily.sqlite3'))

    const backups = listBackups(dir)

    expect(backups.map((backup) => [backup.name, backup.reason, backup.createdAt])).toEqual([
      ['repaypath-20260301-120000-manual.sqlite3', 'manual', '2026-03-01T12:00:00'],
      ['repaypath-20260201-000000-pre-restore-2.sqlite3', 'pre-restore', '2026-02-01T00:00:00'],
      ['repaypath-20260201-000000-pre-migration.sqlite3', 'pre-migration', '2026-02-01T00:00:00'],
      ['repaypath-20260201-000000-pre-import.sqlite3', 'pre-import', '2026-02-01T00:00:00'],
      ['repaypath-20260101-080000-daily.sqlite3', 'daily', '2026-01-01T08:00:00'],
    ])
    expect(backups[0]).toEqual({
      file: join(dir, 'repaypath-20260301-120000-manual.sqlite3'),
      name: 'repaypath-20260301-120000-manual.sqlite3',
      reason: 'manual',
      createdAt: '2026-03-01T12:00:00',
      sizeBytes: 1,
    })
  })

  it('returns [] when the folder does not exist', () => {
    expect(listBackups(join(tempDir(), 'no-such-folder'))).toEqual([])
  })

  it('puts backups under <dataDir>/backups', () => {
    expect(backupsDir(join('data', 'RepayPath'))).toBe(join('data', 'RepayPath', 'backups'))
  })
})

describe('pruneAutomaticBackups', () => {
  it(`keeps the ${AUTOMATIC_BACKUPS_KEPT} newest daily/pre-migration backups and never the others`, () => {
    const dir = join(tempDir(), 'backups')
    const automatic: string[] = []
    for (let day = 1; day <= 20; day += 1) {
      const reason: BackupReason = day % 3 === 0 ? 'pre-migration' : 'daily'
      const stamp = `202601${String(day).padStart(2, '0')}-080000`
      automatic.push(touchBackup(dir, `repaypath-${stamp}-${reason}.sqlite3`))
    }
    const others = [
      touchBackup(dir, 'repaypath-20250101-080000-manual.sqlite3'),
      touchBackup(dir, 'repaypath-20250102-080000-pre-restore.sqlite3'),
      touchBackup(dir, 'repaypath-20250103-080000-pre-import.sqlite3'),
    ]
    const unrelated = touchBackup(dir, 'keep-me.txt')

    const deleted = pruneAutomaticBackups(dir)

    expect(deleted.sort()).toEqual(automatic.slice(0, 6).sort())
    for (const file of deleted) expect(existsSync(file)).toBe(false)
    for (const file of [...automatic.slice(6), ...others, unrelated]) {
      expect(existsSync(file)).toBe(true)
    }
    expect(pruneAutomaticBackups(dir)).toEqual([])
  })

  it('honours a smaller keep and does nothing in a missing folder', () => {
    const dir = join(tempDir(), 'backups')
    const older = touchBackup(dir, 'repaypath-20260101-080000-daily.sqlite3')
    const newer = touchBackup(dir, 'repaypath-20260102-080000-daily.sqlite3')
    const manual = touchBackup(dir, 'repaypath-20251231-080000-manual.sqlite3')
    expect(pruneAutomaticBackups(dir, 1)).toEqual([older])
    expect(existsSync(newer)).toBe(true)
    expect(existsSync(manual)).toBe(true)
    expect(pruneAutomaticBackups(join(tempDir(), 'missing'))).toEqual([])
  })
})

describe('ensureDailyBackup', () => {
  it('takes one backup per local day, whatever the hour', async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'))
    const target = join(dir, 'backups')
    try {
      const first = await ensureDailyBackup(source, target, clockAt(2026, 3, 14, 0, 0, 1))
      expect(first?.name).toBe('repaypath-20260314-000001-daily.sqlite3')
      expect(await ensureDailyBackup(source, target, clockAt(2026, 3, 14, 12, 0, 0))).toBeNull()
      expect(await ensureDailyBackup(source, target, clockAt(2026, 3, 14, 23, 59, 59))).toBeNull()

      const next = await ensureDailyBackup(source, target, clockAt(2026, 3, 15, 0, 0, 0))
      expect(next?.name).toBe('repaypath-20260315-000000-daily.sqlite3')
      expect(listBackups(target).map((backup) => backup.name)).toEqual([
        'repaypath-20260315-000000-daily.sqlite3',
        'repaypath-20260314-000001-daily.sqlite3',
      ])
    } finally {
      source.close()
    }
  })

  it('does not count other kinds of backup as the daily one', async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'))
    const target = join(dir, 'backups')
    try {
      await createBackup(source, target, 'manual', clockAt(2026, 3, 14, 8))
      await createBackup(source, target, 'pre-migration', clockAt(2026, 3, 14, 8))
      const daily = await ensureDailyBackup(source, target, clockAt(2026, 3, 14, 9))
      expect(daily?.reason).toBe('daily')
    } finally {
      source.close()
    }
  })

  it(`prunes to ${AUTOMATIC_BACKUPS_KEPT} automatic backups after taking one`, async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'), 1)
    const target = join(dir, 'backups')
    const manual = touchBackup(target, 'repaypath-20250101-080000-manual.sqlite3')
    try {
      for (let day = 1; day <= AUTOMATIC_BACKUPS_KEPT + 3; day += 1) {
        expect(await ensureDailyBackup(source, target, clockAt(2026, 1, day))).not.toBeNull()
      }
      const left = listBackups(target)
      expect(left.filter((backup) => backup.reason === 'daily')).toHaveLength(
        AUTOMATIC_BACKUPS_KEPT,
      )
      expect(left[0]?.createdAt).toBe(`2026-01-${AUTOMATIC_BACKUPS_KEPT + 3}T09:05:07`)
      expect(left.at(-2)?.createdAt).toBe('2026-01-04T09:05:07')
      expect(existsSync(manual)).toBe(true)
    } finally {
      source.close()
    }
  })

  it('keeps the backup it just took even if the clock went back', async () => {
    const dir = tempDir()
    const source = makeSourceDatabase(join(dir, 'source.sqlite3'), 1)
    const target = join(dir, 'backups')
    for (let day = 1; day <= AUTOMATIC_BACKUPS_KEPT; day += 1) {
      touchBackup(target, `repaypath-2030${String(day).padStart(4, '0')}-080000-daily.sqlite3`)
    }
    try {
      const daily = await ensureDailyBackup(source, target, clockAt(2026, 3, 14))
      expect(daily).not.toBeNull()
      expect(existsSync(daily?.file ?? '')).toBe(true)
      expect(listBackups(target).filter((backup) => backup.reason === 'daily')).toHaveLength(
        AUTOMATIC_BACKUPS_KEPT,
      )
    } finally {
      source.close()
    }
  })
})

describe('checkBackupFile', () => {
  it('accepts a sound backup of the app database and reports its schema version', async () => {
    const dir = tempDir()
    const database = await makeAppDatabase(join(dir, DATABASE_FILE_NAME), 'en')
    try {
      const backup = await createBackup(
        database.sqlite,
        backupsDir(dir),
        'manual',
        clockAt(2026, 3, 14),
      )
      expect(checkBackupFile(backup.file, LATEST_SCHEMA_VERSION)).toEqual({
        ok: true,
        schemaVersion: LATEST_SCHEMA_VERSION,
      })
    } finally {
      await database.close()
    }
  })

  it('rejects a damaged file without modifying it', async () => {
    const dir = tempDir()
    const database = await openDatabase({ file: join(dir, DATABASE_FILE_NAME) })
    const insert = database.sqlite.prepare(`insert into settings (key, value_json) values (?, ?)`)
    for (let i = 0; i < 400; i += 1) insert.run(`key-${i}`, JSON.stringify('v'.repeat(300)))
    const backup = await createBackup(
      database.sqlite,
      backupsDir(dir),
      'manual',
      clockAt(2026, 3, 14),
    )
    await database.close()
    damageMiddle(backup.file)
    const before = sha256(backup.file)

    const result = checkBackupFile(backup.file, LATEST_SCHEMA_VERSION)

    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/damaged/)
    expect(sha256(backup.file)).toBe(before)
    expect(readdirSync(backupsDir(dir))).toEqual([backup.name])
  })

  it('rejects a file written by a newer version without modifying it', () => {
    const dir = tempDir()
    const file = join(dir, 'newer.sqlite3')
    const newer = new BetterSqlite3(file)
    newer.exec('create table from_the_future (x integer)')
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    newer.close()
    const before = sha256(file)

    const result = checkBackupFile(file, LATEST_SCHEMA_VERSION)

    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/newer version of RepayPath/)
    expect(sha256(file)).toBe(before)
  })

  it('leaves a WAL-mode file and its folder exactly as they were', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE_NAME)
    const database = await makeAppDatabase(file, 'en')
    await database.close()
    expect(readFileSync(file)[18]).toBe(2) // the header says WAL
    const before = sha256(file)

    expect(checkBackupFile(file, LATEST_SCHEMA_VERSION).ok).toBe(true)
    expect(sha256(file)).toBe(before)
    expect(readdirSync(dir)).toEqual([DATABASE_FILE_NAME])
  })

  it('rejects missing, empty, non-database and non-RepayPath files', () => {
    const dir = tempDir()
    const reasonFor = (file: string): string => {
      const result = checkBackupFile(file, LATEST_SCHEMA_VERSION)
      return result.ok ? 'ok' : result.reason
    }
    expect(reasonFor(join(dir, 'missing.sqlite3'))).toMatch(/does not exist/)
    writeFileSync(join(dir, 'empty.sqlite3'), '')
    expect(reasonFor(join(dir, 'empty.sqlite3'))).toMatch(/empty/)
    writeFileSync(join(dir, 'text.sqlite3'), 'not a database at all '.repeat(300))
    expect(reasonFor(join(dir, 'text.sqlite3'))).toMatch(/not a database/)
    const other = new BetterSqlite3(join(dir, 'other.sqlite3'))
    other.exec('create table t (x)')
    other.close()
    expect(reasonFor(join(dir, 'other.sqlite3'))).toMatch(/not a RepayPath database/)
  })
})

describe('restoreBackup', () => {
  it('restores the backup and keeps the current database as a pre-restore backup', async () => {
    const dir = tempDir()
    const databaseFile = join(dir, DATABASE_FILE_NAME)
    const database = await makeAppDatabase(databaseFile, 'en')
    const backup = await createBackup(
      database.sqlite,
      backupsDir(dir),
      'manual',
      clockAt(2026, 3, 1),
    )
    await database.db
      .updateTable('settings')
      .set({ value_json: JSON.stringify('zh') })
      .where('key', '=', 'language')
      .execute()
    // The change sits in the -wal until the connection closes.
    expect(existsSync(`${databaseFile}-wal`)).toBe(true)
    const backupHash = sha256(backup.file)
    let closed = 0

    const result = await restoreBackup({
      databaseFile,
      backupFile: backup.file,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      clock: clockAt(2026, 3, 14),
      close: async () => {
        closed += 1
        await database.close()
      },
    })

    expect(closed).toBe(1)
    expect(result.restoredFrom).toBe(backup.file)
    expect(result.safetyCopy).toBe(
      join(backupsDir(dir), 'repaypath-20260314-090507-pre-restore.sqlite3'),
    )
    expect(readdirSync(dir).sort()).toEqual(['backups', DATABASE_FILE_NAME])
    expect(await readLanguage(databaseFile)).toBe('en')
    expect(await readLanguage(result.safetyCopy ?? '')).toBe('zh')
    expect(sha256(backup.file)).toBe(backupHash)
    expect(listBackups(backupsDir(dir)).map((entry) => entry.reason)).toEqual([
      'pre-restore',
      'manual',
    ])
  })

  it('never leaves the old -wal/-shm next to the restored file', async () => {
    const dir = tempDir()
    const databaseFile = join(dir, DATABASE_FILE_NAME)
    const old = await makeAppDatabase(databaseFile, 'en')
    const backup = await createBackup(old.sqlite, backupsDir(dir), 'manual', clockAt(2026, 3, 1))
    await old.close()

    // A database left with its -wal and -shm, as after a crash: copy them while still open.
    const crashed = await makeAppDatabase(join(dir, 'crashed.sqlite3'), 'zh')
    crashed.sqlite.pragma('wal_autocheckpoint = 0')
    await crashed.db
      .updateTable('settings')
      .set({ value_json: JSON.stringify('fr') })
      .where('key', '=', 'language')
      .execute()
    writeFileSync(databaseFile, readFileSync(join(dir, 'crashed.sqlite3')))
    writeFileSync(`${databaseFile}-wal`, readFileSync(join(dir, 'crashed.sqlite3-wal')))
    writeFileSync(`${databaseFile}-shm`, readFileSync(join(dir, 'crashed.sqlite3-shm')))
    await crashed.close()

    const result = await restoreBackup({
      databaseFile,
      backupFile: backup.file,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      clock: clockAt(2026, 3, 14),
      close: noClose,
    })

    expect(existsSync(`${databaseFile}-wal`)).toBe(false)
    expect(existsSync(`${databaseFile}-shm`)).toBe(false)
    expect(await readLanguage(databaseFile)).toBe('en')
    // The safety copy took in what was still in the -wal.
    expect(await readLanguage(result.safetyCopy ?? '')).toBe('fr')
  })

  it('keeps even an unreadable current file, byte for byte', async () => {
    const dir = tempDir()
    const databaseFile = join(dir, DATABASE_FILE_NAME)
    const source = await makeAppDatabase(join(dir, 'source.sqlite3'), 'en')
    const backup = await createBackup(source.sqlite, backupsDir(dir), 'manual', clockAt(2026, 3, 1))
    await source.close()
    const garbage = Buffer.from('these are not the bytes of an SQLite database '.repeat(500))
    writeFileSync(databaseFile, garbage)
    writeFileSync(`${databaseFile}-wal`, 'a stray wal')

    const result = await restoreBackup({
      databaseFile,
      backupFile: backup.file,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      clock: clockAt(2026, 3, 14),
      close: noClose,
    })

    expect(result.safetyCopy).not.toBeNull()
    const safetyCopy = result.safetyCopy ?? ''
    expect(readFileSync(safetyCopy).equals(garbage)).toBe(true)
    expect(readFileSync(`${safetyCopy}-wal`, 'utf8')).toBe('a stray wal')
    expect(existsSync(`${databaseFile}-wal`)).toBe(false)
    expect(await readLanguage(databaseFile)).toBe('en')
    expect(readdirSync(backupsDir(dir)).filter((name) => name.includes('.tmp'))).toEqual([])
  })

  it('keeps a damaged (but openable) current file before replacing it', async () => {
    const dir = tempDir()
    const databaseFile = join(dir, DATABASE_FILE_NAME)
    const current = await openDatabase({ file: databaseFile })
    const insert = current.sqlite.prepare(`insert into settings (key, value_json) values (?, ?)`)
    for (let i = 0; i < 400; i += 1) insert.run(`key-${i}`, JSON.stringify('v'.repeat(300)))
    const backup = await createBackup(
      current.sqlite,
      backupsDir(dir),
      'manual',
      clockAt(2026, 3, 1),
    )
    await current.close()
    damageMiddle(databaseFile)
    const damaged = readFileSync(databaseFile)

    const result = await restoreBackup({
      databaseFile,
      backupFile: backup.file,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      clock: clockAt(2026, 3, 14),
      close: noClose,
    })

    const safetyCopy = readFileSync(result.safetyCopy ?? '')
    // Taken through the backup API (which leaves a rollback-journal header), not as raw bytes.
    expect([damaged[18], safetyCopy[18]]).toEqual([2, 1])
    expect(safetyCopy.length).toBe(damaged.length)
    // Every page as it was (the 100-byte file header differs only in bookkeeping fields).
    expect(safetyCopy.subarray(100).equals(damaged.subarray(100))).toBe(true)
    expect(checkBackupFile(databaseFile, LATEST_SCHEMA_VERSION).ok).toBe(true)
  })

  it('refuses a bad backup before closing anything and leaves the database byte-identical', async () => {
    const dir = tempDir()
    const databaseFile = join(dir, DATABASE_FILE_NAME)
    const database = await makeAppDatabase(databaseFile, 'en')
    const backup = await createBackup(
      database.sqlite,
      backupsDir(dir),
      'manual',
      clockAt(2026, 3, 1),
    )
    await database.close()
    const newer = new BetterSqlite3(backup.file)
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    newer.close()
    const broken = join(dir, 'broken.sqlite3')
    writeFileSync(broken, 'garbage'.repeat(1000))
    const before = sha256(databaseFile)
    const listingBefore = readdirSync(dir).sort()
    let closed = false

    for (const backupFile of [backup.file, broken, join(dir, 'missing.sqlite3'), databaseFile]) {
      const error = await restoreBackup({
        databaseFile,
        backupFile,
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        clock: clockAt(2026, 3, 14),
        close: async () => {
          closed = true
        },
      }).catch((caught: unknown) => caught)

      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('invalid_input')
      expect((error as ApiError).field).toBe('backupFile')
      expect((error as ApiError).message).toMatch(/cannot be restored/)
    }
    expect(closed).toBe(false)
    expect(sha256(databaseFile)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(listingBefore)
    expect(listBackups(backupsDir(dir))).toHaveLength(1)
  })

  it('puts the backup in place when there is no database yet', async () => {
    const dir = tempDir()
    const source = await makeAppDatabase(join(dir, 'source.sqlite3'), 'en')
    const backup = await createBackup(
      source.sqlite,
      join(dir, 'elsewhere'),
      'manual',
      clockAt(2026, 3, 1),
    )
    await source.close()
    const databaseFile = join(dir, 'fresh', DATABASE_FILE_NAME)

    const result = await restoreBackup({
      databaseFile,
      backupFile: backup.file,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      clock: clockAt(2026, 3, 14),
      close: noClose,
    })

    expect(result.safetyCopy).toBeNull()
    expect(readdirSync(join(dir, 'fresh'))).toEqual([DATABASE_FILE_NAME])
    expect(await readLanguage(databaseFile)).toBe('en')
  })
})
