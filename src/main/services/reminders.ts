import { sql, type Kysely, type Transaction } from 'kysely'
import type { Handlers, MethodOutput } from '@shared/api/contract'
import type { Reminder } from '@shared/api/reminder-schema'
import { civilDateSchema, type CivilDate } from '@shared/dates'
import type { Ledger } from '@shared/engine/ledger-types'
import {
  dueReminders,
  pruneDelivered,
  reminderLoan,
  windowStart,
  type ReminderLoan,
} from '@shared/reminders/scheduler'
import type { Database } from '../db/schema'
import type { ServiceContext } from './context'
import { followUps } from './contacts'
import { cachedLedger, ledgerKey, loadHistory } from './loan-data'
import { readSettings } from './settings'

/**
 * Reminders: the scheduler (shared/reminders) fed with each open loan's facts from the engine,
 * the follow-ups and the settings, and what has been delivered. Two rows of the settings table
 * hold the state, apart from the settings `settings.get` returns (which ignores keys it does
 * not know):
 *
 * - `remindersDelivered`: the ids delivered, pruned by their date (scheduler.pruneDelivered);
 * - `remindersSince`: the day of the first check, before which nothing is brought up.
 */

type Db = Kysely<Database> | Transaction<Database>

/** Each cached ledger's reminder facts, for one window: gone with the ledger when its loan changes. */
const factsByLedger = new WeakMap<Ledger, { key: string; loan: ReminderLoan | null }>()

const DELIVERED_KEY = 'remindersDelivered'
const SINCE_KEY = 'remindersSince'

interface ReminderState {
  delivered: string[]
  since: CivilDate | null
}

/** The state rows, read past the settings' typed keys; a row that does not parse counts as none. */
async function readState(db: Db): Promise<ReminderState> {
  const { rows } = await sql<{ key: string; value_json: string }>`
    select key, value_json from settings where key in (${DELIVERED_KEY}, ${SINCE_KEY})`.execute(db)
  const state: ReminderState = { delivered: [], since: null }
  for (const row of rows) {
    const value = JSON.parse(row.value_json) as unknown
    if (row.key === DELIVERED_KEY && Array.isArray(value)) {
      state.delivered = value.filter((id): id is string => typeof id === 'string')
    }
    if (row.key === SINCE_KEY && civilDateSchema.safeParse(value).success) {
      state.since = value as CivilDate
    }
  }
  return state
}

async function writeState(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value)
  await sql`insert into settings (key, value_json) values (${key}, ${json})
    on conflict (key) do update set value_json = excluded.value_json`.execute(db)
}

/** The reminders due on `asOf` (today by default) and not yet delivered. */
export async function dueNow(ctx: ServiceContext, asOf?: CivilDate): Promise<Reminder[]> {
  const today = asOf ?? ctx.clock.today()
  const [settings, state] = await Promise.all([readSettings(ctx.db), readState(ctx.db)])
  const kinds = settings.reminders
  const since = windowStart(state.since ?? ctx.clock.today(), today)

  const loans: ReminderLoan[] = []
  if (kinds.daysBefore > 0 || kinds.onDueDate || kinds.onStageChange) {
    const rows = await ctx.db
      .selectFrom('loans')
      .select('id')
      .where('archived', '=', 0)
      .orderBy('id')
      .execute()
    const key = `${since}:${today}:${kinds.onStageChange}`
    for (const { id } of rows) {
      // Today's ledger is cached until the loan changes: so are its facts (the stage walk
      // over the window's days costs about one ledger).
      let ledger = ctx.ledgers.peek(id, ledgerKey(today))
      let facts = ledger === undefined ? undefined : factsByLedger.get(ledger)
      if (ledger === undefined || facts?.key !== key) {
        const history = await loadHistory(ctx.db, id)
        ledger = cachedLedger(ctx, history, today)
        const loan = reminderLoan(
          history.loan,
          history.events,
          history.payments,
          ledger,
          since,
          today,
          kinds.onStageChange,
        )
        facts = { key, loan }
        factsByLedger.set(ledger, facts)
      }
      if (facts.loan !== null) loans.push(facts.loan)
    }
  }
  const followUpList = kinds.onFollowUp ? await followUps(ctx, today) : []

  const reminders = dueReminders({
    today,
    since,
    settings: kinds,
    delivered: new Set(state.delivered),
    loans,
    followUps: followUpList,
  })
  // The first check on this database: from now on, what is missed is brought up.
  if (state.since === null) await writeState(ctx.db, SINCE_KEY, ctx.clock.today())
  return reminders
}

/** Records the ids as delivered, in one transaction; how many were not already. */
export async function acknowledge(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<MethodOutput<'reminders.acknowledge'>> {
  return ctx.db.transaction().execute(async (trx) => {
    const state = await readState(trx)
    const known = new Set(state.delivered)
    const fresh = [...new Set(ids)].filter((id) => !known.has(id))
    await writeState(
      trx,
      DELIVERED_KEY,
      pruneDelivered([...state.delivered, ...fresh], ctx.clock.today()),
    )
    if (state.since === null) await writeState(trx, SINCE_KEY, ctx.clock.today())
    return { acknowledged: fresh.length }
  })
}

export function reminderHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'reminders.due' | 'reminders.acknowledge'> {
  return {
    'reminders.due': ({ asOf }) => dueNow(ctx, asOf),
    'reminders.acknowledge': ({ ids }) => acknowledge(ctx, ids),
  }
}
