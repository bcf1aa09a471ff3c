/**
 * Overdue stages. Credit reports (征信) mark each month with a code: 1 = 1–30 days overdue,
 * 2 = 31–60, … 6 = 151–180, 7 = over 180; collectors speak of M1, M2, … for the same 30-day
 * buckets (definitions vary by lender). Source: see SOURCES['credit-report-codes'].
 */
export type StageCode = 'current' | 'grace' | 1 | 2 | 3 | 4 | 5 | 6 | 7

export interface Stage {
  code: StageCode
  /** 'current', 'grace', or 'M1' … 'M7'. */
  label: string
  daysOverdue: number
}

/** The stage for a loan `daysOverdue` days behind, where `inGrace` says no charge applies yet. */
export function stageFor(daysOverdue: number, inGrace: boolean): Stage {
  if (daysOverdue <= 0) return { code: 'current', label: 'current', daysOverdue: 0 }
  if (inGrace) return { code: 'grace', label: 'grace', daysOverdue }
  const code = Math.min(7, Math.ceil(daysOverdue / 30)) as 1 | 2 | 3 | 4 | 5 | 6 | 7
  return { code, label: `M${code}`, daysOverdue }
}
