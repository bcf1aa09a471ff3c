import { zodResolver } from '@hookform/resolvers/zod'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, Label, Radio, RadioGroup } from 'react-aria-components'
import { Link } from 'react-router'
import { PLAN_ORDERS, type PlanOrder } from '@shared/engine/planner'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/ui/Field'
import { budgetFormSchema, type BudgetFormValues } from './budget'
import { CustomOrderList, type OrderItem } from './CustomOrderList'
import { PlanResults } from './PlanResults'
import './planner.css'

/**
 * The payoff planner: a monthly budget over every open loan, under each order (overdue first,
 * highest rate first, smallest balance first, the user's own), with when each loan is cleared,
 * what it costs, and what the cheapest order saves against the dearest. The figures are the
 * engine's (`portfolio.plan`); nothing is computed here.
 */
export function PlannerPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const [budgetFen, setBudgetFen] = useState<number | null>(null)
  const [order, setOrder] = useState<PlanOrder>('overdue_first')
  const [customIds, setCustomIds] = useState<number[] | null>(null)

  const loans = useQuery({ queryKey: ['loans.list'], queryFn: () => api.call('loans.list', {}) })
  // Loans with something to pay, most urgent first (the list's order): the custom list's start.
  const openLoans = useMemo<OrderItem[]>(
    () =>
      (loans.data ?? [])
        .filter(({ status }) => status.closed === false && status.payoffFen > 0)
        .map(({ loan }) => ({ id: loan.id, name: loan.name })),
    [loans.data],
  )
  const customItems = useMemo(() => {
    const byId = new Map(openLoans.map((item) => [item.id, item]))
    const chosen = (customIds ?? []).flatMap((id) => byId.get(id) ?? [])
    return [...chosen, ...openLoans.filter((item) => !chosen.includes(item))]
  }, [openLoans, customIds])
  const customOrder = order === 'custom' ? customItems.map((item) => item.id) : null

  const plan = useQuery({
    queryKey: ['portfolio.plan', budgetFen, customOrder],
    queryFn: () =>
      api.call('portfolio.plan', {
        monthlyBudgetFen: budgetFen ?? 1,
        ...(customOrder === null ? {} : { customOrder }),
      }),
    enabled: budgetFen !== null,
    placeholderData: keepPreviousData,
  })

  const form = useForm<BudgetFormValues, unknown, { monthlyBudgetFen: number }>({
    resolver: zodResolver(budgetFormSchema),
    defaultValues: { budgetYuan: '' },
  })
  const budgetError = form.formState.errors.budgetYuan?.message

  return (
    <section className="page planner" aria-labelledby="planner-title">
      <h1 id="planner-title">{t('planner.title')}</h1>
      <p className="planner-intro">{t('planner.intro')}</p>
      <p className="planner-rule" data-testid="planner-rule">
        {t('planner.rule')}
      </p>
      {loans.error !== null && (
        <ErrorNotice error={loans.error} onRetry={() => void loans.refetch()} />
      )}
      {loans.data !== undefined && openLoans.length === 0 ? (
        <div className="empty-state" data-testid="planner-empty">
          <p>{t('planner.noLoans')}</p>
          <Link to="/loans">{t('nav.loans')}</Link>
        </div>
      ) : (
        <div className="planner-panel">
          <form
            className="planner-budget"
            noValidate
            onSubmit={(event) =>
              void form.handleSubmit(({ monthlyBudgetFen }) => setBudgetFen(monthlyBudgetFen))(
                event,
              )
            }
          >
            <Field
              label={t('planner.budget')}
              error={budgetError === undefined ? undefined : t(`planner.errors.${budgetError}`)}
              hint={t('planner.budgetHint')}
              className="planner-budget-field"
            >
              {(control) => (
                <input
                  {...control}
                  {...form.register('budgetYuan')}
                  inputMode="decimal"
                  autoComplete="off"
                  data-testid="planner-budget"
                />
              )}
            </Field>
            <Button type="submit" className="button button-primary planner-submit">
              {t('planner.calculate')}
            </Button>
          </form>

          <RadioGroup
            className="planner-orders"
            value={order}
            onChange={(value) => setOrder(value as PlanOrder)}
            data-testid="planner-order"
          >
            <Label className="field-label">{t('planner.order')}</Label>
            <div className="planner-order-choices">
              {PLAN_ORDERS.map((choice) => (
                <Radio key={choice} value={choice} className="planner-order-choice">
                  <span className="planner-order-name">{t(`planner.orders.${choice}`)}</span>
                  <span className="planner-order-hint">{t(`planner.orderHints.${choice}`)}</span>
                </Radio>
              ))}
            </div>
          </RadioGroup>

          {order === 'custom' && customItems.length > 0 && (
            <CustomOrderList items={customItems} onChange={setCustomIds} />
          )}
        </div>
      )}

      {openLoans.length > 0 && budgetFen === null && (
        <p className="muted">{t('planner.enterBudget')}</p>
      )}
      {plan.error !== null && (
        <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
      )}
      {budgetFen !== null && plan.data === undefined && plan.error === null && (
        <p className="muted">{t('common.loading')}</p>
      )}
      {budgetFen !== null && plan.data !== undefined && (
        <PlanResults
          result={plan.data}
          order={order}
          isUpdating={plan.isPlaceholderData || plan.isFetching}
          budgetText={format.money(plan.data.monthlyBudgetFen)}
        />
      )}
    </section>
  )
}
