import { describe, expect, it } from 'vitest'
import { REMINDER_ID_PATTERN, type Reminder } from '@shared/api/reminder-schema'
import { DEFAULT_REMINDERS, type Reminders } from '@shared/api/settings-schema'
import { addDays, formatCivilDate, type CivilDate } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { sumAmounts } from '@shared/engine/ledger-types'
import { presetTerms } from '@shared/engine/presets'
import type { LoanEvent, LoanTerms, Payment } from '@shared/engine/terms'
import { formatFen } from '@shared/money'
import {
  dueReminders,
  KEEP_DELIVERED_DAYS,
  MISSED_DAYS,
  pruneDelivered,
  reminderIdDate,
  reminderLoan,
  stageDays,
  stageEntered,
  windowStart,
  type ReminderFollowUp,
} from '@shared/reminders/scheduler'

/**
 * The reminder scheduler with an explicit "today": which reminders a table of loans and dates
 * brings, that none comes twice, that each kind can be turned off, and that one missed while
 * the app was closed comes once at the next start. The loans' facts come from the engine.
 */

interface LoanCase {
  loan: { id: number; name: string; terms: LoanTerms }
  events: LoanEvent[]
  payments: Payment[]
}
interface World {
  loans: LoanCase[]
  followUps: ReminderFollowUp[]
}

/** 微粒贷 (1 day of grace), due on the 15th from 2026-02-15. */
const webank: LoanCase['loan'] = {
  id: 1,
  name: '微粒贷',
  terms: presetTerms('webank', { principalFen: 1_200_000, disbursedOn: '2026-01-15' }),
}
/** A bank loan in 6 installments (no grace), due on the 20th from 2026-03-20. */
const bank: LoanCase['loan'] = {
  id: 2,
  name: 'Bank loan',
  terms: presetTerms('bank_installment', {
    principalFen: 600_000,
    disbursedOn: '2026-02-20',
    periods: 6,
  }),
}
const followUp: ReminderFollowUp = {
  contactId: 7,
  loanId: 1,
  loanName: '微粒贷',
  followUpOn: '2026-03-01',
  party: 'collector',
  who: '王先生',
  promises: '3月5日前回电',
}

function world(
  payments: { [loanId: number]: Payment[] } = {},
  events: { [loanId: number]: LoanEvent[] } = {},
): World {
  return {
    loans: [webank, bank].map((loan) => ({
      loan,
      payments: payments[loan.id] ?? [],
      events: events[loan.id] ?? [],
    })),
    followUps: [followUp],
  }
}

/** One check, as the service makes it: the loans' facts from the engine on `today`. */
function check(
  w: World,
  today: CivilDate,
  {
    firstCheck = '2026-02-01',
    delivered = new Set<string>(),
    settings = DEFAULT_REMINDERS,
  }: { firstCheck?: CivilDate; delivered?: ReadonlySet<string>; settings?: Reminders } = {},
): Reminder[] {
  const since = windowStart(firstCheck, today)
  const loans = w.loans.flatMap(({ loan, events, payments }) => {
    const ledger = computeLedger(loan.terms, events, payments, today)
    return reminderLoan(loan, events, payments, ledger, since, today) ?? []
  })
  return dueReminders({ today, since, settings, delivered, loans, followUps: w.followUps })
}

const ids = (reminders: readonly Reminder[]) => reminders.map((reminder) => reminder.id)

/**
 * The app checking once a day from `from` to `to`, delivering everything it is given: the
 * ids delivered on each day that brought any. Fails if an id comes twice.
 */
function walk(
  w: World,
  from: CivilDate,
  to: CivilDate,
  settings: Reminders = DEFAULT_REMINDERS,
  everyDays = 1,
): Record<CivilDate, string[]> {
  const delivered = new Set<string>()
  const byDay: Record<CivilDate, string[]> = {}
  for (let day = from; day <= to; day = addDays(day, everyDays)) {
    const due = ids(check(w, day, { firstCheck: from, delivered, settings }))
    for (const id of due) {
      expect(delivered.has(id), `${id} came twice (again on ${day})`).toBe(false)
      delivered.add(id)
    }
    if (due.length > 0) byDay[day] = due
  }
  return byDay
}

