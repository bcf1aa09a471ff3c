import { useEffect, useEffectEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { commandForKeyPress, type AppCommand } from '@shared/api/commands'
import { ApiError } from '@shared/api/errors'
import { api } from '../api'
import { notify } from '../components/ui/Toasts'
import { downloadFile, exportFileName } from '../features/settings/download'
import { useCreateBackup } from './queries'

const LOAN_PAGE = /^\/loans\/\d+$/

/** Where focus means the user is typing: shortcuts leave those keys alone. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.closest('[role="textbox"], [role="spinbutton"], [role="combobox"]') !== null
  )
}

/** Every dialog of the app is a `Modal` (components/ui/Modal.tsx), shown in this overlay. */
function dialogIsOpen(): boolean {
  return document.querySelector('.modal-overlay') !== null
}

/**
 * The menu's commands (File → New loan, Log payment, Back up now, Export data). In Electron
 * they arrive from main through the preload's `onCommand`; in browser mode the same shortcuts
 * are bound here. A command never replaces an open dialog (the user would lose what they
 * typed): it says to close it first.
 *
 * - new-loan: the Loans page with its add-loan form open (`/loans?new=1`, read by AddLoanButton)
 * - log-payment: on a loan's page, its payment dialog (`?pay=1`, read by LoanPage); elsewhere
 *   the Loans page and a note to pick a loan
 * - backup: a backup now (`backup.create`), reported in a toast
 * - export: Settings, and everything exported as JSON (as Settings → Export does)
 */
export function useAppCommands(): void {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const createBackup = useCreateBackup()

  const failed = (title: string, error: unknown) =>
    notify(title, error instanceof ApiError ? error.message : t('errors.network'), 'error')

  const exportAll = async () => {
    try {
      const file = await api.call('data.export', {})
      const filename = exportFileName()
      downloadFile(filename, `${JSON.stringify(file, null, 2)}\n`, 'application/json')
      notify(t('settings.export.done'), filename)
    } catch (error) {
      failed(t('commands.exportFailed'), error)
    }
  }

  const run = useEffectEvent((command: AppCommand) => {
    if (dialogIsOpen()) {
      notify(t('commands.closeDialogFirst'))
      return
    }
    switch (command) {
      case 'new-loan':
        void navigate('/loans?new=1')
        return
      case 'log-payment':
        if (LOAN_PAGE.test(pathname)) {
          void navigate({ pathname, search: '?pay=1' }, { replace: true })
        } else {
          void navigate('/loans')
          notify(t('commands.pickLoan'), t('commands.pickLoanDetail'))
        }
        return
      case 'backup':
        createBackup.mutate(undefined, {
          onSuccess: (backup) => notify(t('settings.backups.created'), backup.name),
          onError: (error) => failed(t('commands.backupFailed'), error),
        })
        return
      case 'export':
        void navigate('/settings')
        void exportAll()
        return
    }
  })

  useEffect(() => {
    const bridge = window.repaypath
    if (bridge !== undefined) return bridge.onCommand((command) => run(command))
    // Browser mode: no menu, so the page binds the menu's shortcuts itself.
    const mac = /Mac|iPhone|iPad/.test(navigator.platform)
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return
      const command = commandForKeyPress(event, mac)
      if (command === null) return
      event.preventDefault()
      if (!event.repeat) run(command)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
