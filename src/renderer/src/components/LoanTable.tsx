import { useTranslation } from 'react-i18next'
import type { LoanSummary } from '@shared/api/records'
import { useFormat } from '../app/format'
import { StageBadge } from './StageBadge'

/** Loans with where each stands, in the order given (the API sorts them by urgency). */
export function LoanTable({ loans, caption }: { loans: LoanSummary[]; caption: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <div className="table-scroll">
      <table className="loan-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('loans.name')}</th>
            <th scope="col">{t('loans.stage')}</th>
            <th scope="col" className="number">
              {t('loans.daysOverdue')}
            </th>
            <th scope="col" className="number">
              {t('loans.dueNow')}
            </th>
            <th scope="col" className="number">
              {t('loans.eachDayAdds')}
            </th>
            <th scope="col">{t('loans.nextDue')}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map(({ loan, status }) => (
            <tr key={loan.id} data-testid={`loan-row-${loan.id}`}>
              <th scope="row">
                {loan.name}
                {loan.lender !== '' && <span className="muted"> · {loan.lender}</span>}
                {loan.archived && <span className="muted"> · {t('loans.archived')}</span>}
              </th>
              <td>
                <StageBadge stage={status.stage} />
              </td>
              <td className="number">{status.daysOverdue}</td>
              <td className="number">{format.money(status.dueNowFen)}</td>
              <td className="number">{format.money(status.dailyAccrualFen)}</td>
              <td>
                {status.nextDue === null
                  ? '—'
                  : `${format.date(status.nextDue.dueOn)} · ${format.money(status.nextDue.amountFen)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
