import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CivilDate } from '@shared/dates'
import { formatFen, type Fen } from '@shared/money'

/** Money and dates in the interface language, exactly (amounts never pass through floats). */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    return {
      money: (fen: Fen) => formatFen(fen, locale),
      date: (date: CivilDate) => dates.format(new Date(`${date}T00:00:00Z`)),
    }
  }, [locale])
}
