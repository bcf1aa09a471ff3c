import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/api/contract'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useAppInfo, useUpdateSettings } from '../../app/queries'
import { isLanguage } from '../../i18n'
import { BackupsSection } from './BackupsSection'
import { ExportSection } from './ExportSection'
import { ImportSection } from './ImportSection'
import { RemindersSection } from './RemindersSection'
import './settings.css'

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' }

/** Language, where the data lives, backups, export and import, and what this app is. */
export function SettingsPage() {
  const { t, i18n } = useTranslation()
  const appInfo = useAppInfo()
  const updateSettings = useUpdateSettings()

  const chooseLanguage = (value: string) => {
    if (!isLanguage(value)) return
    // Switch at once; saving follows, and its error (if any) shows below the heading.
    void i18n.changeLanguage(value)
    updateSettings.mutate({ language: value })
  }

  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {updateSettings.isError && <ErrorNotice error={updateSettings.error} />}
      <fieldset className="card">
        <legend>{t('settings.language')}</legend>
        <p className="muted">{t('settings.languageHint')}</p>
        <div className="choice-row">
          {LANGUAGES.map((language) => (
            <label key={language} className="choice">
              <input
                type="radio"
                name="language"
                value={language}
                checked={i18n.language === language}
                onChange={(event) => chooseLanguage(event.target.value)}
              />
              <span lang={language}>{LANGUAGE_NAMES[language]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {appInfo.isError && (
        <ErrorNotice error={appInfo.error} onRetry={() => void appInfo.refetch()} />
      )}
      {appInfo.data !== undefined && (
        <section className="card settings-section" aria-labelledby="settings-storage">
          <h2 id="settings-storage">{t('settings.storage')}</h2>
          <p className="muted settings-hint">{t('settings.storageHint')}</p>
          <dl className="facts">
            <dt>{t('settings.dataFolder')}</dt>
            <dd className="path" data-testid="data-folder">
              {appInfo.data.dataDir}
            </dd>
            <dt>{t('settings.databaseFile')}</dt>
            <dd className="path">{appInfo.data.databaseFile}</dd>
          </dl>
        </section>
      )}
      <RemindersSection />
      <BackupsSection />
      <ExportSection />
      <ImportSection />
      {appInfo.data !== undefined && (
        <section className="card settings-section" aria-labelledby="settings-about">
          <h2 id="settings-about">{t('settings.about')}</h2>
          <p className="settings-about" data-testid="about">
            {t('app.name')} · {t('settings.version', { version: appInfo.data.version })} ·{' '}
            {appInfo.data.runtime === 'electron'
              ? t('settings.runtimeElectron')
              : t('settings.runtimeBrowser')}
          </p>
        </section>
      )}
    </section>
  )
}
