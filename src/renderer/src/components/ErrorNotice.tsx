import { useTranslation } from 'react-i18next'
import { ApiError } from '@shared/api/errors'

/** Shows an API error as `{ code, message, field? }` arrived: what went wrong and where. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const apiError = error instanceof ApiError ? error : null
  return (
    <div className="notice notice-error" role="alert">
      <strong>{apiError === null ? t('errors.network') : t(`errors.${apiError.code}`)}</strong>
      {apiError !== null && <p className="notice-detail">{apiError.message}</p>}
      {apiError?.field !== undefined && (
        <p className="notice-detail">{t('errors.field', { field: apiError.field })}</p>
      )}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
