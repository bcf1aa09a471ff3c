import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Radio, RadioGroup } from 'react-aria-components'
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { HORIZONS } from '@shared/api/chart-schema'
import type { LoanSeries, OwedPoint } from '@shared/charts/loan-series'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ChartTooltipBox } from './ChartTooltip'
import { bandColor, COMPONENT_COLORS, dayOf, STACK_ORDER, TODAY_COLOR } from './chart-theme'
import { useChartFormat } from './chart-format'
import { ChartFigure } from './ChartFigure'

type Horizon = (typeof HORIZONS)[number]

/**
 * A loan's charts: what it owes over time by component (stacked), with the overdue stages as
 * bands, payments as dots and today as a line, projected ahead 30, 90 or 365 days with nothing
 * more paid; and the penalty, compound interest and fees charged so far. Loaded lazily.
 */
export function LoanCharts({ loanId }: { loanId: number }) {
  const { t } = useTranslation()
  const [horizon, setHorizon] = useState<Horizon>(90)
  const series = useQuery({
    queryKey: ['loans.series', loanId, horizon],
    queryFn: () => api.call('loans.series', { id: loanId, horizonDays: horizon }),
  })
  return (
    <div className="loan-charts">
      <RadioGroup
        className="segmented"
        orientation="horizontal"
        value={String(horizon)}
        onChange={(value) => setHorizon(Number(value) as Horizon)}
        aria-label={t('charts.horizon')}
      >
        <span className="field-label" aria-hidden="true">
          {t('charts.horizon')}
        </span>
        {HORIZONS.map((days) => (
          <Radio key={days} value={String(days)} className="segment">
            {t('charts.days', { count: days })}
          </Radio>
        ))}
      </RadioGroup>
      {series.error !== null && <ErrorNotice error={series.error} />}
      {series.data === undefined ? (
        <div className="chart-placeholder chart-placeholder-pair">{t('common.loading')}</div>
      ) : (
        <>
          <OwedChart series={series.data} />
          <LateChargesChart series={series.data} />
        </>
      )}
    </div>
  )
}

/** The dashed line marking today, with its label. */
function todayLine(day: number, label: string) {
  return {
    x: day,
    stroke: TODAY_COLOR,
    strokeWidth: 2,
    strokeDasharray: '4 3',
    label: { value: label, position: 'top', fill: TODAY_COLOR, fontSize: 12 } as const,
    className: 'today-line',
  }
}

interface Row extends OwedPoint {
  day: number
}

function rowsOf(series: LoanSeries): Row[] {
  return series.points.map((point) => ({ ...point, day: dayOf(point.on) }))
}

function OwedChart({ series }: { series: LoanSeries }) {
  const { t } = useTranslation()
  const format = useFormat()
  const chart = useChartFormat()
  const rows = rowsOf(series)
  const today = dayOf(series.today)
  const last = rows.at(-1)
  const atToday = rows.find((row) => row.day === today)
  const byDay = new Map(rows.map((row) => [row.day, row]))
  return (
    <ChartFigure
      testId="owed-chart"
      title={t('charts.owedTitle')}
      summary={t('charts.owedSummary', {
        today: format.money(atToday?.totalFen ?? 0),
        end: format.money(last?.totalFen ?? 0),
        date: format.date(last?.on ?? series.today),
      })}
    >
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows} margin={{ top: 20, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis {...chart.dayAxis} />
          <YAxis {...chart.moneyAxis} />
          {series.stageBands.map((band) => (
            <ReferenceArea
              key={`${band.code}-${band.from}`}
              x1={dayOf(band.from)}
              x2={dayOf(band.to)}
              fill={bandColor(band.code)}
              fillOpacity={0.12}
              ifOverflow="hidden"
              className={`stage-band stage-band-${String(band.code)}`}
            />
          ))}
          {STACK_ORDER.map((key) => (
            <Area
              key={key}
              type="linear"
              dataKey={key}
              name={t(`component.${key}`)}
              stackId="owed"
              stroke={COMPONENT_COLORS[key]}
              fill={COMPONENT_COLORS[key]}
              fillOpacity={0.55}
              isAnimationActive={false}
              className={`series-${key}`}
            />
          ))}
          {series.payments.map((payment) => {
            const row = byDay.get(dayOf(payment.on))
            return (
              <ReferenceDot
                key={`${payment.on}-${payment.amountFen}`}
                x={dayOf(payment.on)}
                y={row?.totalFen ?? 0}
                r={4}
                fill="var(--surface)"
                stroke={TODAY_COLOR}
                strokeWidth={2}
                className="payment-marker"
              />
            )
          })}
          <ReferenceLine {...todayLine(today, t('charts.today'))} />
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as Row | undefined
              if (active !== true || row === undefined) return null
              return (
                <ChartTooltipBox
                  title={`${format.date(row.on)}${row.projected ? ` · ${t('charts.projected')}` : ''}`}
                  rows={[
                    ...[...STACK_ORDER].reverse().map((key) => ({
                      label: t(`component.${key}`),
                      value: format.money(row[key]),
                      color: COMPONENT_COLORS[key],
                    })),
                    { label: t('charts.total'), value: format.money(row.totalFen) },
                  ]}
                />
              )
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="chart-legend" aria-label={t('charts.legend')}>
        {[...STACK_ORDER].map((key) => (
          <li key={key}>
            <span
              className="chart-swatch"
              style={{ background: COMPONENT_COLORS[key] }}
              aria-hidden="true"
            />
            {t(`component.${key}`)}
          </li>
        ))}
        <li>
          <span className="chart-swatch chart-swatch-band" aria-hidden="true" />
          {t('charts.stageBands')}
        </li>
        <li>
          <span className="chart-swatch chart-swatch-payment" aria-hidden="true" />
          {t('charts.payments')}
        </li>
      </ul>
    </ChartFigure>
  )
}

function LateChargesChart({ series }: { series: LoanSeries }) {
  const { t } = useTranslation()
  const format = useFormat()
  const chart = useChartFormat()
  const rows = rowsOf(series)
  const today = dayOf(series.today)
  const atToday = rows.find((row) => row.day === today)
  const last = rows.at(-1)
  return (
    <ChartFigure
      testId="late-charges-chart"
      title={t('charts.lateTitle')}
      summary={t('charts.lateSummary', {
        today: format.money(atToday?.lateChargesFen ?? 0),
        end: format.money(last?.lateChargesFen ?? 0),
        date: format.date(last?.on ?? series.today),
      })}
    >
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={rows} margin={{ top: 20, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis {...chart.dayAxis} />
          <YAxis {...chart.moneyAxis} />
          <Line
            type="linear"
            dataKey="lateChargesFen"
            name={t('charts.lateCharges')}
            stroke={COMPONENT_COLORS.penalty}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            className="series-late-charges"
          />
          <ReferenceLine {...todayLine(today, t('charts.today'))} />
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as Row | undefined
              if (active !== true || row === undefined) return null
              return (
                <ChartTooltipBox
                  title={`${format.date(row.on)}${row.projected ? ` · ${t('charts.projected')}` : ''}`}
                  rows={[
                    { label: t('charts.lateCharges'), value: format.money(row.lateChargesFen) },
                  ]}
                />
              )
            }}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  )
}