describe('which reminders fire on which day', () => {
  it('checked every day from 2026-02-10 to 2026-04-30, each comes on its day, once', () => {
    expect(walk(world(), '2026-02-10', '2026-04-30')).toEqual({
      '2026-02-12': ['due:1:2026-02-15:before'],
      '2026-02-15': ['due:1:2026-02-15:day'],
      // The day after the due date: the grace day; the day after it, M1.
      '2026-02-16': ['stage:1:grace:2026-02-16'],
      '2026-02-17': ['stage:1:1:2026-02-17'],
      '2026-03-01': ['followup:7:2026-03-01'],
      '2026-03-12': ['due:1:2026-03-15:before'],
      // The second installment falls due while the first is overdue: still M1, no stage.
      '2026-03-15': ['due:1:2026-03-15:day'],
      '2026-03-17': ['due:2:2026-03-20:before'],
      // 31 days after 2026-02-15: M2.
      '2026-03-18': ['stage:1:2:2026-03-18'],
      '2026-03-20': ['due:2:2026-03-20:day'],
      // No grace on the bank loan: M1 the day after.
      '2026-03-21': ['stage:2:1:2026-03-21'],
      '2026-04-12': ['due:1:2026-04-15:before'],
      '2026-04-15': ['due:1:2026-04-15:day'],
      '2026-04-17': ['stage:1:3:2026-04-17', 'due:2:2026-04-20:before'],
      '2026-04-20': ['stage:2:2:2026-04-20', 'due:2:2026-04-20:day'],
    })
  })

  it('a reminder delivered today does not come again today, tomorrow or a week later', () => {
    const w = world()
    const delivered = new Set(ids(check(w, '2026-03-18')))
    // (The first installment, due 2026-02-15, is more than MISSED_DAYS back: not brought up.)
    expect([...delivered]).toEqual([
      'stage:1:2:2026-03-18',
      'due:1:2026-03-15:day',
      'due:2:2026-03-20:before',
      'followup:7:2026-03-01',
    ])
    expect(check(w, '2026-03-18', { delivered })).toEqual([])
    expect(check(w, '2026-03-19', { delivered })).toEqual([])
    // A week later only what is new: the bank loan's due date and its M1.
    expect(ids(check(w, '2026-03-25', { delivered }))).toEqual([
      'stage:2:1:2026-03-21',
      'due:2:2026-03-20:day',
    ])
  })

  it('checked only every 9 days, everything still comes, once, at the next check', () => {
    expect(walk(world(), '2026-02-10', '2026-04-30', DEFAULT_REMINDERS, 9)).toEqual({
      '2026-02-19': ['stage:1:1:2026-02-17', 'due:1:2026-02-15:day'],
      '2026-03-09': ['followup:7:2026-03-01'],
      // The bank loan's reminder 3 days ahead comes 2 days ahead.
      '2026-03-18': ['stage:1:2:2026-03-18', 'due:1:2026-03-15:day', 'due:2:2026-03-20:before'],
      '2026-03-27': ['stage:2:1:2026-03-21', 'due:2:2026-03-20:day'],
      '2026-04-14': ['due:1:2026-04-15:before'],
      // Its reminder ahead was missed (checks on 04-14 and 04-23): the due date's comes instead.
      '2026-04-23': [
        'stage:1:3:2026-04-17',
        'stage:2:2:2026-04-20',
        'due:1:2026-04-15:day',
        'due:2:2026-04-20:day',
      ],
    })
  })

  it('shows missed ones once after a gap of several days, and only the stage it is in now', () => {
    const w = world()
    const delivered = new Set(ids(check(w, '2026-02-12', { firstCheck: '2026-02-12' })))
    expect([...delivered]).toEqual(['due:1:2026-02-15:before'])
    // Closed from the 13th to the 20th: the due date and the overdue stage come once; the
    // grace day it passed through is over and not brought up.
    const missed = check(w, '2026-02-20', { firstCheck: '2026-02-12', delivered })
    expect(ids(missed)).toEqual(['stage:1:1:2026-02-17', 'due:1:2026-02-15:day'])
    for (const id of ids(missed)) delivered.add(id)
    expect(check(w, '2026-02-20', { firstCheck: '2026-02-12', delivered })).toEqual([])
    expect(check(w, '2026-02-21', { firstCheck: '2026-02-12', delivered })).toEqual([])
  })
})

