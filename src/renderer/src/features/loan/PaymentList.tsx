import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components'
import type { PaymentRow } from '@shared/api/records'
import type { Ledger } from '@shared/engine/ledger-types'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { invalidateLoanData } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ConfirmDialog } from '../../components/ui/ConfirmDialog'
import { notify } from '../../components/ui/Toasts'
import { AllocationSummary } from '../payments/AllocationSummary'

/** The loan's payments, newest first, each with where the engine put its money. */
export function PaymentList({ loanId, ledger }: { loanId: number; ledger: Ledger }) {
  const { t } = useTranslation()
  const format = useFormat()
  const queryClient = useQueryClient()
  const [toDelete, setToDelete] = useState<PaymentRow | null>(null)
  const payments = useQuery({
    queryKey: ['payments.list', loanId],
    queryFn: () => api.call('payments.list', { loanId }),
  })
  const remove = useMutation({
    mutationFn: (id: number) => api.call('payments.delete', { id }),
    onSuccess: async () => {
      setToDelete(null)
      await invalidateLoanData(queryClient)
      notify(t('payments.deleted'))
    },
  })
  if (payments.error !== null)
    return <ErrorNotice error={payments.error} onRetry={() => void payments.refetch()} />
  if (payments.data === undefined) return <p className="muted">{t('common.loading')}</p>
  if (payments.data.length === 0) return <p className="muted">{t('payments.none')}</p>
  const records = new Map(ledger.payments.map((record) => [record.id, record]))
  const rows = [...payments.data].reverse()
  return (
    <>
      {remove.isError && <ErrorNotice error={remove.error} />}
      <div className="table-scroll">
        <Table aria-labelledby="payments-title" className="data-table" data-testid="payments">
          <TableHeader>
            <Column isRowHeader>{t('payments.paidOn')}</Column>
            <Column className="number">{t('payments.amount')}</Column>
            <Column>{t('payments.channel')}</Column>
            <Column>{t('payments.allocation')}</Column>
            <Column>
              <span className="visually-hidden">{t('payments.actions')}</span>
            </Column>
          </TableHeader>
          <TableBody items={rows}>
            {(payment) => {
              const record = records.get(payment.id)
              return (
                <Row data-testid={`payment-${payment.id}`}>
                  <Cell>{format.date(payment.paidOn)}</Cell>
                  <Cell className="number">{format.money(payment.amountFen)}</Cell>
                  <Cell>{t(`channel.${payment.channel}`)}</Cell>
                  <Cell className="wrap allocation-cell">
                    {record === undefined ? '—' : <AllocationSummary record={record} compact />}
                    {payment.note !== '' && <span className="cell-note">{payment.note}</span>}
                  </Cell>
                  <Cell>
                    <Button
                      className="button button-small"
                      onPress={() => setToDelete(payment)}
                      aria-label={t('payments.deleteLabel', { date: format.date(payment.paidOn) })}
                    >
                      {t('common.delete')}
                    </Button>
                  </Cell>
                </Row>
              )
            }}
          </TableBody>
        </Table>
      </div>
      <ConfirmDialog
        title={t('payments.deleteTitle')}
        body={
          toDelete === null
            ? ''
            : t('payments.deleteBody', {
                amount: format.money(toDelete.amountFen),
                date: format.date(toDelete.paidOn),
              })
        }
        confirmLabel={t('common.delete')}
        isOpen={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        onConfirm={() => toDelete !== null && remove.mutate(toDelete.id)}
        isPending={remove.isPending}
      />
    </>
  )
}
