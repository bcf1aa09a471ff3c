import { useTranslation } from 'react-i18next'
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components'
import type { PlanResult } from '@shared/api/planner-schema'
import type { CivilDate } from '@shared/dates'
import type { PlanOrder } from '@shared/engine/planner'
import { useFormat } from '../../app/format'
import { OnDemand } from '../../components/OnDemand'

// The chart loads after the numbers, which are what matter.
const loadPlanChart = () => import('./PlanChart')

type Plan = PlanResult['plans'][number]

/** A clear date as text, with the civil date machine-readable (the tests read `dateTime`). */
function ClearDate({ date }: { date: CivilDate | null }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (date === null) return <span className="plan-date plan-never">{t('planner.notCleared')}</span>
  return (
    <time className="plan-date" dateTime={date}>
      {format.date(date)}
    </time>
  )
}

/** The saving of the cheapest order against the dearest, or why there is none. */
function Verdict({ result, budgetText }: { result: PlanResult; budgetText: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { best, worst, savingFen } = result.comparison
  const bestPlan = result.plans.find((plan) => plan.order === best)
  let text: string
  if (best === null || worst === null || bestPlan === undefined) {
    text = t('planner.neverClears', { budget: budgetText })
  } else if (savingFen === 0) {
    text = t('planner.sameCost', { amount: format.money(bestPlan.totalPaidFen) })
  } else {
    text = t('planner.saving', {
      best: t(`planner.orders.${best}`),
      worst: t(`planner.orders.${worst}`),
      amount: format.money(savingFen),
    })
  }
  return (
    <p
      className={best === null ? 'planner-verdict planner-verdict-bad' : 'planner-verdict'}
      data-testid="planner-saving"
      data-saving-fen={savingFen}
    >
      {text}
    </p>
  )
}

/** The chosen order: who is paid first, what to pay today, when each is cleared and its cost. */
function ChosenPlan({ plan, asOf }: { plan: Plan; asOf: CivilDate }) {
  const { t } = useTranslation()
  const format = useFormat()
  const payToday = (loan: Plan['loans'][number]) =>
    loan.payments[0]?.paidOn === asOf ? loan.payments[0].amountFen : 0
  const rows = [
    ...plan.loans.map((loan, index) => ({
      id: String(loan.id),
      position: String(index + 1),
      name: loan.name,
      today: payToday(loan),
      clearedOn: loan.clearedOn,
      total: loan.totalPaidFen,
    })),
    {
      id: 'all',
      position: '',
      name: t('planner.allLoans'),
      today: plan.loans.reduce((sum, loan) => sum + payToday(loan), 0),
      clearedOn: plan.clearedOn,
      total: plan.totalPaidFen,
    },
  ]
  return (
    <section aria-labelledby="planner-chosen-title">
      <h2 id="planner-chosen-title">
        {t('planner.chosenTitle', { order: t(`planner.orders.${plan.order}`) })}
      </h2>
      <div className="table-scroll">
        <Table
          aria-labelledby="planner-chosen-title"
          className="data-table planner-table"
          data-testid="planner-chosen"
        >
          <TableHeader>
            <Column className="planner-position">{t('planner.position')}</Column>
            <Column isRowHeader>{t('planner.loan')}</Column>
            <Column className="number">{t('planner.payToday')}</Column>
            <Column>{t('planner.clearedOn')}</Column>
            <Column className="number">{t('planner.totalPaid')}</Column>
          </TableHeader>
          <TableBody items={rows}>
            {(row) => (
              <Row
                className={row.id === 'all' ? 'planner-total-row' : undefined}
                data-testid={`chosen-${row.id}`}
              >
                <Cell className="planner-position">{row.position}</Cell>
                <Cell className="wrap planner-loan-name">{row.name}</Cell>
                <Cell className="number" data-testid="pay-today">
                  {format.money(row.today)}
                </Cell>
                <Cell>
                  <ClearDate date={row.clearedOn} />
                </Cell>
                <Cell className="number" data-testid="total">
                  {format.money(row.total)}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  )
}

/** Every loan (rows) under every order (columns): total paid and clear date; the cheapest marked. */
function Comparison({
  plans,
  rowOrder,
  bestOrders,
}: {
  plans: Plan[]
  rowOrder: Plan['loans']
  bestOrders: PlanOrder[]
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const columns = [
    { id: 'loan', order: null },
    ...plans.map((plan) => ({ id: plan.order, order: plan.order })),
  ]
  const rows = [
    ...rowOrder.map((loan) => ({ id: String(loan.id), name: loan.name })),
    { id: 'all', name: t('planner.allLoans') },
  ]
  const figures = (order: PlanOrder, rowId: string) => {
    const plan = plans.find((candidate) => candidate.order === order)
    if (plan === undefined) return null
    if (rowId === 'all') return { total: plan.totalPaidFen, clearedOn: plan.clearedOn }
    const loan = plan.loans.find((candidate) => String(candidate.id) === rowId)
    return loan === undefined ? null : { total: loan.totalPaidFen, clearedOn: loan.clearedOn }
  }
  const bestClass = (order: PlanOrder | null) =>
    order !== null && bestOrders.includes(order) ? ' plan-best' : ''
  return (
    <section aria-labelledby="planner-compare-title">
      <h2 id="planner-compare-title">{t('planner.compareTitle')}</h2>
      <p className="muted planner-note">{t('planner.compareHint')}</p>
      <div className="table-scroll">
        <Table
          aria-labelledby="planner-compare-title"
          className="data-table planner-table planner-compare"
          data-testid="planner-compare"
        >
          <TableHeader columns={columns}>
            {(column) =>
              column.order === null ? (
                <Column isRowHeader>{t('planner.loan')}</Column>
              ) : (
                <Column className={`number planner-order-column${bestClass(column.order)}`}>
                  <span className="planner-order-heading">
                    {t(`planner.orders.${column.order}`)}
                  </span>
                  {bestOrders.includes(column.order) && (
                    <span className="plan-best-badge">{t('planner.cheapest')}</span>
                  )}
                </Column>
              )
            }
          </TableHeader>
          <TableBody items={rows}>
            {(row) => (
              <Row
                columns={columns}
                className={row.id === 'all' ? 'planner-total-row' : undefined}
                data-testid={`compare-${row.id}`}
              >
                {(column) => {
                  if (column.order === null) {
                    return <Cell className="wrap planner-loan-name">{row.name}</Cell>
                  }
                  const cell = figures(column.order, row.id)
                  return (
                    <Cell
                      className={`number${bestClass(column.order)}`}
                      data-testid={`plan-${column.order}-${row.id}`}
                    >
                      {cell !== null && (
                        <>
                          <span className="plan-total">{format.money(cell.total)}</span>
                          <ClearDate date={cell.clearedOn} />
                        </>
                      )}
                    </Cell>
                  )
                }}
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  )
}

/** What `portfolio.plan` answered: the verdict, the chosen order's plan, the comparison, a chart. */
export function PlanResults({
  result,
  order,
  isUpdating,
  budgetText,
}: {
  result: PlanResult
  order: PlanOrder
  isUpdating: boolean
  budgetText: string
}) {
  const { t } = useTranslation()
  const chosen = result.plans.find((plan) => plan.order === order)
  const rowOrder = (chosen ?? result.plans[0])?.loans ?? []
  const clearing = result.plans.filter((plan) => plan.clears)
  return (
    <section
      className="planner-results"
      aria-labelledby="planner-results-title"
      aria-busy={isUpdating}
      data-testid="planner-results"
      data-updating={isUpdating}
      data-budget-fen={result.monthlyBudgetFen}
    >
      <h2 id="planner-results-title" className="visually-hidden">
        {t('planner.results')}
      </h2>
      <Verdict result={result} budgetText={budgetText} />
      {chosen !== undefined && <ChosenPlan plan={chosen} asOf={result.asOf} />}
      <Comparison
        plans={result.plans}
        rowOrder={rowOrder}
        bestOrders={result.comparison.bestOrders}
      />
      <p className="muted planner-note">{t('planner.assumption')}</p>
      {clearing.length > 1 && (
        <OnDemand name="plan-chart" load={loadPlanChart} fallback={null}>
          {(chart) => <chart.default plans={clearing} bestOrders={result.comparison.bestOrders} />}
        </OnDemand>
      )}
    </section>
  )
}
