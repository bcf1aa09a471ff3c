import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/api/contract'
import en from './en.json'
import zhCN from './zh-CN.json'

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const satisfies Record<Language, unknown>

/**
 * The system's language as far as we support it: the first of the user's languages that is
 * Chinese (any region → zh-CN) or English; English when neither is listed.
 */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  const first = preferred.map((tag) => tag.toLowerCase()).find((tag) => /^(zh|en)\b/.test(tag))
  return first?.startsWith('zh') ? 'zh-CN' : 'en'
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value)
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = language
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng))
  return i18next
}
