import type { Reminder } from '../api/reminder-schema'
import type { Reminders } from '../api/settings-schema'
import { addDays, daysBetween, fromDayNumber, toDayNumber, type CivilDate } from '../dates'
import { createSimulation, sortPayments } from '../engine/ledger'
import { sumAmounts, type Ledger } from '../engine/ledger-types'
import type { StageCode } from '../engine/stages'
import type { LoanEvent, LoanTerms, Payment } from '../engine/terms'
import type { Fen } from '../money'
import { dueSoonTexts, dueTexts, followUpTexts, stageTexts } from './texts'

/**
 * Which reminders are due, as a pure function of the loans' facts (from the engine), the
 * follow-ups, the settings, the ids already delivered and today:
 *
 * - `due_soon`: on any day from `daysBefore` days before a due date to the day before it;
 * - `due`: on the due date, or later while the installment is unpaid (a missed one);
 * - `stage`: when a loan enters a worse overdue stage (grace, M1 … M7), once per stage entered;
 * - `follow_up`: on a follow-up date from the contact log, or later.
 *
 * Paid installments produce nothing. Each reminder's id names what it is about, and the caller
 * passes the ids already delivered: so nothing is delivered twice, and one missed while the
 * app was closed is delivered once at the next start. Only days from `since` on are reminded
 * of: the service passes the later of the first check on this database and MISSED_DAYS ago, so
 * a first start does not bring up the past, and a long absence only its last month.
 */

/** How far back a missed reminder is still delivered. */
export const MISSED_DAYS = 30
/**
 * How long a delivered id is kept. Longer than MISSED_DAYS: an id is dropped only once its date
 * is too old for the scheduler to produce it again.
 */
export const KEEP_DELIVERED_DAYS = 60
/** The most delivered ids kept (the newest by their date). */
export const MAX_DELIVERED = 5_000

export interface StageDay {
  on: CivilDate
  code: StageCode
}

/** What the scheduler needs to know about one open loan. */
export interface ReminderLoan {
  id: number
  name: string
  /** Installments not fully paid, one per due date (installments due the same day summed). */
  open: { dueOn: CivilDate; amountFen: Fen }[]
  /**
   * The stage on each day up to today, oldest first, from the day before the window (`since`)
   * on; empty when the loan is current today (then there is no stage to remind of).
   */
  stages: StageDay[]
}

export interface ReminderFollowUp {
  contactId: number
  loanId: number
  loanName: string
  followUpOn: CivilDate
  party: 'lender' | 'collector' | 'third_party' | 'lawyer' | 'other'
  who: string
  promises: string
}

export interface ScheduleInput {
  today: CivilDate
  /** The first day whose due dates, stage changes and follow-ups may be reminded of. */
  since: CivilDate
  settings: Reminders
  /** Ids already delivered. */
  delivered: ReadonlySet<string>
  loans: readonly ReminderLoan[]
  followUps: readonly ReminderFollowUp[]
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['upcoming', 'due_today', 'grace', 'overdue'])

/** Worse stages rank higher: current < grace < M1 < … < M7. */
function rank(code: StageCode): number {
  return code === 'current' ? 0 : code === 'grace' ? 1 : code + 1
}

const KIND_ORDER: Record<Reminder['kind'], number> = { stage: 0, due: 1, due_soon: 2, follow_up: 3 }

/**
 * The reminders due on `today` and not yet delivered: stage changes first, then due dates
 * reached, due dates ahead and follow-ups, each kind by date.
 */
export function dueReminders(input: ScheduleInput): Reminder[] {
  const { today, settings } = input
  const since = input.since > today ? today : input.since
  const out: Reminder[] = []
  const add = (reminder: Omit<Reminder, 'texts'>, texts: () => Reminder['texts']) => {
    if (!input.delivered.has(reminder.id)) out.push({ ...reminder, texts: texts() })
  }
  const none = { amountFen: null, stage: null, contactId: null }

  for (const loan of input.loans) {
    const about = { loanId: loan.id, loanName: loan.name }
    for (const { dueOn, amountFen } of loan.open) {
      const daysLeft = daysBetween(today, dueOn)
      if (daysLeft > 0 && daysLeft <= settings.daysBefore) {
        const id = `due:${loan.id}:${dueOn}:before`
        add({ ...none, ...about, id, kind: 'due_soon', on: dueOn, amountFen }, () =>
          dueSoonTexts(loan.name, dueOn, amountFen, daysLeft),
        )
      }
      if (settings.onDueDate && daysLeft <= 0 && dueOn >= since) {
        const id = `due:${loan.id}:${dueOn}:day`
        add({ ...none, ...about, id, kind: 'due', on: dueOn, amountFen }, () =>
          dueTexts(loan.name, dueOn, amountFen, daysLeft === 0),
        )
      }
    }
    const entered = settings.onStageChange ? stageEntered(loan.stages, since) : null
    if (entered !== null && entered.code !== 'current') {
      const { on, code } = entered
      const id = `stage:${loan.id}:${code}:${on}`
      add({ ...none, ...about, id, kind: 'stage', on, stage: code }, () =>
        stageTexts(loan.name, code, on),
      )
    }
  }

  if (settings.onFollowUp) {
    for (const item of input.followUps) {
      if (item.followUpOn < since || item.followUpOn > today) continue
      const reminder = {
        ...none,
        id: `followup:${item.contactId}:${item.followUpOn}`,
        kind: 'follow_up' as const,
        loanId: item.loanId,
        loanName: item.loanName,
        on: item.followUpOn,
        contactId: item.contactId,
      }
      add(reminder, () => followUpTexts(item))
    }
  }

  return out.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.on.localeCompare(b.on) ||
      a.loanName.localeCompare(b.loanName) ||
      a.id.localeCompare(b.id),
  )
}

