import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { Handlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import {
  backupsDir,
  createBackup,
  listBackups,
  type BackupClock,
  type BackupInfo,
} from '../db/backup'

/** What the backup methods need; they work in recovery mode too, when no database is open. */
export interface BackupDeps {
  dataDir: string
  time: BackupClock
  /** The open connection, or null when the database could not be opened. */
  sqlite(): BetterSqlite3.Database | null
  /** Replaces the database with a backup (a safety copy of the current file comes first) and reopens it. */
  restore(backupFile: string): Promise<{ restoredFrom: string; safetyCopy: string | null }>
}

function publicInfo(info: BackupInfo) {
  return {
    name: info.name,
    reason: info.reason,
    createdAt: info.createdAt,
    sizeBytes: info.sizeBytes,
  }
}

export function backupHandlers(
  deps: BackupDeps,
): Pick<Handlers, 'backup.list' | 'backup.create' | 'backup.restore'> {
  const dir = backupsDir(deps.dataDir)
  return {
    'backup.list': () => listBackups(dir).map(publicInfo),
    'backup.create': async () => {
      const sqlite = deps.sqlite()
      if (sqlite === null)
        throw new ApiError('database_unusable', 'There is no open database to back up')
      return publicInfo(await createBackup(sqlite, dir, 'manual', deps.time))
    },
    'backup.restore': async ({ name }) => {
      if (!listBackups(dir).some((info) => info.name === name)) {
        throw new ApiError('not_found', `There is no backup named ${name}`, 'name')
      }
      const { restoredFrom, safetyCopy } = await deps
        .restore(join(dir, name))
        .catch((error: unknown) => {
          // The restore names its own parameter; the caller knows the backup by `name`.
          if (error instanceof ApiError && error.field === 'backupFile')
            throw new ApiError(error.code, error.message, 'name')
          throw error
        })
      return {
        restoredFrom: restoredFrom.split(/[\\/]/).at(-1)!,
        safetyCopy: safetyCopy?.split(/[\\/]/).at(-1) ?? null,
      }
    },
  }
}
