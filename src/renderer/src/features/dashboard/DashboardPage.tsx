import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../app/format'
import { portfolioSeriesQuery, useAppInfo, useOverview } from '../../app/queries'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { LoanTable } from '../../components/LoanTable'
import { chunkQuery, OnDemand } from '../../components/OnDemand'
import { FollowUps } from '../contacts/FollowUps'
import { AddLoanButton } from '../loan-form/AddLoanButton'
import { ReminderBanner } from '../reminders/ReminderBanner'

/** The overview lists the most urgent loans; the Loans page lists them all. */
const MOST_URGENT = 10

// The charts (recharts) load after the totals and the list.
const loadPortfolioCharts = () => import('../charts/PortfolioCharts')

export function DashboardPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const appInfo = useAppInfo()
  const overview = useOverview()
  const queryClient = useQueryClient()
  useEffect(() => {
    // The charts come last on the page but take longest (a chunk, then their data): start both
    // now, in parallel with the totals and the list, rather than after the list has rendered.
    void queryClient.prefetchQuery(chunkQuery('portfolio-charts', loadPortfolioCharts))
    void queryClient.prefetchQuery(portfolioSeriesQuery)
  }, [queryClient])
  const progress = useQuery({
    queryKey: ['checklist.progress'],
    queryFn: () => api.call('checklist.progress', {}),
  })
  const planProgress = new Map(progress.data?.map((entry) => [entry.loanId, entry]) ?? [])
  const loans = useQuery({ queryKey: ['loans.list'], queryFn: () => api.call('loans.list', {}) })
  const error = appInfo.error ?? overview.error ?? loans.error

  return (
    <section className="page" aria-labelledby="dashboard-title">
      <header className="page-header">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        {loans.data !== undefined && loans.data.length > 0 && <AddLoanButton />}
      </header>
      <ReminderBanner />
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
          <div className={overview.data.dailyAccrualFen > 0 ? 'total total-daily' : 'total'}>
            <dt>{t('dashboard.eachDayAdds')}</dt>
            <dd data-testid="each-day-adds">{format.money(overview.data.dailyAccrualFen)}</dd>
          </div>
        </dl>
      )}
      {loans.data !== undefined && loans.data.length > 0 && (
        <>
          <LoanTable
            loans={loans.data.slice(0, MOST_URGENT)}
            caption={t('dashboard.byUrgency')}
            planProgress={planProgress}
          />
          {loans.data.length > MOST_URGENT && (
            <p className="see-all">
              <Link to="/loans">{t('dashboard.seeAll', { count: loans.data.length })}</Link>
            </p>
          )}
          <FollowUps />
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('portfolioCharts.title')}</h2>
            <OnDemand
              name="portfolio-charts"
              load={loadPortfolioCharts}
              fallback={<div className="chart-placeholder">{t('common.loading')}</div>}
            >
              {(charts) => <charts.PortfolioCharts />}
            </OnDemand>
          </section>
        </>
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
          <AddLoanButton />
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
