import type { StageCode } from '@shared/engine/stages'

/**
 * What collection typically looks like at a stage: the copy under `stage.collection.<group>`
 * describes each group. Codes follow the credit report (1 = 1–30 days overdue … 7 = over 180).
 */
export type StageGroup = 'current' | 'grace' | 'early' | 'serious' | 'severe' | 'badDebt'

export function stageGroup(code: StageCode): StageGroup {
  if (code === 'current' || code === 'grace') return code
  if (code === 1) return 'early'
  if (code <= 3) return 'serious'
  if (code <= 6) return 'severe'
  return 'badDebt'
}
