import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fromDayNumber, type CivilDate } from '@shared/dates'

/** How every axis looks: muted, small, in the theme's colours. */
const AXIS_STYLE = { stroke: 'var(--muted)', fontSize: 12 } as const

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
    const shortDate = (date: CivilDate) => dates.format(new Date(`${date}T00:00:00Z`))
    const compactMoney = (fen: number) => compact.format((fen - (fen % 100)) / 100)
    const month = (value: string) => months.format(new Date(`${value}-01T00:00:00Z`))
    return {
      shortDate,
      month,
      compactMoney,
      /** An x axis of day numbers, labelled with short dates. */
      dayAxis: {
        ...AXIS_STYLE,
        dataKey: 'day',
        type: 'number',
        domain: ['dataMin', 'dataMax'],
        tickFormatter: (day: number) => shortDate(fromDayNumber(day)),
      } as const,
      /** An x axis of 'YYYY-MM' months. */
      monthAxis: { ...AXIS_STYLE, dataKey: 'month', tickFormatter: month } as const,
      /** A y axis of amounts in fen, labelled in compact whole yuan. */
      moneyAxis: { ...AXIS_STYLE, width: 64, tickFormatter: compactMoney } as const,
    }
  }, [locale])
}
