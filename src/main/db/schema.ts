import type { Generated } from 'kysely'
import type { LenderKind } from '@shared/engine/terms'

/**
 * The database as Kysely sees it. Column names are snake_case as stored; money columns end in
 * `_fen` and hold integers; dates are civil dates (`YYYY-MM-DD`) stored as TEXT.
 */
export interface Database {
  loans: LoansTable
  payments: PaymentsTable
  loan_events: LoanEventsTable
  checklist_items: ChecklistItemsTable
  contacts: ContactsTable
  settings: SettingsTable
}

export interface LoansTable {
  id: Generated<number>
  name: string
  lender: string
  lender_kind: LenderKind
  principal_fen: number
  disbursed_on: string
  /** The engine's loan terms as JSON, validated by the engine's zod schema on the way in and out. */
  terms_json: string
  notes: string
  /** The preset the loan started from (presets.ts); null for loans entered by hand. */
  preset_id: string | null
  archived: Generated<0 | 1>
  created_at: string
  updated_at: string
}

export interface PaymentsTable {
  id: Generated<number>
  loan_id: number
  paid_on: string
  amount_fen: number
  channel: string
  note: string
  created_at: string
}

/** A restructuring agreed with the lender; `event_json` is the engine's LoanEvent. */
export interface LoanEventsTable {
  id: Generated<number>
  loan_id: number
  type: 'agreed_plan' | 'deferral' | 'waiver' | 'settlement'
  occurs_on: string
  event_json: string
  note: string
  created_at: string
}

export interface ChecklistItemsTable {
  loan_id: number
  item_key: string
  state: 'open' | 'done' | 'skipped'
  state_on: string | null
  note: string
  updated_at: string
}

export interface ContactsTable {
  id: Generated<number>
  loan_id: number
  /** Local date and time, `YYYY-MM-DDTHH:mm`. */
  occurred_at: string
  channel: 'phone' | 'sms' | 'app' | 'wechat' | 'letter' | 'visit' | 'other'
  direction: 'incoming' | 'outgoing'
  party: 'lender' | 'collector' | 'third_party' | 'lawyer' | 'other'
  who: string
  summary: string
  promises: string
  follow_up_on: string | null
  created_at: string
}

/** One row per setting; `value_json` is parsed with the setting's zod schema when read. */
export interface SettingsTable {
  key: SettingKey
  value_json: string
}

export type SettingKey = 'language' | 'lprTable' | 'reminders'
