import { useTranslation } from 'react-i18next'
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components'
import type { LoanSummary } from '@shared/api/records'
import { useFormat } from '../app/format'
import { StageBadge } from './StageBadge'

/**
 * Loans with where each stands, in the order given (the API sorts them by urgency). Each row
 * opens the loan's page (click, or Enter with the arrow keys on the rows).
 */
export function LoanTable({
  loans,
  caption,
  planProgress,
}: {
  loans: LoanSummary[]
  caption: string
  /** Action-plan progress by loan id, shown as a column when given. */
  planProgress?: ReadonlyMap<number, { done: number; skipped: number; total: number }>
}) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <div className="table-scroll">
      <p className="table-caption" id="loan-table-caption">
        {caption}
      </p>
      <Table aria-labelledby="loan-table-caption" className="data-table loan-table">
        <TableHeader>
          <Column isRowHeader>{t('loans.name')}</Column>
          <Column>{t('loans.stage')}</Column>
          <Column className="number">{t('loans.daysOverdue')}</Column>
          <Column className="number">{t('loans.dueNow')}</Column>
          <Column className="number">{t('loans.eachDayAdds')}</Column>
          <Column>{t('loans.nextDue')}</Column>
          {planProgress !== undefined && <Column>{t('loans.plan')}</Column>}
        </TableHeader>
        <TableBody items={loans.map((summary) => ({ ...summary, id: summary.loan.id }))}>
          {({ loan, status }) => (
            <Row
              href={`/loans/${loan.id}`}
              textValue={loan.name}
              className="link-row"
              data-testid={`loan-row-${loan.id}`}
            >
              <Cell className="wrap">
                <span className="loan-name">{loan.name}</span>
                {loan.lender !== '' && <span className="muted"> · {loan.lender}</span>}
                {loan.archived && <span className="muted"> · {t('loans.archived')}</span>}
              </Cell>
              <Cell>
                <StageBadge stage={status.stage} />
              </Cell>
              <Cell className="number">{status.daysOverdue}</Cell>
              <Cell className="number">{format.money(status.dueNowFen)}</Cell>
              <Cell className="number">{format.money(status.dailyAccrualFen)}</Cell>
              <Cell>
                {status.nextDue === null ? (
                  '—'
                ) : (
                  <>
                    {format.date(status.nextDue.dueOn)}
                    <span className="cell-note">{format.money(status.nextDue.amountFen)}</span>
                  </>
                )}
              </Cell>
              {planProgress !== undefined && (
                <Cell>
                  <PlanProgress progress={planProgress.get(loan.id)} />
                </Cell>
              )}
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  )
}

function PlanProgress({
  progress,
}: {
  progress: { done: number; skipped: number; total: number } | undefined
}) {
  const { t } = useTranslation()
  if (progress === undefined || progress.total === 0) return <span className="muted">—</span>
  return (
    <span className="plan-progress-cell">
      {t('loans.planProgress', {
        settled: progress.done + progress.skipped,
        total: progress.total,
      })}
    </span>
  )
}
