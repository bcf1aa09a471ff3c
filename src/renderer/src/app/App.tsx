import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { I18nProvider, RouterProvider } from 'react-aria-components'
import { HashRouter, NavLink, Route, Routes, useHref, useNavigate } from 'react-router'
import { OnDemand } from '../components/OnDemand'
import { Toasts } from '../components/ui/Toasts'
import { DashboardPage } from '../features/dashboard/DashboardPage'
import { LoansPage } from '../features/loans/LoansPage'
import { RecoveryPage } from '../features/recovery/RecoveryPage'
import { useAppCommands } from './commands'
import { useAppInfo } from './queries'

// Screens other than the lists load on first visit, so the overview's numbers show first.
const loadLoanPage = () => import('../features/loan/LoanPage').then((module) => module.LoanPage)
const loadPlannerPage = () =>
  import('../features/planner/PlannerPage').then((module) => module.PlannerPage)
const loadSettingsPage = () =>
  import('../features/settings/SettingsPage').then((module) => module.SettingsPage)

/** A screen loaded on its first visit. */
function OnDemandScreen({ name, load }: { name: string; load: () => Promise<ComponentType> }) {
  const { t } = useTranslation()
  return (
    <OnDemand name={name} load={load} fallback={<p className="muted">{t('common.loading')}</p>}>
      {(Screen) => <Screen />}
    </OnDemand>
  )
}

export function App() {
  const { i18n } = useTranslation()
  const appInfo = useAppInfo()
  return (
    // React Aria's widgets (date fields, calendars, tables) follow the interface language.
    <I18nProvider locale={i18n.language}>
      {appInfo.data?.database.status === 'unusable' ? (
        <RecoveryPage info={appInfo.data} />
      ) : (
        <HashRouter>
          <Shell />
        </HashRouter>
      )}
      <Toasts />
    </I18nProvider>
  )
}

function Shell() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  useAppCommands()
  return (
    // React Aria links and table rows with an href navigate through the router.
    <RouterProvider navigate={(path) => void navigate(path)} useHref={useHref}>
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
            <NavLink to="/planner">{t('nav.planner')}</NavLink>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </nav>
        </aside>
        <main className="content">
          <Routes>
            <Route path="/" element={<DashboardPage />} />
            <Route path="/loans" element={<LoansPage />} />
            <Route
              path="/loans/:loanId"
              element={<OnDemandScreen name="loan-page" load={loadLoanPage} />}
            />
            <Route
              path="/planner"
              element={<OnDemandScreen name="planner-page" load={loadPlannerPage} />}
            />
            <Route
              path="/settings"
              element={<OnDemandScreen name="settings-page" load={loadSettingsPage} />}
            />
          </Routes>
        </main>
      </div>
    </RouterProvider>
  )
}
