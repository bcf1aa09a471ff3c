import { useTranslation } from 'react-i18next'

export function LoansPage() {
  const { t } = useTranslation()
  return (
    <section className="page" aria-labelledby="loans-title">
      <h1 id="loans-title">{t('loans.title')}</h1>
      <div className="empty-state">
        <h2>{t('loans.emptyTitle')}</h2>
        <p>{t('loans.emptyBody')}</p>
      </div>
    </section>
  )
}
