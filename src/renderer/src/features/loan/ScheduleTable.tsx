import { useTranslation } from 'react-i18next'
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components'
import type { InstallmentLine, Ledger } from '@shared/engine/ledger-types'
import { useFormat } from '../../app/format'

const sum = (amounts: InstallmentLine['charged'], keys: (keyof InstallmentLine['charged'])[]) =>
  keys.reduce((total, key) => total + amounts[key], 0)

const LATE = ['penalty', 'compound', 'fee'] as const

/** The installments with what fell due, what was paid and what is still owed, and their state. */
export function ScheduleTable({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <div className="table-scroll">
      <Table aria-labelledby="schedule-title" className="data-table" data-testid="schedule">
        <TableHeader>
          <Column isRowHeader>{t('schedule.number')}</Column>
          <Column>{t('schedule.dueOn')}</Column>
          <Column>{t('schedule.status')}</Column>
          <Column className="number">{t('schedule.principalInterest')}</Column>
          <Column className="number">{t('schedule.lateCharges')}</Column>
          <Column className="number">{t('schedule.paid')}</Column>
          <Column className="number">{t('schedule.outstanding')}</Column>
        </TableHeader>
        <TableBody items={ledger.installments.map((line) => ({ ...line, id: line.index }))}>
          {(line) => {
            const paid = sum(line.paid, ['fee', 'penalty', 'compound', 'interest', 'principal'])
            const outstanding = sum(line.outstanding, [
              'fee',
              'penalty',
              'compound',
              'interest',
              'principal',
            ])
            return (
              <Row
                className={`schedule-row status-${line.status}`}
                data-testid={`installment-${line.index}`}
              >
                <Cell>
                  {line.origin === 'agreed_plan'
                    ? t('schedule.planNumber', { n: line.index + 1 })
                    : line.index + 1}
                </Cell>
                <Cell>{format.date(line.dueOn)}</Cell>
                <Cell className="wrap status-cell">
                  <span className={`status-tag status-tag-${line.status}`}>
                    {t(`schedule.statuses.${line.status}`)}
                  </span>
                  {line.partiallyPaid && <span className="muted"> · {t('schedule.partial')}</span>}
                  {line.daysOverdue > 0 && (
                    <span className="muted">
                      {' '}
                      · {t('schedule.daysLate', { count: line.daysOverdue })}
                    </span>
                  )}
                </Cell>
                <Cell className="number">
                  {format.money(line.charged.principal + line.charged.interest)}
                </Cell>
                <Cell className="number">{format.money(sum(line.charged, [...LATE]))}</Cell>
                <Cell className="number">{format.money(paid)}</Cell>
                <Cell className="number">{format.money(outstanding)}</Cell>
              </Row>
            )
          }}
        </TableBody>
      </Table>
    </div>
  )
}
