import type { CivilDate } from '../dates'
import type { SourceId } from '../engine/sources'

/**
 * The collection rules a logged contact can break, from the national standard GB/T 45251-2025
 * and the industry guidelines (see SOURCES): no collection between 22:00 and 08:00, at most 3
 * connected calls a day (lender and agencies together), and no contacting third parties about
 * the debt. A contact breaks them only when it came from the lender's side.
 */

export const CONTACT_CHANNELS = [
  'phone',
  'sms',
  'app',
  'wechat',
  'letter',
  'visit',
  'other',
] as const
export const CONTACT_PARTIES = ['lender', 'collector', 'third_party', 'lawyer', 'other'] as const

export interface ContactFacts {
  id: number
  /** Local time, 'YYYY-MM-DDTHH:mm'. */
  occurredAt: string
  channel: (typeof CONTACT_CHANNELS)[number]
  direction: 'incoming' | 'outgoing'
  /** Who was on the other side: for `third_party`, the lender's side reached someone else about the debt. */
  party: (typeof CONTACT_PARTIES)[number]
}

export type ViolationKind = 'night' | 'too_many_calls' | 'third_party'

export interface Violation {
  kind: ViolationKind
  contactId: number
  on: CivilDate
  sources: SourceId[]
}

export const MAX_CALLS_A_DAY = 3
const NIGHT_FROM = 22
const NIGHT_TO = 8

const fromCollection = (contact: ContactFacts) =>
  contact.direction === 'incoming' && (contact.party === 'lender' || contact.party === 'collector')

const hourOf = (contact: ContactFacts) => Number(contact.occurredAt.slice(11, 13))

/** Every rule each contact breaks; a day's fourth and later calls each break the call limit. */
export function contactViolations(contacts: readonly ContactFacts[]): Violation[] {
  const violations: Violation[] = []
  const callsByDay = new Map<string, number>()
  const ordered = [...contacts].sort(
    (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id,
  )
  for (const contact of ordered) {
    const on = contact.occurredAt.slice(0, 10)
    if (contact.party === 'third_party') {
      violations.push({
        kind: 'third_party',
        contactId: contact.id,
        on,
        sources: ['collection-third-parties', 'collection-standard-gbt-45251'],
      })
    }
    if (!fromCollection(contact) || contact.channel === 'letter') continue
    const hour = hourOf(contact)
    if (hour >= NIGHT_FROM || hour < NIGHT_TO) {
      violations.push({
        kind: 'night',
        contactId: contact.id,
        on,
        sources: ['collection-standard-gbt-45251', 'collection-cba-2026'],
      })
    }
    if (contact.channel === 'phone') {
      const calls = (callsByDay.get(on) ?? 0) + 1
      callsByDay.set(on, calls)
      if (calls > MAX_CALLS_A_DAY) {
        violations.push({
          kind: 'too_many_calls',
          contactId: contact.id,
          on,
          sources: ['collection-standard-gbt-45251', 'collection-nifa-2024'],
        })
      }
    }
  }
  return violations
}

/** Whether collection has started: a contact from a collector, or from the lender while overdue. */
export function collectionContactLogged(contacts: readonly ContactFacts[]): boolean {
  return contacts.some(fromCollection)
}
