import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useFormat } from '../../app/format'
import { ChartTooltipBox } from './ChartTooltip'
import { useChartFormat } from './chart-format'
import { ChartFigure } from './ChartFigure'

export interface WaitingRow {
  key: string
  kind: 'today' | 'wait' | 'plan'
  label: string
  shortLabel: string
  totalFen: number
}

const KIND_COLORS: Record<WaitingRow['kind'], string> = {
  today: '#3a9e8f',
  wait: '#d9534f',
  plan: '#7a5cc7',
}

/** The total cost of each choice as bars: paying today, after waiting, or by a plan. */
export function WaitingChart({ rows }: { rows: WaitingRow[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const chart = useChartFormat()
  const today = rows.find((row) => row.kind === 'today')?.totalFen ?? 0
  return (
    <ChartFigure testId="waiting-chart" title={t('waiting.chartTitle')}>
      <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={(fen: number) => chart.compactMoney(fen)}
            stroke="var(--muted)"
            fontSize={12}
            domain={[(min: number) => Math.floor(min * 0.9), 'auto']}
          />
          <YAxis
            type="category"
            dataKey="shortLabel"
            width={110}
            stroke="var(--muted)"
            fontSize={12}
          />
          <Bar dataKey="totalFen" isAnimationActive={false} className="series-waiting">
            {rows.map((row) => (
              <Cell key={row.key} fill={KIND_COLORS[row.kind]} />
            ))}
          </Bar>
          <Tooltip
            cursor={{ fill: 'var(--nav-active)' }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as WaitingRow | undefined
              if (active !== true || row === undefined) return null
              return (
                <ChartTooltipBox
                  title={row.label}
                  rows={[
                    { label: t('waiting.payoff'), value: format.money(row.totalFen) },
                    ...(row.kind === 'today'
                      ? []
                      : [{ label: t('waiting.extra'), value: format.money(row.totalFen - today) }]),
                  ]}
                />
              )
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  )
}
