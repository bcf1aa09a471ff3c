import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/api/contract'
import type { Reminder } from '@shared/api/reminder-schema'
import { addDays, type CivilDate } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { sumAmounts } from '@shared/engine/ledger-types'
import { presetTerms } from '@shared/engine/presets'
import { KEEP_DELIVERED_DAYS } from '@shared/reminders/scheduler'
import { startBackend, type Backend } from '../../src/main/backend'
import { dispatch } from '../../src/main/handlers'
import { useTempDir } from '../support/temp-dir'

/**
 * Reminders on real SQLite files, through the API as the transports call it: what is due
 * comes once, an acknowledgement survives a restart, a payment takes its installment's
 * reminders away, missed ones come once after days away, and the settings turn kinds off.
 */

const tempDir = useTempDir()
const open: Backend[] = []
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close()
})

/** A clock the test moves. */
function movableClock(start: CivilDate) {
  let today = start
  return {
    today: () => today,
    set: (date: CivilDate) => (today = date),
  }
}

async function backendOn(dataDir: string, clock: { today(): CivilDate }): Promise<Backend> {
  const backend = await startBackend({ dataDir, runtime: 'browser', clock })
  open.push(backend)
  return backend
}

async function call<T>(handlers: Handlers, method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error)
  return envelope.value as T
}

const due = (handlers: Handlers, asOf?: CivilDate) =>
  call<Reminder[]>(handlers, 'reminders.due', asOf === undefined ? {} : { asOf })
const dueIds = async (handlers: Handlers, asOf?: CivilDate) =>
  (await due(handlers, asOf)).map((reminder) => reminder.id)
const acknowledge = (handlers: Handlers, ids: string[]) =>
  call<{ acknowledged: number }>(handlers, 'reminders.acknowledge', { ids })

/** 微粒贷 of 12,000 yuan disbursed 2026-01-15: installments due on the 15th from 2026-02-15. */
const terms = presetTerms('webank', { principalFen: 1_200_000, disbursedOn: '2026-01-15' })

async function seedLoan(handlers: Handlers, name = '微粒贷'): Promise<number> {
  const loan = await call<{ id: number }>(handlers, 'loans.create', {
    name,
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms,
  })
  return loan.id
}

