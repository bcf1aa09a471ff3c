import type { Kysely } from 'kysely'
import type { Handlers, MethodOutput, ParsedInput } from '@shared/api/contract'
import type { ChecklistItem } from '@shared/api/checklist-schema'
import { ApiError } from '@shared/api/errors'
import type { CivilDate } from '@shared/dates'
import type { ContactFacts } from '@shared/playbook/contact-rules'
import { generatePlan } from '@shared/playbook/generate'
import {
  HARDSHIPS,
  loanState,
  type Hardship,
  type LoanSituation,
} from '@shared/playbook/loan-state'
import type { Database } from '../db/schema'
import { nowStamp, type ServiceContext } from './context'
import { cachedLedger, getLoan, loadHistory } from './loan-data'
import { readSettings } from './settings'

/**
 * The action plan of each loan: the playbook's items for its current state (generated each
 * time from its ledger, contacts and situation), and the user's state of each item, kept by
 * item key in `checklist_items` so that it survives the plan changing around it. The same
 * table keeps the user's situation under two reserved keys, so that it travels with the
 * checklist through export and import.
 */

type Checklist = MethodOutput<'checklist.get'>
type Db = Kysely<Database>

const HARDSHIP_KEY = 'situation:hardship'
const LAWSUIT_KEY = 'situation:lawsuit'

interface StateRow {
  item_key: string
  state: 'open' | 'done' | 'skipped'
  state_on: string | null
  note: string
}

function situationOf(rows: readonly StateRow[]): LoanSituation {
  const hardship = rows.find((row) => row.item_key === HARDSHIP_KEY)?.note
  const lawsuit = rows.find((row) => row.item_key === LAWSUIT_KEY)?.state_on ?? null
  return {
    hardship: (HARDSHIPS as readonly string[]).includes(hardship ?? '')
      ? (hardship as Hardship)
      : null,
    lawsuitNoticeOn: lawsuit,
  }
}

async function contactsOf(db: Db, loanId: number): Promise<ContactFacts[]> {
  return db
    .selectFrom('contacts')
    .select(['id', 'occurred_at as occurredAt', 'channel', 'direction', 'party'])
    .where('loan_id', '=', loanId)
    .execute()
}

/** A loan's plan, from the cache until the loan, its contacts or its checklist change. */
export function readChecklist(
  ctx: ServiceContext,
  loanId: number,
  asOf: CivilDate = ctx.clock.today(),
): Promise<Checklist> {
  return ctx.ledgers.checklist(loanId, asOf, () => computeChecklist(ctx, loanId, asOf))
}

async function computeChecklist(
  ctx: ServiceContext,
  loanId: number,
  asOf: CivilDate,
): Promise<Checklist> {
  const db = ctx.db
  const history = await loadHistory(db, loanId, 'loanId')
  const { loan, events, payments } = history
  const [contacts, rows, settings] = await Promise.all([
    contactsOf(db, loanId),
    db
      .selectFrom('checklist_items')
      .select(['item_key', 'state', 'state_on', 'note'])
      .where('loan_id', '=', loanId)
      .execute(),
    readSettings(db),
  ])
  const situation = situationOf(rows)
  const state = loanState({
    lenderKind: loan.lenderKind,
    terms: loan.terms,
    events: events.filter((event) => event.on <= asOf),
    payments: payments.filter((payment) => payment.paidOn <= asOf),
    contacts,
    situation,
    today: asOf,
    ...(settings.lprTable === null ? {} : { lprTable: settings.lprTable }),
    ledger: cachedLedger(ctx, history, asOf),
  })
  const saved = new Map(rows.map((row) => [row.item_key, row]))
  const items: ChecklistItem[] = generatePlan(state).map((item) => {
    const row = saved.get(item.key)
    return {
      ...item,
      sources: [...item.sources],
      state: row?.state ?? 'open',
      stateOn: row?.state_on ?? null,
      note: row?.note ?? '',
    }
  })
  const count = (state: ChecklistItem['state']) => items.filter((i) => i.state === state).length
  return {
    loanId,
    asOf,
    situation,
    items,
    progress: {
      done: count('done'),
      skipped: count('skipped'),
      open: count('open'),
      total: items.length,
    },
  }
}

async function upsertRow(
  db: Db,
  loanId: number,
  key: string,
  values: { state: StateRow['state']; state_on: string | null; note: string },
): Promise<void> {
  const updatedAt = nowStamp()
  await db
    .insertInto('checklist_items')
    .values({ loan_id: loanId, item_key: key, ...values, updated_at: updatedAt })
    .onConflict((oc) =>
      oc.columns(['loan_id', 'item_key']).doUpdateSet({ ...values, updated_at: updatedAt }),
    )
    .execute()
}

export async function setItemState(
  ctx: ServiceContext,
  input: ParsedInput<'checklist.setState'>,
): Promise<Checklist> {
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, input.loanId, 'loanId')
    await upsertRow(trx, input.loanId, input.itemKey, {
      state: input.state,
      state_on: input.state === 'open' ? null : (input.stateOn ?? today),
      note: input.note,
    })
  })
  ctx.ledgers.invalidate(input.loanId)
  return readChecklist(ctx, input.loanId)
}

export async function setSituation(
  ctx: ServiceContext,
  input: ParsedInput<'checklist.setSituation'>,
): Promise<Checklist> {
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    await getLoan(trx, input.loanId, 'loanId')
    const remove = (key: string) =>
      trx
        .deleteFrom('checklist_items')
        .where('loan_id', '=', input.loanId)
        .where('item_key', '=', key)
        .execute()
    if (input.hardship === null) await remove(HARDSHIP_KEY)
    else {
      await upsertRow(trx, input.loanId, HARDSHIP_KEY, {
        state: 'done',
        state_on: today,
        note: input.hardship,
      })
    }
    if (input.lawsuitNoticeOn === null) await remove(LAWSUIT_KEY)
    else {
      await upsertRow(trx, input.loanId, LAWSUIT_KEY, {
        state: 'done',
        state_on: input.lawsuitNoticeOn,
        note: '',
      })
    }
  })
  ctx.ledgers.invalidate(input.loanId)
  return readChecklist(ctx, input.loanId)
}

export function checklistHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  'checklist.get' | 'checklist.setState' | 'checklist.setSituation' | 'checklist.progress'
> {
  return {
    'checklist.get': async ({ loanId, asOf }) => {
      const loan = await getLoan(ctx.db, loanId, 'loanId')
      if (asOf !== undefined && asOf < loan.terms.disbursedOn) {
        throw new ApiError('invalid_input', 'asOf: a plan starts at the disbursement', 'asOf')
      }
      return readChecklist(ctx, loanId, asOf)
    },
    'checklist.setState': (input) => setItemState(ctx, input),
    'checklist.setSituation': (input) => setSituation(ctx, input),
    'checklist.progress': async ({ asOf }) => {
      const today = asOf ?? ctx.clock.today()
      const loans = await ctx.db
        .selectFrom('loans')
        .select(['id', 'disbursed_on'])
        .where('archived', '=', 0)
        .orderBy('id')
        .execute()
      const progress = []
      for (const loan of loans) {
        if (loan.disbursed_on > today) continue
        const checklist = await readChecklist(ctx, loan.id, today)
        progress.push({ loanId: loan.id, ...checklist.progress })
      }
      return progress
    },
  }
}
