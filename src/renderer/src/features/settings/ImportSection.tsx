import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, FileTrigger } from 'react-aria-components'
import { EXPORT_FORMAT, type DataCounts, type ExportFile } from '@shared/api/exchange'
import type { MethodOutput } from '@shared/api/contract'
import { api } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Modal } from '../../components/ui/Modal'
import { notify } from '../../components/ui/Toasts'
import { useFollowStoredLanguage } from './after-replace'

type Preview = MethodOutput<'data.importPreview'>

interface Chosen {
  name: string
  file: ExportFile
  preview: Preview
}

const COUNTED: readonly (keyof DataCounts)[] = [
  'loans',
  'payments',
  'events',
  'checklist',
  'contacts',
]

/** A chosen file that is not JSON, or JSON that is not a RepayPath export. */
class UnreadableFile extends Error {
  constructor(
    readonly reason: 'notJson' | 'notExport',
    readonly fileName: string,
  ) {
    super(`${fileName}: ${reason}`)
  }
}

/** Reads a chosen file as an export document, or throws UnreadableFile. */
async function readExportFile(file: File): Promise<ExportFile> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await file.text())
  } catch {
    throw new UnreadableFile('notJson', file.name)
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    (parsed as { format?: unknown }).format !== EXPORT_FORMAT
  ) {
    throw new UnreadableFile('notExport', file.name)
  }
  // Its shape is checked by main against the contract; a mismatch comes back as invalid_input.
  return parsed as ExportFile
}

/**
 * Import a JSON export: the file is read here, main previews it (what the database holds now,
 * what the file brings, and any problems), and only a confirmation replaces everything.
 */
export function ImportSection() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const followStoredLanguage = useFollowStoredLanguage()
  const [chosen, setChosen] = useState<Chosen | null>(null)

  const preview = useMutation({
    mutationFn: async (file: File): Promise<Chosen> => {
      const exportFile = await readExportFile(file)
      const result = await api.call('data.importPreview', { file: exportFile })
      return { name: file.name, file: exportFile, preview: result }
    },
    onSuccess: setChosen,
  })
  const importData = useMutation({
    mutationFn: (file: ExportFile) => api.call('data.import', { file }),
    onSuccess: async ({ backup }) => {
      setChosen(null)
      notify(t('settings.import.imported'), t('settings.import.importedDetail', { backup }))
      // Every cached query describes data that is gone.
      await queryClient.invalidateQueries()
      await followStoredLanguage()
    },
  })

  const choose = (files: FileList | null) => {
    const file = files?.[0]
    if (file === undefined) return
    importData.reset()
    preview.mutate(file)
  }

  const close = () => {
    if (importData.isPending) return
    setChosen(null)
    importData.reset()
  }

  const blocked = chosen === null || chosen.preview.problems.length > 0

  return (
    <section className="card settings-section" aria-labelledby="settings-import">
      <h2 id="settings-import">{t('settings.import.title')}</h2>
      <p className="muted settings-hint">{t('settings.import.hint')}</p>
      {preview.isError &&
        (preview.error instanceof UnreadableFile ? (
          <div className="notice notice-error" role="alert">
            <strong>
              {t(`settings.import.${preview.error.reason}`, { name: preview.error.fileName })}
            </strong>
          </div>
        ) : (
          <ErrorNotice error={preview.error} />
        ))}
      <div className="settings-actions">
        <FileTrigger
          acceptedFileTypes={['application/json', '.json']}
          onSelect={choose}
          data-testid="import-file-input"
        >
          <Button className="button" isDisabled={preview.isPending}>
            {preview.isPending ? t('settings.import.reading') : t('settings.import.choose')}
          </Button>
        </FileTrigger>
      </div>
      <Modal
        title={t('settings.import.previewTitle')}
        isOpen={chosen !== null}
        onOpenChange={(open) => {
          if (!open) close()
        }}
        testId="import-preview"
      >
        {chosen !== null && (
          <>
            <p className="settings-file-name">{t('settings.import.file', { name: chosen.name })}</p>
            <p className="notice settings-warning">
              <strong>{t('settings.import.replaceWarning')}</strong>
            </p>
            <table className="settings-table import-counts" data-testid="import-counts">
              <caption className="settings-sr-only">{t('settings.import.countsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.import.item')}</th>
                  <th scope="col" className="number">
                    {t('settings.import.current')}
                  </th>
                  <th scope="col" className="number">
                    {t('settings.import.incoming')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {COUNTED.map((kind) => (
                  <tr key={kind} data-testid={`import-count-${kind}`}>
                    <th scope="row">{t(`settings.import.counts.${kind}`)}</th>
                    <td className="number">{chosen.preview.current[kind]}</td>
                    <td className="number">{chosen.preview.incoming[kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {chosen.preview.problems.length > 0 && (
              <div className="notice notice-error" data-testid="import-problems">
                <strong>{t('settings.import.problems')}</strong>
                <ul className="settings-problems">
                  {chosen.preview.problems.map((problem, index) => (
                    <li key={index}>
                      <code>{problem.field}</code>: {problem.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {importData.isError && <ErrorNotice error={importData.error} />}
            <div className="dialog-actions">
              <Button className="button" onPress={close} isDisabled={importData.isPending}>
                {t('common.cancel')}
              </Button>
              <Button
                className="button button-danger"
                onPress={() => importData.mutate(chosen.file)}
                isDisabled={blocked || importData.isPending}
              >
                {importData.isPending
                  ? t('settings.import.importing')
                  : t('settings.import.confirm')}
              </Button>
            </div>
          </>
        )}
      </Modal>
    </section>
  )
}