describe('the walk above, with a pause of several days', () => {
  it('matches the daily walk but for the days it skipped', () => {
    const w = world()
    const delivered = new Set<string>()
    const run = (day: CivilDate) => {
      const due = ids(check(w, day, { firstCheck: '2026-02-10', delivered }))
      for (const id of due) delivered.add(id)
      return due
    }
    expect(run('2026-02-14')).toEqual(['due:1:2026-02-15:before'])
    expect(run('2026-02-15')).toEqual(['due:1:2026-02-15:day'])
    // Away until March 3: the stage it is in now (M1), and the follow-up that came meanwhile.
    expect(run('2026-03-03')).toEqual(['stage:1:1:2026-02-17', 'followup:7:2026-03-01'])
    expect(run('2026-03-04')).toEqual([])
  })
})

describe('the first check and long absences', () => {
  it('a first check brings up nothing from before it, only what is due ahead', () => {
    // First start on 2026-03-19: the 微粒贷 is in M2 since the 18th, two installments unpaid.
    expect(ids(check(world(), '2026-03-19', { firstCheck: '2026-03-19' }))).toEqual([
      'due:2:2026-03-20:before',
    ])
  })

  it(`after more than ${MISSED_DAYS} days away, only the last ${MISSED_DAYS} days are brought up`, () => {
    const today = '2026-04-16'
    expect(windowStart('2026-02-01', today)).toBe(addDays(today, -MISSED_DAYS))
    // Back to 2026-03-17: the installments due 02-15 and 03-15 and March 1's follow-up are
    // too old to be reminded of; the bank loan's 04-20 is 4 days ahead (more than 3).
    expect(ids(check(world(), today, { firstCheck: '2026-02-01' }))).toEqual([
      'stage:1:2:2026-03-18',
      'stage:2:1:2026-03-21',
      'due:2:2026-03-20:day',
      'due:1:2026-04-15:day',
    ])
  })
})

describe('settings turn each kind off', () => {
  const today = '2026-03-18'
  const all = check(world(), today)
  const kinds = (reminders: readonly Reminder[]) => [...new Set(reminders.map((r) => r.kind))]

  it('all four kinds are due on 2026-03-18 with the defaults', () => {
    expect(kinds(all).sort()).toEqual(['due', 'due_soon', 'follow_up', 'stage'])
  })

  it.each([
    [{ daysBefore: 0 }, 'due_soon'],
    [{ onDueDate: false }, 'due'],
    [{ onStageChange: false }, 'stage'],
    [{ onFollowUp: false }, 'follow_up'],
  ] as const)('%o: no %s, the rest unchanged', (patch, kind) => {
    const settings = { ...DEFAULT_REMINDERS, ...patch }
    expect(ids(check(world(), today, { settings }))).toEqual(
      ids(all.filter((reminder) => reminder.kind !== kind)),
    )
  })

  it('daysBefore sets how early the reminder ahead comes', () => {
    const at = (daysBefore: number) =>
      Object.entries(
        walk(world(), '2026-02-01', '2026-02-15', { ...DEFAULT_REMINDERS, daysBefore }),
      )
        .filter(([, due]) => due.includes('due:1:2026-02-15:before'))
        .map(([day]) => day)
    expect(at(1)).toEqual(['2026-02-14'])
    expect(at(7)).toEqual(['2026-02-08'])
    expect(at(30)).toEqual(['2026-02-01'])
  })

  it('everything off: nothing at all', () => {
    const off = { daysBefore: 0, onDueDate: false, onStageChange: false, onFollowUp: false }
    expect(walk(world(), '2026-02-01', '2026-04-30', off)).toEqual({})
  })
})

