import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts'
import type { PlanResult } from '@shared/api/planner-schema'
import type { PlanOrder } from '@shared/engine/planner'
import { fenToYuanString } from '@shared/money'
import { useFormat } from '../../app/format'

type Plan = PlanResult['plans'][number]

/**
 * Total paid under each order that clears, as horizontal bars from zero, each labelled with its
 * exact amount; the cheapest in the accent colour. The same figures are in the table above, so
 * the chart is hidden from assistive technology. Bar lengths are integer fen; axis labels are
 * whole yuan, formatted from the decimal string.
 */
export default function PlanChart({
  plans,
  bestOrders,
}: {
  plans: Plan[]
  bestOrders: PlanOrder[]
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const yuan = useMemo(
    () =>
      new Intl.NumberFormat(i18n.language, {
        style: 'currency',
        currency: 'CNY',
        currencyDisplay: 'narrowSymbol',
        maximumFractionDigits: 0,
      }),
    [i18n.language],
  )
  const data = plans.map((plan) => ({
    order: plan.order,
    label: t(`planner.orders.${plan.order}`),
    fen: plan.totalPaidFen,
  }))
  const tick = (fen: number) => yuan.format(fenToYuanString(Math.round(fen)) as unknown as number)
  return (
    <figure className="planner-chart" data-testid="planner-chart">
      <figcaption className="planner-chart-title">{t('planner.chartTitle')}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={data.length * 44 + 40}>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 104, bottom: 0, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 'auto']}
              tickFormatter={tick}
              stroke="var(--muted)"
              fontSize={12}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={150}
              stroke="var(--muted)"
              fontSize={12}
              tickLine={false}
            />
            <Bar dataKey="fen" isAnimationActive={false} maxBarSize={28}>
              {data.map((entry) => (
                <Cell
                  key={entry.order}
                  fill={bestOrders.includes(entry.order) ? 'var(--accent)' : 'var(--muted)'}
                  className={bestOrders.includes(entry.order) ? 'planner-bar-best' : 'planner-bar'}
                />
              ))}
              <LabelList
                dataKey="fen"
                position="right"
                fill="var(--text)"
                fontSize={12}
                formatter={(value) => (typeof value === 'number' ? format.money(value) : '')}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
