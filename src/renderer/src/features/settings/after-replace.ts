import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { isLanguage } from '../../i18n'

/**
 * After a restore or an import has replaced the database, the interface takes the language
 * the new data has stored (if it has chosen one), as it would on the next start.
 */
export function useFollowStoredLanguage(): () => Promise<void> {
  const { i18n } = useTranslation()
  return async () => {
    const settings = await api.call('settings.get', {}).catch(() => null)
    const language = settings?.language ?? null
    if (language !== null && isLanguage(language) && language !== i18n.language) {
      await i18n.changeLanguage(language)
    }
  }
}
