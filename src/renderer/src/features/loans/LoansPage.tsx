import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { LoanTable } from '../../components/LoanTable'
import { AddLoanButton } from '../loan-form/AddLoanButton'

export function LoansPage() {
  const { t } = useTranslation()
  const [includeArchived, setIncludeArchived] = useState(false)
  const loans = useQuery({
    queryKey: ['loans.list', { includeArchived }],
    queryFn: () => api.call('loans.list', { includeArchived }),
  })
  return (
    <section className="page" aria-labelledby="loans-title">
      <header className="page-header">
        <h1 id="loans-title">{t('loans.title')}</h1>
        <AddLoanButton />
      </header>
      {loans.isError && <ErrorNotice error={loans.error} onRetry={() => void loans.refetch()} />}
      <label className="choice">
        <input
          type="checkbox"
          checked={includeArchived}
          onChange={(event) => setIncludeArchived(event.target.checked)}
        />
        <span>{t('loans.showArchived')}</span>
      </label>
      {loans.data !== undefined && loans.data.length > 0 && (
        <LoanTable loans={loans.data} caption={t('loans.allByUrgency')} />
      )}
      {loans.data?.length === 0 && (
        <div className="empty-state">
          <h2>{t('loans.emptyTitle')}</h2>
          <p>{t('loans.emptyBody')}</p>
        </div>
      )}
    </section>
  )
}
