import { randomBytes } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { format } from 'date-fns'
import { ApiError } from '@shared/api/errors'

/**
 * Backups of the one database file: copies taken with SQLite's online backup API into
 * `<dataDir>/backups`, named after the local time they were taken and why, e.g.
 * `repaypath-20260314-090507-daily.sqlite3`. The name is the record: listing needs no index.
 *
 * Every file appears under its real name only once it is complete and on disk (written to a
 * temporary name in the same folder, fsynced, then renamed), so a crash leaves at worst a
 * `.tmp` file, never half a backup that looks whole.
 */

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-import'

export interface BackupInfo {
  /** Absolute path. */
  file: string
  name: string
  reason: BackupReason
  /** Local time the backup was taken, `YYYY-MM-DDTHH:mm:ss` (read back from the name). */
  createdAt: string
  sizeBytes: number
}

/** Where "now" comes from: injectable, so tests can fix it. */
export interface BackupClock {
  now(): Date
}

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: string }

export interface BackupDriverOptions {
  /**
   * The better-sqlite3 addon for this runtime's ABI, as given to `openDatabase` (Electron passes
   * its own build; see docs/native-modules.md). Needed wherever this module opens a connection
   * of its own: under Electron the default build would not load.
   */
  nativeBinding?: string
}

export interface RestoreBackupOptions extends BackupDriverOptions {
  databaseFile: string
  backupFile: string
  latestSchemaVersion: number
  clock: BackupClock
  /** Closes the app's open connection, if any. */
  close: () => Promise<void>
}

/** Daily and pre-migration backups are pruned down to this many; the others are never pruned. */
export const AUTOMATIC_BACKUPS_KEPT = 14

const AUTOMATIC_REASONS: ReadonlySet<BackupReason> = new Set<BackupReason>([
  'daily',
  'pre-migration',
])

const NAME_PATTERN =
  /^repaypath-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|manual|pre-migration|pre-restore|pre-import)(?:-(\d+))?\.sqlite3$/

/** Files SQLite keeps next to a database; they belong to it and travel with it. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const
type Sidecar = (typeof SIDECARS)[number]

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups')
}

/**
 * Copies the open database into `dir` through the online backup API (consistent even while the
 * app writes). The copy is a single self-contained file in rollback-journal mode.
 */
export async function createBackup(
  sqlite: BetterSqlite3.Database,
  dir: string,
  reason: BackupReason,
  clock: BackupClock,
): Promise<BackupInfo> {
  return writeBackup(dir, reason, clock, async (temp) => {
    await sqlite.backup(temp)
    useRollbackJournal(temp)
    return []
  })
}

/** The backups in `dir`, newest first. Files not named like a backup are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  const absoluteDir = resolve(dir)
  let entries: string[]
  try {
    entries = readdirSync(absoluteDir)
  } catch (error) {
    if (isMissing(error)) return []
    throw error
  }
  const found: { info: BackupInfo; sequence: number }[] = []
  for (const name of entries) {
    const parsed = parseBackupName(name)
    if (parsed === null) continue
    const file = join(absoluteDir, name)
    let sizeBytes: number
    try {
      const stat = statSync(file)
      if (!stat.isFile()) continue
      sizeBytes = stat.size
    } catch {
      continue // deleted while we listed
    }
    found.push({
      info: { file, name, reason: parsed.reason, createdAt: parsed.createdAt, sizeBytes },
      sequence: parsed.sequence,
    })
  }
  found.sort(
    (a, b) =>
      compare(b.info.createdAt, a.info.createdAt) ||
      b.sequence - a.sequence ||
      compare(b.info.name, a.info.name),
  )
  return found.map((entry) => entry.info)
}

/**
 * Deletes all but the newest `keep` automatic backups (daily and pre-migration, counted
 * together). Manual, pre-restore and pre-import backups are never deleted. Returns the paths
 * deleted.
 */
export function pruneAutomaticBackups(dir: string, keep = AUTOMATIC_BACKUPS_KEPT): string[] {
  return prune(dir, keep, null)
}

