import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import type { Loan } from '@shared/api/records'
import type { Ledger } from '@shared/engine/ledger-types'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { invalidateLoanData, useToday } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { OnDemand } from '../../components/OnDemand'
import { SourceLine } from '../../components/SourceLine'
import { StageBadge } from '../../components/StageBadge'
import { ConfirmDialog } from '../../components/ui/ConfirmDialog'
import { notify } from '../../components/ui/Toasts'
import { NegotiationSections } from '../letter/NegotiationSections'
import { LoanFormDialog } from '../loan-form/LoanFormDialog'
import { PaymentDialog } from '../payments/PaymentDialog'
import { ActionPlan } from '../checklist/ActionPlan'
import { ContactLog } from '../contacts/ContactLog'
import { CostOfWaiting } from './CostOfWaiting'
import { EventList } from './EventList'
import { PaymentList } from './PaymentList'
import { ScheduleTable } from './ScheduleTable'
import { stageGroup } from './stage-group'

// Recharts loads after the numbers: the page is useful before the charts arrive.
const loadLoanCharts = () => import('../charts/LoanCharts')

/** One loan: where it stands, its schedule, its payments and events, and what waiting costs. */
export function LoanPage() {
  const { t } = useTranslation()
  const id = Number(useParams().loanId)
  const loan = useQuery({
    queryKey: ['loans.get', id],
    queryFn: () => api.call('loans.get', { id }),
    enabled: Number.isInteger(id) && id > 0,
  })
  const ledger = useQuery({
    queryKey: ['loans.ledger', id],
    queryFn: () => api.call('loans.ledger', { id }),
    enabled: loan.isSuccess,
  })
  const error = loan.error ?? ledger.error
  return (
    <section className="page" aria-labelledby="loan-title">
      {error !== null && <ErrorNotice error={error} onRetry={() => void loan.refetch()} />}
      {loan.data === undefined && error === null && <p className="muted">{t('common.loading')}</p>}
      {loan.data !== undefined && <LoanHeader loan={loan.data} ledger={ledger.data} />}
      {loan.data !== undefined && ledger.data !== undefined && (
        <LoanDetails loan={loan.data} ledger={ledger.data} />
      )}
    </section>
  )
}

function LoanHeader({ loan, ledger }: { loan: Loan; ledger: Ledger | undefined }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const today = useToday()
  const [dialog, setDialog] = useState<'payment' | 'edit' | 'delete' | null>(null)
  // The menu's "Log payment" (app/commands.tsx) asks for the payment dialog with `?pay=1`.
  const [searchParams, setSearchParams] = useSearchParams()
  const payRequested = searchParams.get('pay') === '1'
  const closeDialog = (open: boolean) => {
    if (open) return
    setDialog(null)
    if (payRequested) setSearchParams((params) => (params.delete('pay'), params), { replace: true })
  }

  const archive = useMutation({
    mutationFn: () => api.call('loans.archive', { id: loan.id, archived: !loan.archived }),
    onSuccess: async (saved) => {
      await invalidateLoanData(queryClient)
      notify(saved.archived ? t('loan.archivedToast') : t('loan.restoredToast'))
    },
  })
  const remove = useMutation({
    mutationFn: () => api.call('loans.delete', { id: loan.id }),
    onSuccess: async () => {
      setDialog(null)
      await navigate('/loans')
      await invalidateLoanData(queryClient)
      notify(t('loan.deletedToast', { name: loan.name }))
    },
  })

  return (
    <>
      <header className="page-header">
        <div>
          <h1 id="loan-title">{loan.name}</h1>
          <p className="muted">
            {[
              loan.lender,
              t(`lenderKind.${loan.lenderKind}`),
              loan.archived ? t('loans.archived') : '',
            ]
              .filter((part) => part !== '')
              .join(' · ')}
          </p>
        </div>
        <div className="toolbar">
          <Button
            className="button button-primary"
            onPress={() => setDialog('payment')}
            isDisabled={ledger === undefined || today === undefined}
          >
            {t('loan.logPayment')}
          </Button>
          <Button
            className="button"
            onPress={() => setDialog('edit')}
            isDisabled={today === undefined}
          >
            {t('common.edit')}
          </Button>
          <Button
            className="button"
            onPress={() => archive.mutate()}
            isDisabled={archive.isPending}
          >
            {loan.archived ? t('loan.unarchive') : t('loan.archive')}
          </Button>
          <Button className="button" onPress={() => setDialog('delete')}>
            {t('common.delete')}
          </Button>
        </div>
      </header>
      {(archive.isError || remove.isError) && <ErrorNotice error={archive.error ?? remove.error} />}
      {today !== undefined && ledger !== undefined && (
        <PaymentDialog
          loanId={loan.id}
          loanName={loan.name}
          today={today}
          suggestedFen={ledger.overdueFen > 0 ? ledger.overdueFen : ledger.dueNowFen}
          isOpen={dialog === 'payment' || payRequested}
          onOpenChange={closeDialog}
        />
      )}
      {today !== undefined && (
        <LoanFormDialog
          loan={loan}
          today={today}
          isOpen={dialog === 'edit'}
          onOpenChange={closeDialog}
        />
      )}
      <ConfirmDialog
        title={t('loan.deleteTitle', { name: loan.name })}
        body={t('loan.deleteBody')}
        confirmLabel={t('common.delete')}
        isOpen={dialog === 'delete'}
        onOpenChange={closeDialog}
        onConfirm={() => remove.mutate()}
        isPending={remove.isPending}
      />
    </>
  )
}

