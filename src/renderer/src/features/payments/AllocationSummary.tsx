import { useTranslation } from 'react-i18next'
import type { PaymentRecord } from '@shared/engine/ledger-types'
import { COMPONENTS, type Component } from '@shared/engine/terms'
import { useFormat } from '../../app/format'

/** What a payment paid, by component (fee, penalty, compound, interest, principal) and what was left over. */
export function AllocationSummary({
  record,
  compact = false,
}: {
  record: PaymentRecord
  compact?: boolean
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const byComponent = new Map<Component, number>()
  for (const allocation of record.allocations) {
    byComponent.set(
      allocation.component,
      (byComponent.get(allocation.component) ?? 0) + allocation.amountFen,
    )
  }
  const installments = [...new Set(record.allocations.map((a) => a.installmentIndex + 1))]
  const parts = COMPONENTS.filter((component) => (byComponent.get(component) ?? 0) > 0).map(
    (component) =>
      `${t(`component.${component}`)} ${format.money(byComponent.get(component) ?? 0)}`,
  )
  const extras = [
    record.advanceFen > 0
      ? t('allocation.advance', { amount: format.money(record.advanceFen) })
      : null,
    record.overpaidFen > 0
      ? t('allocation.overpaid', { amount: format.money(record.overpaidFen) })
      : null,
    record.repaidEarly ? t('allocation.repaidEarly') : null,
  ].filter((text) => text !== null)
  if (compact) {
    return <span data-testid="allocation">{[...parts, ...extras].join(' · ') || '—'}</span>
  }
  return (
    <div className="allocation" data-testid="allocation">
      <ul className="allocation-parts">
        {parts.map((part) => (
          <li key={part}>{part}</li>
        ))}
        {extras.map((extra) => (
          <li key={extra}>{extra}</li>
        ))}
      </ul>
      {installments.length > 0 && (
        <p className="muted">{t('allocation.installments', { list: installments.join(', ') })}</p>
      )}
    </div>
  )
}
