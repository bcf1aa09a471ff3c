import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { Modal } from './Modal'

/** Asks before something that cannot be undone (deleting, restoring, replacing data). */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  isOpen,
  onOpenChange,
  onConfirm,
  isPending = false,
  tone = 'danger',
}: {
  title: string
  body: string
  confirmLabel: string
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  onConfirm: () => void
  isPending?: boolean
  tone?: 'danger' | 'primary'
}) {
  const { t } = useTranslation()
  return (
    <Modal title={title} isOpen={isOpen} onOpenChange={onOpenChange} testId="confirm-dialog">
      {(close) => (
        <>
          <p>{body}</p>
          <div className="dialog-actions">
            <Button className="button" onPress={close}>
              {t('common.cancel')}
            </Button>
            <Button className={`button button-${tone}`} onPress={onConfirm} isDisabled={isPending}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </Modal>
  )
}