describe('reminders.due and reminders.acknowledge', () => {
  it('due → acknowledge → due again is empty, today and tomorrow', async () => {
    const clock = movableClock('2026-02-13')
    const { handlers } = await backendOn(tempDir(), clock)
    const loanId = await seedLoan(handlers)

    const reminders = await due(handlers)
    expect(reminders.map((r) => r.id)).toEqual([`due:${loanId}:2026-02-15:before`])
    const [ahead] = reminders
    const owed = sumAmounts(computeLedger(terms, [], [], '2026-02-13').installments[0]!.outstanding)
    expect(ahead).toMatchObject({ kind: 'due_soon', loanId, loanName: '微粒贷', amountFen: owed })
    expect(ahead!.texts['zh-CN'].title).toBe('“微粒贷”2天后到期')
    expect(ahead!.texts.en.title).toBe('微粒贷: due in 2 days')

    // Asking again without acknowledging gives the same (the page shows it until dismissed).
    expect(await dueIds(handlers)).toEqual([`due:${loanId}:2026-02-15:before`])
    expect(await acknowledge(handlers, [ahead!.id])).toEqual({ acknowledged: 1 })
    expect(await acknowledge(handlers, [ahead!.id])).toEqual({ acknowledged: 0 })
    expect(await due(handlers)).toEqual([])
    clock.set('2026-02-14')
    expect(await due(handlers)).toEqual([])
    clock.set('2026-02-15')
    expect(await dueIds(handlers)).toEqual([`due:${loanId}:2026-02-15:day`])
  })

  it('what was acknowledged stays acknowledged after a restart, and stays out of the settings', async () => {
    const dataDir = tempDir()
    const clock = movableClock('2026-02-15')
    const first = await backendOn(dataDir, clock)
    const loanId = await seedLoan(first.handlers)
    const ids = await dueIds(first.handlers)
    expect(ids).toEqual([`due:${loanId}:2026-02-15:day`])
    await acknowledge(first.handlers, ids)
    await first.close()
    open.splice(open.indexOf(first), 1)

    const second = await backendOn(dataDir, clock)
    expect(await due(second.handlers)).toEqual([])
    // The state lives in the settings table, but settings.get and the export do not show it.
    const settings = await call<object>(second.handlers, 'settings.get', {})
    expect(Object.keys(settings).sort()).toEqual(['language', 'lprTable', 'reminders'])
    const exported = await call<{ settings: object }>(second.handlers, 'data.export', {})
    expect(Object.keys(exported.settings).sort()).toEqual(['language', 'lprTable', 'reminders'])
    const rows = second.database.sqlite
      .prepare(`select key from settings where key like 'reminders%' order by key`)
      .all()
    expect(rows).toEqual([{ key: 'remindersDelivered' }, { key: 'remindersSince' }])
  })

  it('a payment takes its installment’s reminders away', async () => {
    const clock = movableClock('2026-02-13')
    const { handlers } = await backendOn(tempDir(), clock)
    const loanId = await seedLoan(handlers)
    const other = await seedLoan(handlers, 'Other loan')
    // Same date: by name.
    expect(await dueIds(handlers)).toEqual([
      `due:${other}:2026-02-15:before`,
      `due:${loanId}:2026-02-15:before`,
    ])
    const owed = sumAmounts(computeLedger(terms, [], [], '2026-02-13').installments[0]!.outstanding)
    await call(handlers, 'payments.add', { loanId, paidOn: '2026-02-13', amountFen: owed })
    expect(await dueIds(handlers)).toEqual([`due:${other}:2026-02-15:before`])
    // Nor does its due date or an overdue stage bring one later.
    clock.set('2026-02-20')
    expect(await dueIds(handlers)).toEqual([
      `stage:${other}:1:2026-02-17`,
      `due:${other}:2026-02-15:day`,
    ])
  })

  it('missed ones come once after days away; nothing from before the first check', async () => {
    const clock = movableClock('2026-03-19')
    const { handlers } = await backendOn(tempDir(), clock)
    const loanId = await seedLoan(handlers)
    await call(handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-03-18T10:00',
      channel: 'phone',
      party: 'collector',
      who: '李经理',
      followUpOn: '2026-03-25',
    })
    // The first check: the loan is in M2 since 03-18 and two installments are unpaid, all of it
    // from before this first check: nothing.
    expect(await due(handlers)).toEqual([])
    // Closed until 04-20: the due date of 04-15, the follow-up of 03-25 and M3 (04-17), once.
    clock.set('2026-04-20')
    const missed = await due(handlers)
    expect(missed.map((r) => r.id)).toEqual([
      `stage:${loanId}:3:2026-04-17`,
      `due:${loanId}:2026-04-15:day`,
      expect.stringMatching(/^followup:\d+:2026-03-25$/),
    ])
    expect(missed[2]!.texts['zh-CN'].body).toContain('李经理')
    await acknowledge(
      handlers,
      missed.map((r) => r.id),
    )
    expect(await due(handlers)).toEqual([])
    clock.set('2026-04-21')
    expect(await due(handlers)).toEqual([])
  })

  it('the Reminders settings turn kinds off', async () => {
    const clock = movableClock('2026-02-10')
    const { handlers } = await backendOn(tempDir(), clock)
    const loanId = await seedLoan(handlers)
    await due(handlers)
    clock.set('2026-02-13')
    expect(await dueIds(handlers)).toEqual([`due:${loanId}:2026-02-15:before`])
    const reminders = { daysBefore: 0, onDueDate: true, onStageChange: false, onFollowUp: true }
    await call(handlers, 'settings.update', { reminders })
    expect(await due(handlers)).toEqual([])
    clock.set('2026-02-18')
    expect(await dueIds(handlers)).toEqual([`due:${loanId}:2026-02-15:day`])
    await call(handlers, 'settings.update', {
      reminders: { ...reminders, onStageChange: true, daysBefore: 30 },
    })
    expect(await dueIds(handlers)).toEqual([
      `stage:${loanId}:1:2026-02-17`,
      `due:${loanId}:2026-02-15:day`,
      `due:${loanId}:2026-03-15:before`,
    ])
  })

  it('follows a change to the loan at once (nothing stale from a cache)', async () => {
    const clock = movableClock('2026-02-13')
    const { handlers } = await backendOn(tempDir(), clock)
    const loanId = await seedLoan(handlers)
    expect((await due(handlers))[0]?.texts.en.title).toBe('微粒贷: due in 2 days')
    await call(handlers, 'loans.update', { id: loanId, name: 'WeBank' })
    expect((await due(handlers))[0]?.texts.en.title).toBe('WeBank: due in 2 days')
    // A later first due date: nothing ahead any more.
    await call(handlers, 'loans.update', {
      id: loanId,
      terms: { ...terms, schedule: { ...terms.schedule, firstDueOn: '2026-03-01' } },
    })
    expect(await due(handlers)).toEqual([])
  })

  it('archived loans bring no reminders', async () => {
    const clock = movableClock('2026-02-13')
    const { handlers } = await backendOn(tempDir(), clock)
    const loanId = await seedLoan(handlers)
    await call(handlers, 'loans.archive', { id: loanId, archived: true })
    expect(await due(handlers)).toEqual([])
  })

  it(`forgets delivered ids dated more than ${KEEP_DELIVERED_DAYS} days back`, async () => {
    const clock = movableClock('2026-02-13')
    const backend = await backendOn(tempDir(), clock)
    const stored = () =>
      JSON.parse(
        (
          backend.database.sqlite
            .prepare(`select value_json from settings where key = 'remindersDelivered'`)
            .get() as { value_json: string }
        ).value_json,
      ) as string[]
    await acknowledge(backend.handlers, ['due:1:2026-02-15:before', 'followup:3:2026-01-02'])
    expect(stored().sort()).toEqual(['due:1:2026-02-15:before', 'followup:3:2026-01-02'])
    clock.set(addDays('2026-01-02', KEEP_DELIVERED_DAYS + 1))
    await acknowledge(backend.handlers, ['stage:1:2:2026-03-18'])
    expect(stored()).toEqual(['stage:1:2:2026-03-18', 'due:1:2026-02-15:before'])
  })

  it('refuses ids that are not reminder ids, and changes nothing', async () => {
    const backend = await backendOn(tempDir(), movableClock('2026-02-13'))
    for (const ids of [[], ['nope'], ['due:1:2026-02-15:soon'], ['stage:0:1:2026-02-15']]) {
      const envelope = await dispatch(backend.handlers, 'reminders.acknowledge', { ids })
      expect(envelope.ok).toBe(false)
      if (!envelope.ok) expect(envelope.error.code).toBe('invalid_input')
    }
    expect(
      backend.database.sqlite.prepare(`select key from settings where key like 'reminders%'`).all(),
    ).toEqual([])
  })
})
