import type { Generated } from 'kysely'
import type { Language } from '@shared/api/contract'
import type { LenderKind } from '@shared/engine/terms'

/**
 * The database as Kysely sees it. Column names are snake_case as stored; money columns end in
 * `_fen` and hold integers; dates are civil dates (`YYYY-MM-DD`) stored as TEXT.
 */
export interface Database {
  loans: LoansTable
  payments: PaymentsTable
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

/** One row per setting; `value_json` is parsed with the setting's zod schema when read. */
export interface SettingsTable {
  key: SettingKey
  value_json: string
}

export type SettingKey = 'language'
export type StoredSettings = { language: Language | null }
