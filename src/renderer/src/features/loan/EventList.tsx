import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import type { LoanEventRow } from '@shared/api/records'
import type { LoanEvent } from '@shared/engine/terms'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { invalidateLoanData } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ConfirmDialog } from '../../components/ui/ConfirmDialog'
import { notify } from '../../components/ui/Toasts'

/** One sentence for a restructuring event, in the interface language. */
function useDescribeEvent() {
  const { t } = useTranslation()
  const format = useFormat()
  return (event: LoanEvent): string => {
    const on = format.date(event.on)
    switch (event.type) {
      case 'agreed_plan':
        return t('events.agreedPlan', {
          on,
          count: event.installments.length,
          total: format.money(
            event.installments.reduce((sum, item) => sum + item.principalFen + item.interestFen, 0),
          ),
        })
      case 'deferral':
        return t('events.deferral', { on, months: event.months })
      case 'waiver':
        return t(event.stopFurtherCharges ? 'events.waiverStop' : 'events.waiver', {
          on,
          components: event.components.map((component) => t(`component.${component}`)).join('、'),
        })
      case 'settlement':
        return t('events.settlement', { on, amount: format.money(event.amountFen) })
    }
  }
}

/** Restructuring agreed with the lender (plans, deferrals, waivers, settlements), oldest first. */
export function EventList({ loanId }: { loanId: number }) {
  const { t } = useTranslation()
  const describe = useDescribeEvent()
  const queryClient = useQueryClient()
  const [toDelete, setToDelete] = useState<LoanEventRow | null>(null)
  const events = useQuery({
    queryKey: ['events.list', loanId],
    queryFn: () => api.call('events.list', { loanId }),
  })
  const remove = useMutation({
    mutationFn: (id: number) => api.call('events.delete', { id }),
    onSuccess: async () => {
      setToDelete(null)
      await invalidateLoanData(queryClient)
      notify(t('events.deleted'))
    },
  })
  if (events.error !== null)
    return <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />
  if (events.data === undefined) return <p className="muted">{t('common.loading')}</p>
  if (events.data.length === 0) return <p className="muted">{t('events.none')}</p>
  return (
    <>
      {remove.isError && <ErrorNotice error={remove.error} />}
      <ul className="event-list">
        {events.data.map((row) => (
          <li key={row.id} className="card event" data-testid={`event-${row.id}`}>
            <div>
              <p className="event-text">{describe(row.event)}</p>
              {row.note !== '' && <p className="muted">{row.note}</p>}
            </div>
            <Button className="button button-small" onPress={() => setToDelete(row)}>
              {t('common.delete')}
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        title={t('events.deleteTitle')}
        body={toDelete === null ? '' : describe(toDelete.event)}
        confirmLabel={t('common.delete')}
        isOpen={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        onConfirm={() => toDelete !== null && remove.mutate(toDelete.id)}
        isPending={remove.isPending}
      />
    </>
  )
}