describe('payments', () => {
  const firstInstallment = computeLedger(webank.terms, [], [], '2026-02-15').installments[0]!
  const firstAmount = sumAmounts(firstInstallment.outstanding)

  it('a paid installment brings no reminder on its due date, and no stage after it', () => {
    const paid = world({ 1: [{ paidOn: '2026-02-14', amountFen: firstAmount }] })
    const byDay = walk(paid, '2026-02-10', '2026-03-10')
    expect(byDay).toEqual({
      '2026-02-12': ['due:1:2026-02-15:before'],
      '2026-03-01': ['followup:7:2026-03-01'],
    })
  })

  it('paying after the reminder ahead stops the due-date one', () => {
    const paid = world({ 1: [{ paidOn: '2026-02-13', amountFen: firstAmount }] })
    expect(ids(check(paid, '2026-02-15'))).toEqual([])
  })

  it('a payment that improves the stage brings no reminder; falling back later does', () => {
    // In M2 from 2026-03-18; on 03-20 the oldest installment is paid (in full with its
    // penalty): back to M1 (the 03-15 one, 5 days overdue) — no reminder for that.
    const oldest = computeLedger(webank.terms, [], [], '2026-03-20').installments[0]!
    const w = world({ 1: [{ paidOn: '2026-03-20', amountFen: sumAmounts(oldest.outstanding) }] })
    expect(computeLedger(webank.terms, [], w.loans[0]!.payments, '2026-03-20').stage.label).toBe(
      'M1',
    )
    const byDay = walk({ ...w, loans: [w.loans[0]!] }, '2026-03-16', '2026-04-16')
    expect(byDay['2026-03-18']).toEqual(['stage:1:2:2026-03-18'])
    expect(byDay['2026-03-20']).toBeUndefined()
    // 31 days after 03-15 it is M2 again: a new stage entered, a new reminder.
    expect(byDay['2026-04-15']).toEqual(['stage:1:2:2026-04-15', 'due:1:2026-04-15:day'])
  })

  it('reminders carry what is still owed', () => {
    const half = Math.floor(firstAmount / 2)
    const w = world({ 1: [{ paidOn: '2026-02-10', amountFen: half }] })
    const [ahead] = check(w, '2026-02-12')
    expect(ahead?.amountFen).toBe(firstAmount - half)
  })
})

describe('texts', () => {
  it('write amounts with formatFen and dates with formatCivilDate, in zh-CN and en', () => {
    const [ahead] = check(world(), '2026-02-12')
    expect(ahead).toMatchObject({
      id: 'due:1:2026-02-15:before',
      kind: 'due_soon',
      loanId: 1,
      loanName: '微粒贷',
      on: '2026-02-15',
      stage: null,
      contactId: null,
    })
    const amount = ahead!.amountFen!
    expect(amount).toBe(
      sumAmounts(computeLedger(webank.terms, [], [], '2026-02-12').installments[0]!.outstanding),
    )
    expect(ahead!.texts['zh-CN'].title).toBe('“微粒贷”3天后到期')
    expect(ahead!.texts['zh-CN'].body).toContain(formatFen(amount, 'zh-CN'))
    expect(ahead!.texts['zh-CN'].body).toContain(formatCivilDate('2026-02-15', 'zh-CN'))
    expect(ahead!.texts.en.title).toBe('微粒贷: due in 3 days')
    expect(ahead!.texts.en.body).toContain(formatFen(amount, 'en'))
    expect(ahead!.texts.en.body).toContain(formatCivilDate('2026-02-15', 'en'))
    expect(check(world(), '2026-02-14')[0]!.texts.en.title).toBe('微粒贷: due tomorrow')
  })

  it('name each kind in both languages', () => {
    const texts = Object.fromEntries(
      check(world(), '2026-03-18').map((reminder) => [reminder.id, reminder.texts]),
    )
    expect(texts['stage:1:2:2026-03-18']?.en.title).toBe('微粒贷 entered M2')
    expect(texts['stage:1:2:2026-03-18']?.['zh-CN'].title).toBe('“微粒贷”进入逾期 M2')
    expect(texts['stage:1:2:2026-03-18']?.en.body).toContain('31–60 days overdue')
    expect(texts['due:1:2026-03-15:day']?.en.title).toBe(
      `微粒贷: the payment due ${formatCivilDate('2026-03-15', 'en')} is unpaid`,
    )
    expect(texts['due:1:2026-03-15:day']?.['zh-CN'].title).toBe(
      `“微粒贷”${formatCivilDate('2026-03-15', 'zh-CN')}的还款还没还清`,
    )
    expect(texts['followup:7:2026-03-01']?.['zh-CN'].body).toContain('催收方（王先生）')
    expect(texts['followup:7:2026-03-01']?.['zh-CN'].body).toContain('3月5日前回电')
    expect(texts['followup:7:2026-03-01']?.en.title).toBe('Follow up: 微粒贷')
    expect(
      check(world(), '2026-03-15').find((r) => r.kind === 'due' && r.on === '2026-03-15')?.texts.en
        .title,
    ).toBe('微粒贷: due today')
  })

  it('every id matches the pattern the API accepts', () => {
    const all = Object.values(walk(world(), '2026-02-01', '2026-08-31')).flat()
    expect(all.length).toBeGreaterThan(20)
    for (const id of all) expect(id).toMatch(REMINDER_ID_PATTERN)
  })
})

