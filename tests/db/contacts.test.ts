import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ContactRow, FollowUp } from '@shared/api/contact-schema'
import type { Handlers } from '@shared/api/contract'
import type { LoanEventRow } from '@shared/api/records'
import { fixedClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import type { Ledger } from '@shared/engine/ledger-types'
import { presetTerms } from '@shared/engine/presets'
import { startBackend, type Backend } from '../../src/main/backend'
import { dispatch } from '../../src/main/handlers'
import { useTempDir } from '../support/temp-dir'

/**
 * The contact log on real SQLite files: what is logged comes back as stored, each contact with
 * the collection rules it broke, an agreed plan is recorded with its contact or not at all, and
 * the dashboard's follow-ups are the ones still due.
 */

const TODAY = '2026-04-16'
const tempDir = useTempDir()
const open: Backend[] = []
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close()
})

async function backendOn(today: string): Promise<Backend> {
  const backend = await startBackend({
    dataDir: tempDir(),
    runtime: 'browser',
    clock: fixedClock(today),
  })
  open.push(backend)
  return backend
}

/** Calls a method as a transport would (input validated), returning the value or throwing the error. */
async function call<T>(handlers: Handlers, method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error)
  return envelope.value as T
}

async function failure(handlers: Handlers, method: string, input: unknown) {
  const envelope = await dispatch(handlers, method, input)
  if (envelope.ok) throw new Error(`${method} should have failed`)
  return envelope.error
}

function dump(backend: Backend): string {
  const tables = ['loans', 'payments', 'loan_events', 'checklist_items', 'contacts', 'settings']
  return JSON.stringify(
    tables.map((table) => backend.database.sqlite.prepare(`select * from ${table}`).all()),
  )
}

/** 微粒贷 of 10,000 yuan, first installment due 2026-02-15: two months overdue on TODAY. */
const webankTerms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-01-15' })

async function seedLoan(handlers: Handlers, name = '微粒贷'): Promise<number> {
  const loan = await call<{ id: number }>(handlers, 'loans.create', {
    name,
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms: webankTerms,
  })
  return loan.id
}

const kinds = (row: ContactRow) => row.violations.map((violation) => violation.kind)

