import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CivilDate } from '@shared/dates'

/**
 * Axis labels: short dates and compact whole-yuan amounts ("¥1.2万", "¥12K"). Tooltips and
 * summaries show exact amounts; an axis tick only has to be readable.
 */
export function useChartFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale, {
      year: '2-digit',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    })
    const months = new Intl.DateTimeFormat(locale, {
      year: '2-digit',
      month: 'short',
      timeZone: 'UTC',
    })
    const compact = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      maximumFractionDigits: 1,
    })
    return {
      shortDate: (date: CivilDate) => dates.format(new Date(`${date}T00:00:00Z`)),
      month: (month: string) => months.format(new Date(`${month}-01T00:00:00Z`)),
      /** Whole yuan (the fen cut off exactly, integers only) in compact notation. */
      compactMoney: (fen: number) => compact.format((fen - (fen % 100)) / 100),
    }
  }, [locale])
}
