import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCivilDate, type CivilDate } from '@shared/dates'
import { formatFen, type Fen } from '@shared/money'

/** Money and dates in the interface language, exactly (amounts never pass through floats). */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    return {
      money: (fen: Fen) => formatFen(fen, locale),
      date: (date: CivilDate) => formatCivilDate(date, locale),
    }
  }, [locale])
}
