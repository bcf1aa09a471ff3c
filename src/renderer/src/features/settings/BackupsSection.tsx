import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import type { MethodOutput } from '@shared/api/contract'
import { useBackups, useCreateBackup, useRestoreBackup } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ConfirmDialog } from '../../components/ui/ConfirmDialog'
import { notify } from '../../components/ui/Toasts'
import { useFollowStoredLanguage } from './after-replace'
import { useFileFormat } from './format'

/** How many backups show before "show all". */
const SHOWN_AT_FIRST = 8

type Backup = MethodOutput<'backup.list'>[number]

/** The backups, newest first: take one now, or restore one (after a confirmation). */
export function BackupsSection() {
  const { t } = useTranslation()
  const format = useFileFormat()
  const backups = useBackups()
  const create = useCreateBackup()
  const restore = useRestoreBackup()
  const followStoredLanguage = useFollowStoredLanguage()
  const [toRestore, setToRestore] = useState<Backup | null>(null)
  const [showAll, setShowAll] = useState(false)

  const backUpNow = () =>
    create.mutate(undefined, {
      onSuccess: (backup) => notify(t('settings.backups.created'), backup.name),
    })

  const confirmRestore = () => {
    if (toRestore === null) return
    restore.mutate(toRestore.name, {
      onSuccess: async ({ safetyCopy }) => {
        setToRestore(null)
        notify(
          t('settings.backups.restored'),
          safetyCopy === null ? undefined : t('settings.backups.restoredDetail', { safetyCopy }),
        )
        await followStoredLanguage()
      },
      onError: () => setToRestore(null),
    })
  }

  const list = backups.data ?? []
  const shown = showAll ? list : list.slice(0, SHOWN_AT_FIRST)

  return (
    <section className="card settings-section" aria-labelledby="settings-backups">
      <div className="settings-section-header">
        <h2 id="settings-backups">{t('settings.backups.title')}</h2>
        <Button className="button button-primary" onPress={backUpNow} isDisabled={create.isPending}>
          {create.isPending ? t('settings.backups.backingUp') : t('settings.backups.backUpNow')}
        </Button>
      </div>
      <p className="muted settings-hint">{t('settings.backups.hint')}</p>
      {create.isError && <ErrorNotice error={create.error} />}
      {restore.isError && <ErrorNotice error={restore.error} />}
      {backups.isError && (
        <ErrorNotice error={backups.error} onRetry={() => void backups.refetch()} />
      )}
      {backups.isPending && <p className="muted">{t('common.loading')}</p>}
      {backups.isSuccess && list.length === 0 && <p>{t('settings.backups.empty')}</p>}
      {list.length > 0 && (
        <table className="settings-table backup-table" data-testid="backup-table">
          <caption className="settings-sr-only">{t('settings.backups.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.backups.when')}</th>
              <th scope="col">{t('settings.backups.kind')}</th>
              <th scope="col" className="number">
                {t('settings.backups.size')}
              </th>
              <th scope="col" className="actions">
                <span className="settings-sr-only">{t('settings.backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((backup) => {
              const date = format.dateTime(backup.createdAt)
              return (
                <tr key={backup.name} data-testid={`backup-${backup.name}`}>
                  <td>
                    <span className="backup-date">{date}</span>
                    <span className="backup-name">{backup.name}</span>
                  </td>
                  <td>{t(`settings.backups.reason.${backup.reason}`)}</td>
                  <td className="number">{format.size(backup.sizeBytes)}</td>
                  <td className="actions">
                    <Button
                      className="button"
                      aria-label={t('settings.backups.restoreLabel', { date })}
                      onPress={() => setToRestore(backup)}
                      isDisabled={restore.isPending}
                    >
                      {t('settings.backups.restore')}
                    </Button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {list.length > SHOWN_AT_FIRST && (
        <Button className="button settings-more" onPress={() => setShowAll((all) => !all)}>
          {showAll
            ? t('settings.backups.showFewer')
            : t('settings.backups.showAll', { count: list.length })}
        </Button>
      )}
      <ConfirmDialog
        title={t('settings.backups.restoreTitle')}
        body={
          toRestore === null
            ? ''
            : t('settings.backups.restoreBody', {
                date: format.dateTime(toRestore.createdAt),
                reason: t(`settings.backups.reason.${toRestore.reason}`),
              })
        }
        confirmLabel={t('settings.backups.restoreConfirm')}
        isOpen={toRestore !== null}
        onOpenChange={(open) => {
          if (!open && !restore.isPending) setToRestore(null)
        }}
        onConfirm={confirmRestore}
        isPending={restore.isPending}
      />
    </section>
  )
}