/** Takes today's daily backup (the clock's local date) unless there is one already. */
export async function ensureDailyBackup(
  sqlite: BetterSqlite3.Database,
  dir: string,
  clock: BackupClock,
): Promise<BackupInfo | null> {
  const today = format(clock.now(), 'yyyy-MM-dd')
  const done = listBackups(dir).some(
    (backup) => backup.reason === 'daily' && backup.createdAt.slice(0, 10) === today,
  )
  if (done) return null
  const created = await createBackup(sqlite, dir, 'daily', clock)
  // The new backup is spared even if a clock that ran ahead once left "newer" ones behind.
  prune(dir, AUTOMATIC_BACKUPS_KEPT, created.file)
  return created
}

/**
 * Whether `file` is a sound RepayPath database this version can open: SQLite's integrity check
 * passes and its schema is not newer than `latestSchemaVersion`. The file is never written,
 * and nothing is created next to it: the check runs on a private copy (with its `-wal`, if
 * any) in the OS temp folder, opened read-only. (Opening a WAL-mode file in place, even
 * read-only, would create `-wal` and `-shm` files beside it, and fails in a read-only folder.)
 */
export function checkBackupFile(
  file: string,
  latestSchemaVersion: number,
  options: BackupDriverOptions = {},
): BackupCheck {
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) return { ok: false, reason: 'it is not a file' }
    size = stat.size
  } catch (error) {
    if (isMissing(error)) return { ok: false, reason: 'the file does not exist' }
    return { ok: false, reason: `the file cannot be read (${messageOf(error)})` }
  }
  if (size === 0) return { ok: false, reason: 'the file is empty' }

  const scratch = mkdtempSync(join(tmpdir(), 'repaypath-check-'))
  try {
    const copy = join(scratch, 'check.sqlite3')
    try {
      copyWithWal(file, copy)
    } catch (error) {
      return { ok: false, reason: `the file cannot be read (${messageOf(error)})` }
    }
    return inspectDatabase(copy, latestSchemaVersion, {
      ...driverOptions(options),
      readonly: true,
      fileMustExist: true,
    })
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Replaces the database with a backup.
 *
 * 1. The backup is checked; a bad one is refused (`invalid_input` on `backupFile`) before
 *    anything is touched.
 * 2. The app's connection is closed (`close`).
 * 3. The current database, if any, is kept as a `pre-restore` backup (`safetyCopy`): through the
 *    backup API when it can be read, else its bytes (and `-wal`/`-shm`/`-journal`) as they are.
 * 4. The backup is copied next to the database, checked again, fsynced, the old `-wal`/`-shm`/
 *    `-journal` are removed (they would be replayed onto the new file) and the copy is renamed
 *    over the database: the file is at every moment either the old database or the new one.
 *
 * If step 4 fails the database is left as it was. Either way the caller reopens it.
 */
export async function restoreBackup(
  options: RestoreBackupOptions,
): Promise<{ restoredFrom: string; safetyCopy: string | null }> {
  const databaseFile = resolve(options.databaseFile)
  const backupFile = resolve(options.backupFile)
  const driver = driverOptions(options)

  if (samePath(databaseFile, backupFile)) {
    throw refusal(backupFile, 'it is the database itself')
  }
  const check = checkBackupFile(backupFile, options.latestSchemaVersion, options)
  if (!check.ok) throw refusal(backupFile, check.reason)

  await options.close()

  const dataDir = dirname(databaseFile)
  mkdirSync(dataDir, { recursive: true })
  const safetyCopy = existsSync(databaseFile)
    ? (await keepCurrentDatabase(databaseFile, backupsDir(dataDir), options.clock, driver)).file
    : null

  const staged = join(dataDir, `.${basename(databaseFile)}.restore-${uniqueSuffix()}.tmp`)
  try {
    copyWithWal(backupFile, staged)
    // Opened read-write: it is our own copy. Leaving WAL mode folds any copied `-wal` into it.
    const staging = inspectDatabase(
      staged,
      options.latestSchemaVersion,
      { ...driver, fileMustExist: true },
      (db) => {
        db.pragma('journal_mode = DELETE')
      },
    )
    if (!staging.ok) {
      throw refusal(backupFile, staging.reason, 'The current database was left as it is.')
    }
    fsyncFile(staged)
  } catch (error) {
    removeWithSidecars(staged)
    throw error
  }

  for (const suffix of SIDECARS) rmSync(databaseFile + suffix, { force: true })
  renameSync(staged, databaseFile)
  fsyncDirectory(dataDir)
  return { restoredFrom: backupFile, safetyCopy }
}

// ---------------------------------------------------------------------------------------------

/**
 * Writes a backup under a temporary name in `dir` (`write` fills it, and says which sidecars it
 * wrote next to it), fsyncs it, then renames it to its real name.
 */
async function writeBackup(
  dir: string,
  reason: BackupReason,
  clock: BackupClock,
  write: (temp: string) => Promise<readonly Sidecar[]>,
): Promise<BackupInfo> {
  const absoluteDir = resolve(dir)
  mkdirSync(absoluteDir, { recursive: true })
  const now = clock.now()
  const stem = `repaypath-${format(now, 'yyyyMMdd-HHmmss')}-${reason}`
  const temp = join(absoluteDir, `.${stem}.${uniqueSuffix()}.tmp`)

  let sidecars: readonly Sidecar[]
  try {
    sidecars = await write(temp)
    for (const path of [temp, ...sidecars.map((suffix) => temp + suffix)]) fsyncFile(path)
  } catch (error) {
    removeWithSidecars(temp)
    throw error
  }

  // No await from here on: within this process the name chosen is still free when taken.
  const name = freeName(absoluteDir, stem)
  const file = join(absoluteDir, name)
  for (const suffix of sidecars) renameSync(temp + suffix, file + suffix)
  renameSync(temp, file)
  fsyncDirectory(absoluteDir)
  return {
    file,
    name,
    reason,
    createdAt: format(now, "yyyy-MM-dd'T'HH:mm:ss"),
    sizeBytes: statSync(file).size,
  }
}

/** `stem.sqlite3`, else `stem-2.sqlite3`, `stem-3.sqlite3`…: the first taken by nothing. */
function freeName(dir: string, stem: string): string {
  for (let sequence = 1; ; sequence += 1) {
    const name = sequence === 1 ? `${stem}.sqlite3` : `${stem}-${sequence}.sqlite3`
    const file = join(dir, name)
    if (!existsSync(file) && SIDECARS.every((suffix) => !existsSync(file + suffix))) return name
  }
}

function parseBackupName(
  name: string,
): { reason: BackupReason; createdAt: string; sequence: number } | null {
  const match = NAME_PATTERN.exec(name)
  if (match === null) return null
  const [, year, month, day, hours, minutes, seconds, reason, sequence] = match
  return {
    reason: reason as BackupReason,
    createdAt: `${year}-${month}-${day}T${hours}:${minutes}:${seconds}`,
    sequence: sequence === undefined ? 1 : Number(sequence),
  }
}

function prune(dir: string, keep: number, spare: string | null): string[] {
  if (!Number.isInteger(keep) || keep < 0) {
    throw new RangeError(`keep must be a whole number ≥ 0 (got ${keep})`)
  }
  const automatic = listBackups(dir).filter(
    (backup) => AUTOMATIC_REASONS.has(backup.reason) && backup.file !== spare,
  )
  const kept = spare === null ? keep : Math.max(0, keep - 1)
  const deleted: string[] = []
  for (const backup of automatic.slice(kept)) {
    removeWithSidecars(backup.file)
    deleted.push(backup.file)
  }
  return deleted
}

/**
 * The safety copy taken before a restore. A read-only connection and the backup API give a
 * consistent copy that includes what is still in the `-wal`; a file SQLite cannot read (damaged
 * header, not a database at all) is kept byte for byte, with its sidecars.
 */
async function keepCurrentDatabase(
  databaseFile: string,
  dir: string,
  clock: BackupClock,
  driver: BetterSqlite3.Options,
): Promise<BackupInfo> {
  return writeBackup(dir, 'pre-restore', clock, async (temp) => {
    const sidecarsBefore = SIDECARS.filter((suffix) => existsSync(databaseFile + suffix))
    try {
      const source = new BetterSqlite3(databaseFile, {
        ...driver,
        readonly: true,
        fileMustExist: true,
      })
      try {
        await source.backup(temp)
      } finally {
        source.close()
      }
      useRollbackJournal(temp)
      return []
    } catch {
      removeWithSidecars(temp)
      copyFileSync(databaseFile, temp)
      const copied = SIDECARS.filter((suffix) => sidecarsBefore.includes(suffix))
      for (const suffix of copied) copyFileSync(databaseFile + suffix, temp + suffix)
      return copied
    } finally {
      // A read-only connection to a WAL-mode file creates an empty `-wal` and a `-shm`: tidy up.
      for (const suffix of ['-wal', '-shm'] as const) {
        if (!sidecarsBefore.includes(suffix)) removeIfEmptyOrShm(databaseFile + suffix, suffix)
      }
    }
  })
}

/**
 * Runs SQLite's integrity check and reads the schema version. `prepare` runs first, on the
 * open connection (the restore uses it to leave WAL mode on its staged copy).
 */
function inspectDatabase(
  file: string,
  latestSchemaVersion: number,
  options: BetterSqlite3.Options,
  prepare?: (db: BetterSqlite3.Database) => void,
): BackupCheck {
  let db: BetterSqlite3.Database
  try {
    db = new BetterSqlite3(file, options)
  } catch (error) {
    return { ok: false, reason: describeSqliteError(error) }
  }
  try {
    prepare?.(db)
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    )
    if (problems.length !== 1 || problems[0] !== 'ok') {
      return { ok: false, reason: `the file is damaged (${problems.slice(0, 3).join('; ')})` }
    }
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > latestSchemaVersion) {
      return {
        ok: false,
        reason:
          `it was written by a newer version of RepayPath (schema ${version}; this version ` +
          `knows schema ${latestSchemaVersion})`,
      }
    }
    if (version < 1) return { ok: false, reason: 'it is not a RepayPath database' }
    return { ok: true, schemaVersion: version }
  } catch (error) {
    return { ok: false, reason: describeSqliteError(error) }
  } finally {
    db.close()
  }
}

