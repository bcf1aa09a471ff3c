import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'

/**
 * What clearing the loan costs if paid today or after 7, 30, 60 or 90 days, from the engine's
 * projection (nothing else paid meanwhile). The chart of the same figures comes with issue 6.
 */
export function CostOfWaiting({ loanId, closed }: { loanId: number; closed: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const projection = useQuery({
    queryKey: ['loans.projection', loanId],
    queryFn: () => api.call('loans.projection', { id: loanId }),
    enabled: !closed,
  })
  if (closed) return <p className="muted">{t('waiting.closed')}</p>
  if (projection.error !== null) return <ErrorNotice error={projection.error} />
  if (projection.data === undefined) return <p className="muted">{t('common.loading')}</p>
  return (
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
        <TableBody
          items={projection.data.costOfWaiting.map((choice) => ({
            ...choice,
            id: choice.waitDays,
          }))}
        >
          {(choice) => (
            <Row>
              <Cell>
                {choice.waitDays === 0
                  ? t('waiting.today')
                  : t('waiting.inDays', {
                      count: choice.waitDays,
                      date: format.date(choice.payOn),
                    })}
              </Cell>
              <Cell className="number">{format.money(choice.payoffFen)}</Cell>
              <Cell className="number">
                {choice.waitDays === 0 ? '—' : `+${format.money(choice.extraFen)}`}
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  )
}
