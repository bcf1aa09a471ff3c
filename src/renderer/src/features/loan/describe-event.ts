import { useTranslation } from 'react-i18next'
import type { LoanEvent } from '@shared/engine/terms'
import { useFormat } from '../../app/format'

/** One sentence for a restructuring event, in the interface language. */
export function useDescribeEvent() {
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
