import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/api/contract'
import { api } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'

/**
 * Shown instead of the app when the database cannot be opened. The file is left as it is; the
 * user can restore a backup (a safety copy of the current file is kept first).
 */
export function RecoveryPage({ info }: { info: AppInfo }) {
  const { t, i18n } = useTranslation()
  const backups = useQuery({
    queryKey: ['backup.list'],
    queryFn: () => api.call('backup.list', {}),
  })
  const restore = useMutation({
    mutationFn: (name: string) => api.call('backup.restore', { name }),
    onSuccess: () => window.location.reload(),
  })
  const dateTime = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <main className="content recovery">
      <section className="page" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('recovery.title')}</h1>
        <div className="notice notice-error" role="alert">
          <strong>{t(`recovery.reasons.${info.database.reason ?? 'damaged'}`)}</strong>
          <p className="notice-detail">{t('recovery.untouched', { file: info.databaseFile })}</p>
          <p className="notice-detail technical">{info.database.problem}</p>
        </div>
        <h2>{t('recovery.backups')}</h2>
        {restore.isError && <ErrorNotice error={restore.error} />}
        {backups.isError && <ErrorNotice error={backups.error} />}
        {backups.data?.length === 0 && <p>{t('recovery.noBackups')}</p>}
        <ul className="backup-list">
          {backups.data?.map((backup) => (
            <li key={backup.name} className="card">
              <span>
                {dateTime.format(new Date(backup.createdAt))} ·{' '}
                {t(`recovery.reason.${backup.reason}`)}
              </span>
              <button
                type="button"
                disabled={restore.isPending}
                onClick={() => restore.mutate(backup.name)}
              >
                {t('recovery.restore')}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted">{t('recovery.safetyCopy')}</p>
      </section>
    </main>
  )
}