describe('contacts: add, list, update, delete', () => {
  it('stores what was logged and gives it back, newest first', async () => {
    const { handlers } = await backendOn(TODAY)
    const loanId = await seedLoan(handlers)
    const first = await call<ContactRow & { event: unknown }>(handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-04-10T10:30',
      channel: 'phone',
      party: 'lender',
      who: '微众银行客服 95384',
      summary: '  问了还款安排，对方说可以申请分期  ',
      promises: '三天内回电',
      followUpOn: '2026-04-13',
    })
    expect(first).toMatchObject({
      loanId,
      occurredAt: '2026-04-10T10:30',
      channel: 'phone',
      direction: 'incoming',
      party: 'lender',
      who: '微众银行客服 95384',
      summary: '问了还款安排，对方说可以申请分期',
      promises: '三天内回电',
      followUpOn: '2026-04-13',
      violations: [],
      event: null,
    })
    const second = await call<ContactRow>(handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-04-12T09:00',
      channel: 'sms',
      party: 'collector',
    })
    expect(second).toMatchObject({ who: '', summary: '', promises: '', followUpOn: null })

    const listed = await call<ContactRow[]>(handlers, 'contacts.list', { loanId })
    expect(listed.map((row) => row.id)).toEqual([second.id, first.id])
    const { event: _event, ...firstRow } = first
    expect(listed[1]).toEqual(firstRow)

    // A patch changes what it names and nothing else; null clears the follow-up.
    const updated = await call<ContactRow>(handlers, 'contacts.update', {
      id: first.id,
      promises: '周五前回电',
      followUpOn: null,
    })
    expect(updated).toEqual({ ...firstRow, promises: '周五前回电', followUpOn: null })
    const moved = await call<ContactRow>(handlers, 'contacts.update', {
      id: first.id,
      occurredAt: '2026-04-14T08:15',
    })
    expect(moved.occurredAt).toBe('2026-04-14T08:15')
    expect((await call<ContactRow[]>(handlers, 'contacts.list', { loanId }))[0]?.id).toBe(first.id)

    expect(await call(handlers, 'contacts.delete', { id: first.id })).toEqual({ deleted: true })
    expect(
      (await call<ContactRow[]>(handlers, 'contacts.list', { loanId })).map((row) => row.id),
    ).toEqual([second.id])
    expect(await failure(handlers, 'contacts.delete', { id: first.id })).toMatchObject({
      code: 'not_found',
      field: 'id',
    })
  })

  it('refuses bad input with the field named, and unknown loans and contacts, changing nothing', async () => {
    const backend = await backendOn(TODAY)
    const { handlers } = backend
    const loanId = await seedLoan(handlers)
    const contact = await call<ContactRow>(handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-04-10T10:30',
      channel: 'phone',
      party: 'lender',
    })
    const before = dump(backend)
    const valid = { loanId, occurredAt: '2026-04-15T10:00', channel: 'phone', party: 'collector' }
    const cases: [string, unknown, string, string][] = [
      ['contacts.add', { ...valid, occurredAt: '2026-04-15 10:00' }, 'invalid_input', 'occurredAt'],
      ['contacts.add', { ...valid, occurredAt: '2026-02-30T10:00' }, 'invalid_input', 'occurredAt'],
      ['contacts.add', { ...valid, occurredAt: '2026-04-15T24:00' }, 'invalid_input', 'occurredAt'],
      ['contacts.add', { ...valid, occurredAt: '2026-04-15T10:60' }, 'invalid_input', 'occurredAt'],
      // Not yet happened: what is planned is a follow-up.
      ['contacts.add', { ...valid, occurredAt: '2026-04-17T00:00' }, 'invalid_input', 'occurredAt'],
      ['contacts.add', { ...valid, channel: 'fax' }, 'invalid_input', 'channel'],
      ['contacts.add', { ...valid, party: 'neighbour' }, 'invalid_input', 'party'],
      ['contacts.add', { ...valid, direction: 'sideways' }, 'invalid_input', 'direction'],
      ['contacts.add', { ...valid, who: 'x'.repeat(101) }, 'invalid_input', 'who'],
      ['contacts.add', { ...valid, summary: 'a\u0000b' }, 'invalid_input', 'summary'],
      ['contacts.add', { ...valid, followUpOn: '2026-04-31' }, 'invalid_input', 'followUpOn'],
      ['contacts.add', { ...valid, extra: 1 }, 'invalid_input', 'input'],
      ['contacts.add', { ...valid, loanId: 999 }, 'not_found', 'loanId'],
      [
        'contacts.add',
        { ...valid, agreedPlan: { on: '2026-04-15', installments: [] } },
        'invalid_input',
        'agreedPlan.installments',
      ],
      ['contacts.list', { loanId: 999 }, 'not_found', 'loanId'],
      ['contacts.update', { id: contact.id, loanId }, 'invalid_input', 'input'],
      ['contacts.update', { id: contact.id, party: 'nobody' }, 'invalid_input', 'party'],
      [
        'contacts.update',
        { id: contact.id, occurredAt: '2026-05-01T09:00' },
        'invalid_input',
        'occurredAt',
      ],
      ['contacts.update', { id: 999, who: '张三' }, 'not_found', 'id'],
      ['contacts.delete', { id: 999 }, 'not_found', 'id'],
    ]
    for (const [method, input, code, field] of cases) {
      expect(
        await failure(handlers, method, input),
        `${method} ${JSON.stringify(input)}`,
      ).toMatchObject({ code, field })
    }
    expect(dump(backend)).toBe(before)
  })

  it('drops the loan’s cached results on every write (the action plan reads the contacts)', async () => {
    const backend = await backendOn(TODAY)
    const loanId = await seedLoan(backend.handlers)
    const invalidate = vi.spyOn(backend.context.ledgers, 'invalidate')
    const contact = await call<ContactRow>(backend.handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-04-10T10:30',
      channel: 'phone',
      party: 'collector',
    })
    await call(backend.handlers, 'contacts.update', { id: contact.id, party: 'lender' })
    await call(backend.handlers, 'contacts.delete', { id: contact.id })
    expect(invalidate.mock.calls).toEqual([[loanId], [loanId], [loanId]])
  })

  it('deletes a loan’s contacts with the loan', async () => {
    const backend = await backendOn(TODAY)
    const loanId = await seedLoan(backend.handlers)
    await call(backend.handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-04-10T10:30',
      channel: 'phone',
      party: 'lender',
    })
    await call(backend.handlers, 'loans.delete', { id: loanId })
    expect(backend.database.sqlite.prepare('select count(*) from contacts').pluck().get()).toBe(0)
  })
})