function describeSqliteError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_NOTADB') return 'it is not a database file'
  if (code === 'SQLITE_CORRUPT') return `the file is damaged (${messageOf(error)})`
  return `it cannot be read as a database (${messageOf(error)})`
}

/**
 * A copy made by the backup API keeps its source's header, which says "WAL mode" for the app's
 * database; every later reader would then create `-wal`/`-shm` files next to the backup. The
 * copy has no WAL content, so setting the two format bytes (offsets 18 and 19) back to 1 —
 * what `PRAGMA journal_mode = DELETE` writes — makes it a plain single-file database. Done on
 * the temporary file, without a second connection (and so without the native addon).
 */
function useRollbackJournal(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    const header = Buffer.alloc(20)
    const read = readSync(fd, header, 0, header.length, 0)
    const isWal = header[18] === 2 && header[19] === 2
    if (read === header.length && header.subarray(0, 16).equals(SQLITE_MAGIC) && isWal) {
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18)
    }
  } finally {
    closeSync(fd)
  }
}

/** Copies a database file and, if present, its `-wal` (the committed pages not yet in it). */
function copyWithWal(from: string, to: string): void {
  copyFileSync(from, to)
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`)
}

function removeWithSidecars(file: string): void {
  rmSync(file, { force: true })
  for (const suffix of SIDECARS) rmSync(file + suffix, { force: true })
}

function removeIfEmptyOrShm(file: string, suffix: '-wal' | '-shm'): void {
  try {
    if (suffix === '-shm' || statSync(file).size === 0) rmSync(file, { force: true })
  } catch {
    // not there: nothing to tidy
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames. */
function fsyncDirectory(dir: string): void {
  let fd: number
  try {
    fd = openSync(dir, 'r')
  } catch {
    return
  }
  try {
    fsyncSync(fd)
  } catch {
    // not supported here
  } finally {
    closeSync(fd)
  }
}

function samePath(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return false
  }
}

function refusal(backupFile: string, reason: string, after = 'Nothing was changed.'): ApiError {
  return new ApiError(
    'invalid_input',
    `The backup ${backupFile} cannot be restored: ${reason}. ${after}`,
    'backupFile',
  )
}

function driverOptions(options: BackupDriverOptions): BetterSqlite3.Options {
  return options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }
}

function uniqueSuffix(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
