import type { Kysely } from 'kysely'
import {
  DEFAULT_REMINDERS,
  settingsSchema,
  type Handlers,
  type Settings,
  type SettingsPatch,
} from '@shared/api/contract'
import type { Database, SettingKey } from '../db/schema'
import { definedOnly, type ServiceContext } from './context'

const DEFAULT_SETTINGS: Settings = { language: null, lprTable: null, reminders: DEFAULT_REMINDERS }

export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value_json']).execute()
  const settings: Settings = { ...DEFAULT_SETTINGS }
  for (const row of rows) {
    // A stored value that no longer parses falls back to its default rather than breaking start-up.
    const parsed = settingsSchema.shape[row.key]?.safeParse(JSON.parse(row.value_json))
    if (parsed?.success) Object.assign(settings, { [row.key]: parsed.data })
  }
  return settings
}

export async function updateSettings(
  db: Kysely<Database>,
  patch: SettingsPatch,
): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(definedOnly(patch))) {
      const valueJson = JSON.stringify(value)
      await trx
        .insertInto('settings')
        .values({ key: key as SettingKey, value_json: valueJson })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: valueJson }))
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