describe('contacts: the collection rules', () => {
  it('flags a night call, a fourth call in a day and a third party, and not the user’s own calls', async () => {
    const { handlers } = await backendOn(TODAY)
    const loanId = await seedLoan(handlers)
    const add = (input: Record<string, unknown>) =>
      call<ContactRow>(handlers, 'contacts.add', { loanId, channel: 'phone', ...input })

    const night = await add({ occurredAt: '2026-04-14T23:00', party: 'collector' })
    expect(kinds(night)).toEqual(['night'])
    expect(night.violations[0]?.sources).toContain('collection-standard-gbt-45251')

    // The user calling the lender at 23:00 breaks no rule.
    const own = await add({
      occurredAt: '2026-04-14T23:00',
      party: 'lender',
      direction: 'outgoing',
    })
    expect(kinds(own)).toEqual([])

    // Three calls on one day are allowed; the fourth is one too many (and is flagged as added).
    const calls = []
    for (const time of ['09:00', '11:00', '14:00']) {
      calls.push(await add({ occurredAt: `2026-04-15T${time}`, party: 'collector' }))
    }
    expect(calls.flatMap(kinds)).toEqual([])
    const fourth = await add({ occurredAt: '2026-04-15T16:00', party: 'lender' })
    expect(kinds(fourth)).toEqual(['too_many_calls'])
    expect(fourth.violations[0]?.sources).toContain('collection-nifa-2024')

    const thirdParty = await add({
      occurredAt: '2026-04-13T15:00',
      party: 'third_party',
      channel: 'wechat',
      who: '同事收到催收电话',
    })
    expect(kinds(thirdParty)).toEqual(['third_party'])
    expect(thirdParty.violations[0]?.sources).toContain('collection-third-parties')

    const listed = await call<ContactRow[]>(handlers, 'contacts.list', { loanId })
    const flagged = new Map(listed.map((row) => [row.id, kinds(row)]))
    expect(flagged.get(night.id)).toEqual(['night'])
    expect(flagged.get(own.id)).toEqual([])
    expect(flagged.get(fourth.id)).toEqual(['too_many_calls'])
    expect(flagged.get(thirdParty.id)).toEqual(['third_party'])
    expect(calls.map((row) => flagged.get(row.id))).toEqual([[], [], []])

    // Moving the fourth call to another day clears its flag; moving it back brings it back.
    const movedAway = await call<ContactRow>(handlers, 'contacts.update', {
      id: fourth.id,
      occurredAt: '2026-04-16T10:00',
    })
    expect(kinds(movedAway)).toEqual([])
    const movedBack = await call<ContactRow>(handlers, 'contacts.update', {
      id: fourth.id,
      occurredAt: '2026-04-15T16:00',
    })
    expect(kinds(movedBack)).toEqual(['too_many_calls'])
    // Another loan's log is judged on its own.
    const other = await seedLoan(handlers, '另一笔')
    const elsewhere = await call<ContactRow>(handlers, 'contacts.add', {
      loanId: other,
      occurredAt: '2026-04-15T17:00',
      channel: 'phone',
      party: 'collector',
    })
    expect(kinds(elsewhere)).toEqual([])
  })
})

