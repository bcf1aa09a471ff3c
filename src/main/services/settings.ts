import type { Kysely } from 'kysely'
import {
  settingsSchema,
  type Handlers,
  type Settings,
  type SettingsPatch,
} from '@shared/api/contract'
import type { Database, SettingKey } from '../db/schema'
import type { ServiceContext } from './context'

const DEFAULT_SETTINGS: Settings = { language: null }

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute()
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json)]))
  // Unknown or malformed stored values fall back to the defaults rather than breaking start-up.
  const parsed = settingsSchema.partial().safeParse(stored)
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) }
}

export async function updateSettings(
  db: Kysely<Database>,
  patch: SettingsPatch,
): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(patch)) {
      await trx
        .insertInto('settings')
        .values({ key: key as SettingKey, value_json: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value) }))
        .execute()
    }
  })
  return readSettings(db)
}

export function settingsHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch) => updateSettings(ctx.db, patch),
  }
}
