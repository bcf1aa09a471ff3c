import type { StageBand } from '@shared/charts/loan-series'
import { toDayNumber, type CivilDate } from '@shared/dates'

/** Colours that read on the light and the dark theme alike (mid-tone, strong enough for 3:1). */
export const COMPONENT_COLORS = {
  principal: '#4c7fd0',
  interest: '#3a9e8f',
  penalty: '#d9534f',
  compound: '#b0417f',
  fee: '#e08a1e',
} as const

/** Stacking order, bottom to top: what the loan is, then what lateness adds. */
export const STACK_ORDER = ['principal', 'interest', 'penalty', 'compound', 'fee'] as const

export const TODAY_COLOR = '#7a5cc7'

export function bandColor(code: StageBand['code']): string {
  if (code === 'grace' || code === 1) return '#f2b45a'
  if (code <= 3) return '#e8735a'
  return '#c0392b'
}

export const dayOf = (date: CivilDate) => toDayNumber(date)
