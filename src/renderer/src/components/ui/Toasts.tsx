import { useTranslation } from 'react-i18next'
import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components'

interface ToastMessage {
  title: string
  detail?: string
  tone: 'success' | 'error'
}

/** One queue for the app: mutations report what they saved (or failed to) here. */
const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 })

export function notify(title: string, detail?: string, tone: ToastMessage['tone'] = 'success') {
  toastQueue.add({ title, detail, tone }, { timeout: tone === 'error' ? undefined : 5_000 })
}

/** The region where toasts appear (React Aria: announced to screen readers, F6 reaches them). */
export function Toasts() {
  const { t } = useTranslation()
  return (
    <ToastRegion queue={toastQueue} className="toast-region" aria-label={t('common.notifications')}>
      {({ toast }) => (
        <Toast toast={toast} className={`toast toast-${toast.content.tone}`}>
          <ToastContent className="toast-content">
            <Text slot="title">{toast.content.title}</Text>
            {toast.content.detail !== undefined && (
              <Text slot="description" className="toast-detail">
                {toast.content.detail}
              </Text>
            )}
          </ToastContent>
          <Button slot="close" className="toast-close" aria-label={t('common.close')}>
            ×
          </Button>
        </Toast>
      )}
    </ToastRegion>
  )
}
