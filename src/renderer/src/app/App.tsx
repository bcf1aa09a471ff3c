import { useTranslation } from 'react-i18next'
import { HashRouter, NavLink, Route, Routes } from 'react-router'
import { DashboardPage } from '../features/dashboard/DashboardPage'
import { LoansPage } from '../features/loans/LoansPage'
import { RecoveryPage } from '../features/recovery/RecoveryPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { useAppInfo } from './queries'

export function App() {
  const { t } = useTranslation()
  const appInfo = useAppInfo()
  if (appInfo.data?.database.status === 'unusable') return <RecoveryPage info={appInfo.data} />
  return (
    <HashRouter>
      <div className="shell">
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <nav aria-label={t('nav.label')}>
            <NavLink to="/" end>
              {t('nav.dashboard')}
            </NavLink>
            <NavLink to="/loans">{t('nav.loans')}</NavLink>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </nav>
        </aside>
        <main className="content">
          <Routes>
            <Route path="/" element={<DashboardPage />} />
            <Route path="/loans" element={<LoansPage />} />
            <Route path="/settings" element={<SettingsPage />} />
          </Routes>
        </main>
      </div>
    </HashRouter>
  )
}
