import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import type { LoanEventRow } from '@shared/api/records'
import { api } from '../../api'
import { invalidateLoanData, useToday } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ConfirmDialog } from '../../components/ui/ConfirmDialog'
import { notify } from '../../components/ui/Toasts'
import { AgreementDialog } from './AgreementDialog'
import { useDescribeEvent } from './describe-event'

/** Restructuring agreed with the lender (plans, deferrals, waivers, settlements), oldest first. */
export function EventList({ loanId, loanName }: { loanId: number; loanName: string }) {
  const { t } = useTranslation()
  const describe = useDescribeEvent()
  const queryClient = useQueryClient()
  const today = useToday()
  const [recording, setRecording] = useState(false)
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
  return (
    <>
      <div className="section-intro">
        <p className="muted">{t('events.intro')}</p>
        <Button
          className="button"
          onPress={() => setRecording(true)}
          isDisabled={today === undefined}
        >
          {t('agreement.addButton')}
        </Button>
      </div>
      {today !== undefined && (
        <AgreementDialog
          loanId={loanId}
          loanName={loanName}
          today={today}
          isOpen={recording}
          onOpenChange={setRecording}
        />
      )}
      {events.data.length === 0 && <p className="muted">{t('events.none')}</p>}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {events.data.length > 0 && (
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
      )}
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