function LoanDetails({ loan, ledger }: { loan: Loan; ledger: Ledger }) {
  const { t } = useTranslation()
  const format = useFormat()
  const charges = ledger.totals.charged
  const group = stageGroup(ledger.stage.code)
  return (
    <>
      <section className="status-panel" aria-labelledby="status-title">
        <h2 id="status-title" className="visually-hidden">
          {t('loan.status')}
        </h2>
        <dl className="totals">
          <div className="total">
            <dt>{t('loan.dueNow')}</dt>
            <dd data-testid="loan-due-now">{format.money(ledger.dueNowFen)}</dd>
          </div>
          <div className="total">
            <dt>{t('loan.daysOverdue')}</dt>
            <dd data-testid="loan-days-overdue">{ledger.daysOverdue}</dd>
          </div>
          <div className={ledger.dailyAccrual.fen > 0 ? 'total total-daily' : 'total'}>
            <dt>{t('dashboard.eachDayAdds')}</dt>
            <dd data-testid="loan-each-day">{format.money(ledger.dailyAccrual.fen)}</dd>
          </div>
          <div className="total">
            <dt>{t('loan.payoff')}</dt>
            <dd data-testid="loan-payoff">{format.money(ledger.payoffFen)}</dd>
          </div>
        </dl>
        <div className={`stage-panel stage-panel-${group}`}>
          <div className="stage-panel-head">
            <span className="stage-panel-label">{t('loan.stage')}</span>
            <StageBadge stage={ledger.stage} testId="loan-stage" />
            {ledger.closed !== false && (
              <span className="muted">{t(`loan.closed.${ledger.closed}`)}</span>
            )}
          </div>
          <p>
            <strong>{t('loan.creditReport')}</strong>{' '}
            {t(`stage.meaning.${String(ledger.stage.code)}`)}
          </p>
          <p>
            <strong>{t('loan.collection')}</strong> {t(`stage.collection.${group}`)}
          </p>
          <SourceLine ids={['credit-report-codes', 'collection-standard-gbt-45251']} />
          <p className="muted">
            {t('loan.chargedSoFar', {
              penalty: format.money(charges.penalty),
              compound: format.money(charges.compound),
              fees: format.money(charges.fee),
            })}
          </p>
        </div>
      </section>

      <section aria-labelledby="plan-title" className="plan-section">
        <h2 id="plan-title">{t('loan.actionPlan')}</h2>
        <ActionPlan loanId={loan.id} />
      </section>

      <NegotiationSections loan={loan} ledger={ledger} />

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('loan.waiting')}</h2>
        <CostOfWaiting loanId={loan.id} ledger={ledger} />
      </section>

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t('charts.title')}</h2>
        <OnDemand
          name="loan-charts"
          load={loadLoanCharts}
          fallback={
            <div className="chart-placeholder chart-placeholder-pair">{t('common.loading')}</div>
          }
        >
          {(charts) => <charts.LoanCharts loanId={loan.id} />}
        </OnDemand>
      </section>

      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t('loan.schedule')}</h2>
        <ScheduleTable ledger={ledger} />
      </section>

      <section aria-labelledby="payments-title">
        <h2 id="payments-title">{t('loan.payments')}</h2>
        <PaymentList loanId={loan.id} ledger={ledger} />
      </section>

      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('contacts.title')}</h2>
        <ContactLog loanId={loan.id} loanName={loan.name} />
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('loan.events')}</h2>
        <EventList loanId={loan.id} loanName={loan.name} />
      </section>
    </>
  )
}