describe('contacts: an agreed plan', () => {
  const plan = {
    on: '2026-04-15',
    installments: [
      { dueOn: '2026-05-15', principalFen: 500_000, interestFen: 10_000 },
      { dueOn: '2026-06-15', principalFen: 500_000, interestFen: 5_000 },
    ],
  }

  it('becomes an agreed_plan event with its contact, as events.add records it', async () => {
    const { handlers } = await backendOn(TODAY)
    const loanId = await seedLoan(handlers)
    const before = await call<Ledger>(handlers, 'loans.ledger', { id: loanId })
    expect(before.overdueFen).toBeGreaterThan(0)

    const added = await call<ContactRow & { event: LoanEventRow }>(handlers, 'contacts.add', {
      loanId,
      occurredAt: '2026-04-15T10:00',
      channel: 'phone',
      party: 'lender',
      summary: '同意分两期还清，减免罚息',
      agreedPlan: plan,
    })
    expect(added.event).toMatchObject({
      loanId,
      event: { type: 'agreed_plan', ...plan },
      note: '同意分两期还清，减免罚息',
    })
    const events = await call<LoanEventRow[]>(handlers, 'events.list', { loanId })
    expect(events).toEqual([added.event])

    // The ledger was recomputed (the cache dropped): the plan is what is owed now.
    const after = await call<Ledger>(handlers, 'loans.ledger', { id: loanId })
    const expected = computeLedger(webankTerms, [events[0]!.event], [], TODAY)
    expect(after.payoffFen).toBe(expected.payoffFen)
    expect(after.overdueFen).toBe(0)
    expect(after.installments.filter((line) => line.origin === 'agreed_plan')).toHaveLength(2)
  })

  it('refuses a plan the engine cannot compute, leaving the contact unsaved too', async () => {
    const backend = await backendOn(TODAY)
    const { handlers } = backend
    const loanId = await seedLoan(handlers)
    const ledgerBefore = await call<Ledger>(handlers, 'loans.ledger', { id: loanId })
    const before = dump(backend)
    const input = {
      loanId,
      occurredAt: '2026-04-15T10:00',
      channel: 'phone',
      party: 'lender',
      summary: '说好的分期',
    }
    // An installment due before the plan was agreed.
    expect(
      await failure(handlers, 'contacts.add', {
        ...input,
        agreedPlan: { ...plan, installments: [{ ...plan.installments[0]!, dueOn: '2026-04-01' }] },
      }),
    ).toMatchObject({ code: 'invalid_input', field: 'agreedPlan' })
    // A plan dated before the loan was disbursed.
    expect(
      await failure(handlers, 'contacts.add', {
        ...input,
        agreedPlan: { ...plan, on: '2025-12-01' },
      }),
    ).toMatchObject({ code: 'invalid_input', field: 'agreedPlan' })
    expect(dump(backend)).toBe(before)
    expect(await call<Ledger>(handlers, 'loans.ledger', { id: loanId })).toEqual(ledgerBefore)
  })
})

describe('contacts: follow-ups', () => {
  it('lists follow-ups past or due within 14 days, not superseded, on open loans, soonest first', async () => {
    const { handlers } = await backendOn(TODAY)
    const first = await seedLoan(handlers, '微粒贷')
    const second = await seedLoan(handlers, '借呗')
    const third = await seedLoan(handlers, '旧贷款')
    const fourth = await seedLoan(handlers, '花呗')
    const add = (loanId: number, occurredAt: string, followUpOn: string | null, who = '') =>
      call<ContactRow>(handlers, 'contacts.add', {
        loanId,
        occurredAt,
        channel: 'phone',
        party: 'lender',
        who,
        promises: '回电',
        followUpOn,
      })

    // The first loan: an older follow-up superseded by a later contact with its own.
    await add(first, '2026-04-01T10:00', '2026-04-05')
    const current = await add(first, '2026-04-10T10:00', '2026-04-30', '客服')
    // The second: one already past (still listed), and on the fourth one two weeks and a day out.
    const past = await add(second, '2026-04-02T10:00', '2026-04-09')
    await add(fourth, '2026-04-03T10:00', '2026-05-01')
    // A later contact without a follow-up supersedes an earlier one's.
    await add(third, '2026-04-03T10:00', '2026-04-20')
    await add(third, '2026-04-11T10:00', null)

    const listed = await call<FollowUp[]>(handlers, 'contacts.followUps', {})
    expect(listed).toEqual([
      {
        contactId: past.id,
        loanId: second,
        loanName: '借呗',
        followUpOn: '2026-04-09',
        daysUntil: -7,
        occurredAt: '2026-04-02T10:00',
        channel: 'phone',
        party: 'lender',
        who: '',
        promises: '回电',
      },
      expect.objectContaining({
        contactId: current.id,
        loanName: '微粒贷',
        followUpOn: '2026-04-30',
        daysUntil: 14,
        who: '客服',
      }),
    ])

    // On another day: the fourth loan's comes within 14 days.
    const later = await call<FollowUp[]>(handlers, 'contacts.followUps', { asOf: '2026-04-17' })
    expect(later.map((item) => [item.loanName, item.daysUntil])).toEqual([
      ['借呗', -8],
      ['微粒贷', 13],
      ['花呗', 14],
    ])

    // Archived loans drop out.
    await call(handlers, 'loans.archive', { id: second, archived: true })
    expect(
      (await call<FollowUp[]>(handlers, 'contacts.followUps', {})).map((item) => item.loanName),
    ).toEqual(['微粒贷'])
    // Nothing due: an empty list.
    await call(handlers, 'contacts.update', { id: current.id, followUpOn: null })
    expect(await call(handlers, 'contacts.followUps', {})).toEqual([])
  })
})
