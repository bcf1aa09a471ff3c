import { useTranslation } from 'react-i18next'
import type { LoanSummary } from '@shared/api/records'

type Stage = LoanSummary['status']['stage']

/** The overdue stage as text and colour (never colour alone): 正常, 宽限期, M1 … M7. */
export function StageBadge({ stage, testId }: { stage: Stage; testId?: string }) {
  const { t } = useTranslation()
  const severity =
    stage.code === 'current' ? 'ok' : stage.code === 'grace' || stage.code === 1 ? 'warn' : 'bad'
  const label = typeof stage.code === 'number' ? stage.label : t(`stage.${stage.code}`)
  return (
    <span
      className={`stage-badge stage-${severity}`}
      title={t(`stage.meaning.${String(stage.code)}`)}
      data-testid={testId}
    >
      {label}
    </span>
  )
}