describe('stage days and stage changes', () => {
  it('stageDays is the engine’s stage on each day, payments and a plan included', () => {
    const plan: LoanEvent = {
      type: 'agreed_plan',
      on: '2026-04-01',
      installments: [
        { dueOn: '2026-04-20', principalFen: 600_000, interestFen: 0 },
        { dueOn: '2026-05-20', principalFen: 600_000, interestFen: 0 },
      ],
    }
    const payments: Payment[] = [
      { paidOn: '2026-03-10', amountFen: 50_000 },
      { paidOn: '2026-03-25', amountFen: 300_000 },
    ]
    const days = stageDays(webank.terms, [plan], payments, '2026-02-10', '2026-06-30')
    expect(days).toHaveLength(141)
    for (const { on, code } of days) {
      expect(code, on).toEqual(computeLedger(webank.terms, [plan], payments, on).stage.code)
    }
    expect(new Set(days.map((day) => day.code)).size).toBeGreaterThan(2)
  })

  it('starts at the disbursement', () => {
    expect(stageDays(bank.terms, [], [], '2026-02-01', '2026-02-22').map((d) => d.on)).toEqual([
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ])
  })

  it.each([
    [['current', 'grace', 1, 1], 1, '2026-01-03'],
    [['current', 1, 1, 2], 2, '2026-01-04'],
    // Better, not worse: no reminder.
    [[2, 2, 1, 1], null, null],
    [[1, 1, 1, 1], null, null],
    [[1, 1, 'current', 'current'], null, null],
    [['current', 'current', 'current', 'grace'], 'grace', '2026-01-04'],
  ] as const)('%j → %s', (codes, code, on) => {
    const stages = codes.map((c, i) => ({ on: addDays('2026-01-01', i), code: c }))
    expect(stageEntered(stages, '2026-01-02')).toEqual(code === null ? null : { code, on })
  })

  it('a stage entered before the window is not brought up', () => {
    const stages = [
      { on: '2026-01-01', code: 'current' as const },
      { on: '2026-01-02', code: 1 as const },
      { on: '2026-01-03', code: 1 as const },
    ]
    expect(stageEntered(stages, '2026-01-02')).toEqual({ on: '2026-01-02', code: 1 })
    expect(stageEntered(stages, '2026-01-03')).toBeNull()
  })
})

describe('the delivered list', () => {
  it('reads the date in each kind of id', () => {
    expect(reminderIdDate('due:12:2026-02-15:before')).toBe('2026-02-15')
    expect(reminderIdDate('stage:3:grace:2026-02-16')).toBe('2026-02-16')
    expect(reminderIdDate('followup:7:2026-03-01')).toBe('2026-03-01')
    expect(reminderIdDate('nonsense')).toBeNull()
  })

  it(`drops ids dated more than ${KEEP_DELIVERED_DAYS} days ago, duplicates and the oldest beyond the cap`, () => {
    const today = '2026-06-30'
    const edge = addDays(today, -KEEP_DELIVERED_DAYS)
    expect(
      pruneDelivered(
        [
          `due:1:${addDays(edge, -1)}:day`,
          `due:1:${edge}:day`,
          'followup:2:2026-07-10',
          'followup:2:2026-07-10',
          'nonsense',
        ],
        today,
      ),
    ).toEqual(['followup:2:2026-07-10', `due:1:${edge}:day`])
    const many = Array.from({ length: 6_000 }, (_, i) => `followup:${i + 1}:2026-06-30`)
    expect(pruneDelivered([...many, 'followup:9999:2026-07-01'], today)).toHaveLength(5_000)
    expect(pruneDelivered([...many, 'followup:9999:2026-07-01'], today)[0]).toBe(
      'followup:9999:2026-07-01',
    )
  })

  it('never drops an id the scheduler could still produce', () => {
    // The oldest date a check can remind of is MISSED_DAYS ago; kept ids reach further back.
    expect(KEEP_DELIVERED_DAYS).toBeGreaterThan(MISSED_DAYS)
    const today = '2026-04-16'
    const produced = ids(check(world(), today, { firstCheck: '2026-01-01' }))
    expect(pruneDelivered(produced, today).sort()).toEqual([...produced].sort())
  })
})
