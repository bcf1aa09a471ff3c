import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { api } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { notify } from '../../components/ui/Toasts'
import { downloadFile, exportFileName } from './download'

/** Everything as one JSON document (to import later), or the payments as CSV (for Excel). */
export function ExportSection() {
  const { t } = useTranslation()
  const exportJson = useMutation({
    mutationFn: () => api.call('data.export', {}),
    onSuccess: (file) => {
      const filename = exportFileName()
      downloadFile(filename, `${JSON.stringify(file, null, 2)}\n`, 'application/json')
      notify(t('settings.export.done'), filename)
    },
  })
  const exportCsv = useMutation({
    mutationFn: () => api.call('csv.exportPayments', {}),
    onSuccess: ({ filename, csv }) => {
      // The CSV starts with a BOM, so Excel reads it as UTF-8.
      downloadFile(filename, csv, 'text/csv;charset=utf-8')
      notify(t('settings.export.done'), filename)
    },
  })
  return (
    <section className="card settings-section" aria-labelledby="settings-export">
      <h2 id="settings-export">{t('settings.export.title')}</h2>
      <p className="muted settings-hint">{t('settings.export.hint')}</p>
      {exportJson.isError && <ErrorNotice error={exportJson.error} />}
      {exportCsv.isError && <ErrorNotice error={exportCsv.error} />}
      <div className="settings-actions">
        <Button
          className="button"
          onPress={() => exportJson.mutate()}
          isDisabled={exportJson.isPending}
        >
          {t('settings.export.json')}
        </Button>
        <Button
          className="button"
          onPress={() => exportCsv.mutate()}
          isDisabled={exportCsv.isPending}
        >
          {t('settings.export.csv')}
        </Button>
      </div>
    </section>
  )
}