/**
 * The day the loan entered the stage it is in today, when that was a change for the worse on
 * or after `since`; null when it is current, improved into its stage (a payment), or has been
 * in it since before the window.
 */
export function stageEntered(stages: readonly StageDay[], since: CivilDate): StageDay | null {
  const last = stages.at(-1)
  if (last === undefined || last.code === 'current') return null
  let first = stages.length - 1
  while (first > 0 && stages[first - 1]!.code === last.code) first--
  if (first === 0) return null
  const entered = stages[first]!
  if (entered.on < since) return null
  return rank(stages[first - 1]!.code) < rank(last.code) ? entered : null
}

/**
 * The stage on every day from `from` (or the disbursement) to `to`, from one simulation run
 * forward: as `computeLedger(…, day).stage` for each day, for about the cost of one ledger.
 */
export function stageDays(
  terms: LoanTerms,
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  from: CivilDate,
  to: CivilDate,
): StageDay[] {
  const start = Math.max(toDayNumber(from), toDayNumber(terms.disbursedOn))
  const end = toDayNumber(to)
  if (start > end) return []
  const simulation = createSimulation(
    terms,
    events.filter((event) => event.on <= to),
  )
  const paid = sortPayments(payments.filter((payment) => payment.paidOn <= to))
  const days: StageDay[] = []
  let next = 0
  for (let day = start; day <= end; day++) {
    const on = fromDayNumber(day)
    while (next < paid.length && paid[next]!.paidOn <= on) simulation.pay(paid[next++]!)
    days.push({ on, code: simulation.ledger(on).stage.code })
  }
  return days
}

/**
 * What the scheduler needs about one loan, from its history and its ledger on `today`; null
 * for a loan that is cleared (nothing to remind of).
 */
export function reminderLoan(
  loan: { id: number; name: string; terms: LoanTerms },
  events: readonly LoanEvent[],
  payments: readonly Payment[],
  ledger: Ledger,
  since: CivilDate,
  today: CivilDate,
  /** False when stage changes are not reminded of: spares the walk over the window's days. */
  withStages = true,
): ReminderLoan | null {
  if (ledger.closed !== false) return null
  // An advance is held as credit until the next due dates, where the engine applies it.
  let credit = ledger.creditFen
  const byDate = new Map<CivilDate, Fen>()
  for (const line of [...ledger.installments].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
    if (!OPEN_STATUSES.has(line.status)) continue
    let owed = sumAmounts(line.outstanding)
    if (line.status === 'upcoming') {
      const used = Math.min(credit, owed)
      credit -= used
      owed -= used
    }
    if (owed > 0) byDate.set(line.dueOn, (byDate.get(line.dueOn) ?? 0) + owed)
  }
  const open = [...byDate].map(([dueOn, amountFen]) => ({ dueOn, amountFen }))
  const start = since > today ? today : since
  const stages =
    !withStages || ledger.stage.code === 'current'
      ? []
      : stageDays(loan.terms, events, payments, addDays(start, -1), today)
  return { id: loan.id, name: loan.name, open, stages }
}

/** The first day a check on `today` looks back to, given the first check on this database. */
export function windowStart(firstCheckedOn: CivilDate, today: CivilDate): CivilDate {
  const earliest = addDays(today, -MISSED_DAYS)
  const start = firstCheckedOn > earliest ? firstCheckedOn : earliest
  return start > today ? today : start
}

/** The date a reminder id is about (the last YYYY-MM-DD in it). */
export function reminderIdDate(id: string): CivilDate | null {
  return /(\d{4}-\d{2}-\d{2})(?!.*\d{4}-\d{2}-\d{2})/.exec(id)?.[1] ?? null
}

/**
 * The delivered list to keep: without duplicates, without ids dated more than
 * KEEP_DELIVERED_DAYS before `today` (the scheduler can no longer produce them), at most
 * MAX_DELIVERED (the newest).
 */
export function pruneDelivered(ids: Iterable<string>, today: CivilDate): string[] {
  const oldest = addDays(today, -KEEP_DELIVERED_DAYS)
  const kept = [...new Set(ids)]
    .map((id) => ({ id, on: reminderIdDate(id) }))
    .filter(
      (entry): entry is { id: string; on: CivilDate } => entry.on !== null && entry.on >= oldest,
    )
  kept.sort((a, b) => b.on.localeCompare(a.on) || a.id.localeCompare(b.id))
  return kept.slice(0, MAX_DELIVERED).map((entry) => entry.id)
}
