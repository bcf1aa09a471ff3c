import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useAppInfo } from '../../app/queries'

export function DashboardPage() {
  const { t } = useTranslation()
  const appInfo = useAppInfo()
  return (
    <section className="page" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {appInfo.isError && (
        <ErrorNotice error={appInfo.error} onRetry={() => void appInfo.refetch()} />
      )}
      <div className="empty-state">
        <h2>{t('dashboard.emptyTitle')}</h2>
        <p>{t('dashboard.emptyBody')}</p>
        <p>{t('dashboard.whatYouWillSee')}</p>
        <ul>
          <li>{t('dashboard.featureStatus')}</li>
          <li>{t('dashboard.featureCost')}</li>
          <li>{t('dashboard.featurePlan')}</li>
        </ul>
        {appInfo.data !== undefined && (
          <p className="muted" data-testid="data-dir">
            {t('dashboard.privacy', { dataDir: appInfo.data.dataDir })}
          </p>
        )}
      </div>
    </section>
  )
}
