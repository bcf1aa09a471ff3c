import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { portfolioSeriesQuery } from '../../app/queries'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ChartTooltipBox } from './ChartTooltip'
import { COMPONENT_COLORS } from './chart-theme'
import { useChartFormat } from './chart-format'
import { ChartFigure } from './ChartFigure'

interface MonthRow {
  month: string
  on: string
  totalOwedFen: number
  overdueFen: number
  lateChargedInMonthFen: number
}

const OWED_COLOR = COMPONENT_COLORS.principal
const OVERDUE_COLOR = COMPONENT_COLORS.penalty

/** Across the open loans, month by month: what was owed and overdue, and what lateness cost. */
export function PortfolioCharts() {
  const { t } = useTranslation()
  const format = useFormat()
  const chart = useChartFormat()
  const series = useQuery(portfolioSeriesQuery)
  if (series.error !== null) return <ErrorNotice error={series.error} />
  if (series.data === undefined)
    return <div className="chart-placeholder">{t('common.loading')}</div>
  const rows: MonthRow[] = series.data.months
  if (rows.length === 0) return null
  const tooltip = (keys: { key: keyof MonthRow; label: string; color: string }[]) =>
    function MonthTooltip({
      active,
      payload,
    }: {
      active?: boolean
      payload?: readonly { payload?: unknown }[]
    }) {
      const row = payload?.[0]?.payload as MonthRow | undefined
      if (active !== true || row === undefined) return null
      return (
        <ChartTooltipBox
          title={`${chart.month(row.month)} · ${format.date(row.on)}`}
          rows={keys.map(({ key, label, color }) => ({
            label,
            value: format.money(row[key] as number),
            color,
          }))}
        />
      )
    }
  const owedKeys = [
    { key: 'totalOwedFen' as const, label: t('portfolioCharts.owed'), color: OWED_COLOR },
    { key: 'overdueFen' as const, label: t('portfolioCharts.overdue'), color: OVERDUE_COLOR },
  ]
  const lateKeys = [
    {
      key: 'lateChargedInMonthFen' as const,
      label: t('portfolioCharts.lateInMonth'),
      color: OVERDUE_COLOR,
    },
  ]
  return (
    <div className="portfolio-charts">
      <ChartFigure testId="portfolio-owed-chart" title={t('portfolioCharts.owedTitle')}>
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis {...chart.monthAxis} />
            <YAxis {...chart.moneyAxis} />
            <Area
              type="linear"
              dataKey="totalOwedFen"
              name={t('portfolioCharts.owed')}
              stroke={OWED_COLOR}
              fill={OWED_COLOR}
              fillOpacity={0.3}
              isAnimationActive={false}
              className="series-owed"
            />
            <Area
              type="linear"
              dataKey="overdueFen"
              name={t('portfolioCharts.overdue')}
              stroke={OVERDUE_COLOR}
              fill={OVERDUE_COLOR}
              fillOpacity={0.3}
              isAnimationActive={false}
              className="series-overdue"
            />
            <Tooltip content={tooltip(owedKeys)} />
          </AreaChart>
        </ResponsiveContainer>
        <ul className="chart-legend" aria-label={t('charts.legend')}>
          {owedKeys.map(({ key, label, color }) => (
            <li key={key}>
              <span className="chart-swatch" style={{ background: color }} aria-hidden="true" />
              {label}
            </li>
          ))}
        </ul>
      </ChartFigure>
      <ChartFigure testId="portfolio-late-chart" title={t('portfolioCharts.lateTitle')}>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis {...chart.monthAxis} />
            <YAxis {...chart.moneyAxis} />
            <Bar
              dataKey="lateChargedInMonthFen"
              name={t('portfolioCharts.lateInMonth')}
              fill={OVERDUE_COLOR}
              isAnimationActive={false}
              className="series-late-in-month"
            />
            <Tooltip cursor={{ fill: 'var(--nav-active)' }} content={tooltip(lateKeys)} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  )
}
