import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { useAppInfo } from '../../app/queries'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'
import { StageBadge } from '../../components/StageBadge'

export function DashboardPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const appInfo = useAppInfo()
  const overview = useQuery({
    queryKey: ['portfolio.overview'],
    queryFn: () => api.call('portfolio.overview', {}),
  })
  const loans = useQuery({ queryKey: ['loans.list'], queryFn: () => api.call('loans.list', {}) })
  const error = appInfo.error ?? overview.error ?? loans.error

  return (
    <section className="page" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {error !== null && <ErrorNotice error={error} onRetry={() => void loans.refetch()} />}
      {overview.data !== undefined && overview.data.loanCount > 0 && (
        <dl className="totals" aria-label={t('dashboard.totals')}>
          <div className="total">
            <dt>{t('dashboard.totalOwed')}</dt>
            <dd data-testid="total-owed">{format.money(overview.data.totalOwedFen)}</dd>
          </div>
          <div className="total">
            <dt>{t('dashboard.overdueNow')}</dt>
            <dd data-testid="overdue-now">{format.money(overview.data.overdueFen)}</dd>
          </div>
          <div className="total">
            <dt>{t('dashboard.penaltyToDate')}</dt>
            <dd data-testid="penalty-to-date">{format.money(overview.data.penaltyToDateFen)}</dd>
          </div>
          <div className="total total-daily">
            <dt>{t('dashboard.eachDayAdds')}</dt>
            <dd data-testid="each-day-adds">{format.money(overview.data.dailyAccrualFen)}</dd>
          </div>
        </dl>
      )}
      {loans.data !== undefined && loans.data.length > 0 && (
        <div className="table-scroll">
          <table className="loan-table">
            <caption>{t('dashboard.byUrgency')}</caption>
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
              {loans.data.map(({ loan, status }) => (
                <tr key={loan.id} data-testid={`loan-row-${loan.id}`}>
                  <th scope="row">
                    {loan.name}
                    {loan.lender !== '' && <span className="muted"> · {loan.lender}</span>}
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
      )}
      {loans.data?.length === 0 && (
        <div className="empty-state">
          <h2>{t('dashboard.emptyTitle')}</h2>
          <p>{t('dashboard.emptyBody')}</p>
          <p>{t('dashboard.whatYouWillSee')}</p>
          <ul>
            <li>{t('dashboard.featureStatus')}</li>
            <li>{t('dashboard.featureCost')}</li>
            <li>{t('dashboard.featurePlan')}</li>
          </ul>
        </div>
      )}
      {appInfo.data !== undefined && (
        <p className="muted" data-testid="data-dir">
          {t('dashboard.privacy', { dataDir: appInfo.data.dataDir })}
        </p>
      )}
    </section>
  )
}
