import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components'
import { z } from 'zod'
import { agreedPlanCost, sketchPlan } from '@shared/charts/waiting'
import { addMonths } from '@shared/dates'
import type { Ledger } from '@shared/engine/ledger-types'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'
import { OnDemand } from '../../components/OnDemand'
import { Field } from '../../components/ui/Field'
import type { WaitingRow } from '../charts/WaitingChart'

const loadWaitingChart = () => import('../charts/WaitingChart')

const SKETCH_MONTHS = [3, 6, 12, 24, 36, 60] as const

const sketchSchema = z.object({
  months: z.coerce.number().int().min(2).max(60),
  feePercent: z
    .string()
    .trim()
    .regex(/^\d{1,2}(\.\d{1,4})?$/, 'percent'),
})
type SketchValues = z.input<typeof sketchSchema>

/**
 * What clearing the loan costs if paid today or after 7, 30, 60 or 90 days (the engine's
 * projection, nothing else paid meanwhile), against the plan agreed with the lender (from the
 * loan's events) and a plan the user sketches: as a table, and as a chart loaded after it.
 */
export function CostOfWaiting({ loanId, ledger }: { loanId: number; ledger: Ledger }) {
  const { t } = useTranslation()
  const format = useFormat()
  const closed = ledger.closed !== false
  const projection = useQuery({
    queryKey: ['loans.projection', loanId],
    queryFn: () => api.call('loans.projection', { id: loanId }),
    enabled: !closed,
  })
  const form = useForm<SketchValues>({
    resolver: zodResolver(sketchSchema),
    defaultValues: { months: 12, feePercent: '0' },
    mode: 'onChange',
  })
  const [months, feePercent] = useWatch({ control: form.control, name: ['months', 'feePercent'] })
  const sketch = sketchSchema.safeParse({ months, feePercent })
  if (closed) return <p className="muted">{t('waiting.closed')}</p>
  if (projection.error !== null) return <ErrorNotice error={projection.error} />
  if (projection.data === undefined) return <p className="muted">{t('common.loading')}</p>

  const today = projection.data.asOf
  const rows: WaitingRow[] = projection.data.costOfWaiting.map((choice) => ({
    key: `wait-${choice.waitDays}`,
    kind: choice.waitDays === 0 ? 'today' : 'wait',
    label:
      choice.waitDays === 0
        ? t('waiting.today')
        : t('waiting.inDays', { count: choice.waitDays, date: format.date(choice.payOn) }),
    shortLabel:
      choice.waitDays === 0
        ? t('waiting.today')
        : t('waiting.shortDays', { count: choice.waitDays }),
    totalFen: choice.payoffFen,
  }))
  const todayFen = rows[0]?.totalFen ?? 0
  const agreed = agreedPlanCost(ledger)
  if (agreed !== null) {
    rows.push({
      key: 'agreed-plan',
      kind: 'plan',
      label: t('waiting.agreedPlan', {
        count: agreed.count,
        last: format.date(agreed.lastDueOn),
      }),
      shortLabel: t('waiting.agreedPlanShort'),
      totalFen: agreed.totalFen,
    })
  }
  if (sketch.success) {
    const plan = sketchPlan(
      todayFen,
      sketch.data.months,
      addMonths(today, 1),
      sketch.data.feePercent,
    )
    rows.push({
      key: 'sketch',
      kind: 'plan',
      label: t('waiting.sketch', {
        count: sketch.data.months,
        amount: format.money(
          (plan.installments.at(-1)?.principalFen ?? 0) + (plan.installments.at(-1)?.feeFen ?? 0),
        ),
        fee: sketch.data.feePercent,
      }),
      shortLabel: t('waiting.sketchShort', { count: sketch.data.months }),
      totalFen: plan.totalFen,
    })
  }

  return (
    <div className="waiting">
      <p className="waiting-daily" data-testid="waiting-daily">
        {t('waiting.eachDay', { amount: format.money(ledger.dailyAccrual.fen) })}
      </p>
      <form className="sketch-form" onSubmit={(event) => event.preventDefault()} noValidate>
        <span className="field-label">{t('waiting.sketchTitle')}</span>
        <Field label={t('waiting.sketchMonths')}>
          {(control) => (
            <select {...control} {...form.register('months')}>
              {SKETCH_MONTHS.map((value) => (
                <option key={value} value={value}>
                  {t('waiting.monthsOption', { count: value })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('waiting.sketchFee')}
          error={form.formState.errors.feePercent === undefined ? undefined : t('waiting.feeError')}
        >
          {(control) => <input {...control} {...form.register('feePercent')} inputMode="decimal" />}
        </Field>
      </form>
      <div className="table-scroll">
        <Table
          aria-labelledby="waiting-title"
          className="data-table data-table-narrow"
          data-testid="cost-of-waiting"
        >
          <TableHeader>
            <Column isRowHeader>{t('waiting.payOn')}</Column>
            <Column className="number">{t('waiting.payoff')}</Column>
            <Column className="number">{t('waiting.extra')}</Column>
          </TableHeader>
          <TableBody items={rows.map((row) => ({ ...row, id: row.key }))}>
            {(row) => (
              <Row data-testid={`waiting-${row.key}`}>
                <Cell className="wrap">{row.label}</Cell>
                <Cell className="number">{format.money(row.totalFen)}</Cell>
                <Cell className="number">
                  {row.kind === 'today'
                    ? '—'
                    : `${row.totalFen >= todayFen ? '+' : '−'}${format.money(Math.abs(row.totalFen - todayFen))}`}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      <OnDemand
        name="waiting-chart"
        load={loadWaitingChart}
        fallback={<div className="chart-placeholder">{t('common.loading')}</div>}
      >
        {(chart) => <chart.WaitingChart rows={rows} />}
      </OnDemand>
    </div>
  )
}
