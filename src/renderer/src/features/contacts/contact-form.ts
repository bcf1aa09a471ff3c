import { z } from 'zod'
import type { ContactInput, ContactRow } from '@shared/api/contact-schema'
import { isCivilDate, type CivilDate } from '@shared/dates'
import { MAX_AMOUNT_FEN, yuanToFen } from '@shared/money'
import type { CONTACT_CHANNELS, CONTACT_PARTIES } from '@shared/playbook/contact-rules'

/**
 * The contact form's values (as typed) and their conversion to the API's input. Error messages
 * are keys under `contacts.errors`.
 */

export interface PlanRow {
  dueOn: CivilDate | null
  principalYuan: string
  interestYuan: string
}

export interface ContactFormValues {
  date: CivilDate | null
  /** 'HH:mm', 24-hour. */
  time: string | null
  channel: (typeof CONTACT_CHANNELS)[number]
  direction: 'incoming' | 'outgoing'
  party: (typeof CONTACT_PARTIES)[number]
  who: string
  summary: string
  promises: string
  followUpOn: CivilDate | null
  hasPlan: boolean
  planOn: CivilDate | null
  installments: PlanRow[]
}

/** What the form gives: the contact input, with its agreed plan when one was entered. */
export type ContactFormOutput = Required<Omit<ContactInput, 'agreedPlan'>> &
  Pick<ContactInput, 'agreedPlan'>

const pad = (n: number) => String(n).padStart(2, '0')

/** The current local time, 'HH:mm'. */
export function timeNow(now = new Date()): string {
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`
}

export function emptyPlanRow(): PlanRow {
  return { dueOn: null, principalYuan: '', interestYuan: '0' }
}

export function defaultValues(today: CivilDate, contact?: ContactRow): ContactFormValues {
  return {
    date: contact?.occurredAt.slice(0, 10) ?? today,
    time: contact?.occurredAt.slice(11, 16) ?? timeNow(),
    channel: contact?.channel ?? 'phone',
    direction: contact?.direction ?? 'incoming',
    party: contact?.party ?? 'collector',
    who: contact?.who ?? '',
    summary: contact?.summary ?? '',
    promises: contact?.promises ?? '',
    followUpOn: contact?.followUpOn ?? null,
    hasPlan: false,
    planOn: null,
    installments: [emptyPlanRow()],
  }
}

type Issue = { path: (string | number)[]; message: string }

/** Yuan text → fen (≥ 0), or an issue at `path`. Empty counts as zero when `optional`. */
function fenOf(text: string, path: (string | number)[], issues: Issue[], optional = false): number {
  if (text.trim() === '') {
    if (!optional) issues.push({ path, message: 'required' })
    return 0
  }
  try {
    const fen = yuanToFen(text)
    if (fen < 0 || fen > MAX_AMOUNT_FEN) throw new RangeError('out of range')
    return fen
  } catch {
    issues.push({ path, message: 'yuan' })
    return 0
  }
}

const LIMITS = { who: 100, summary: 5_000, promises: 2_000 } as const

export function contactFormSchema(loanId: number, today: CivilDate) {
  return z.custom<ContactFormValues>().transform((values, ctx): ContactFormOutput => {
    const issues: Issue[] = []
    if (values.date === null || !isCivilDate(values.date)) {
      issues.push({ path: ['date'], message: 'required' })
    } else if (values.date > today) {
      issues.push({ path: ['date'], message: 'future' })
    }
    if (values.time === null || !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time)) {
      issues.push({ path: ['time'], message: 'time' })
    }
    for (const key of ['who', 'summary', 'promises'] as const) {
      if (values[key].trim().length > LIMITS[key]) issues.push({ path: [key], message: 'tooLong' })
    }
    if (values.followUpOn !== null && !isCivilDate(values.followUpOn)) {
      issues.push({ path: ['followUpOn'], message: 'required' })
    }

    let agreedPlan: ContactFormOutput['agreedPlan']
    if (values.hasPlan) {
      const planOn = values.planOn
      if (planOn === null || !isCivilDate(planOn)) {
        issues.push({ path: ['planOn'], message: 'required' })
      }
      if (values.installments.length === 0) {
        issues.push({ path: ['installments'], message: 'installmentsNone' })
      }
      const installments = values.installments.map((row, index) => {
        if (row.dueOn === null || !isCivilDate(row.dueOn)) {
          issues.push({ path: ['installments', index, 'dueOn'], message: 'required' })
        } else if (planOn !== null && row.dueOn < planOn) {
          issues.push({ path: ['installments', index, 'dueOn'], message: 'dueBeforePlan' })
        }
        return {
          dueOn: row.dueOn ?? '',
          principalFen: fenOf(row.principalYuan, ['installments', index, 'principalYuan'], issues),
          interestFen: fenOf(
            row.interestYuan,
            ['installments', index, 'interestYuan'],
            issues,
            true,
          ),
        }
      })
      agreedPlan = { on: planOn ?? '', installments }
    }

    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue })
    if (issues.length > 0) return z.NEVER
    return {
      loanId,
      occurredAt: `${values.date}T${values.time}`,
      channel: values.channel,
      direction: values.direction,
      party: values.party,
      who: values.who.trim(),
      summary: values.summary.trim(),
      promises: values.promises.trim(),
      followUpOn: values.followUpOn,
      ...(agreedPlan === undefined ? {} : { agreedPlan }),
    }
  })
}
