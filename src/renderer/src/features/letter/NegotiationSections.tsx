import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import type { Loan } from '@shared/api/records'
import type { Ledger } from '@shared/engine/ledger-types'
import { LetterDialog } from './LetterDialog'
import { RightsSection } from './RightsSection'

/**
 * On the loan page: the negotiation letter (a button and its dialog; not for a loan already
 * cleared) and "know your rights" for the loan's kind of lender.
 */
export function NegotiationSections({ loan, ledger }: { loan: Loan; ledger: Ledger }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      {ledger.closed === false && (
        <section aria-labelledby="letter-title" className="card letter-section">
          <h2 id="letter-title">{t('letter.sectionTitle')}</h2>
          <p className="muted">{t('letter.sectionIntro')}</p>
          <Button className="button button-primary" onPress={() => setOpen(true)}>
            {t('letter.open')}
          </Button>
          <LetterDialog loan={loan} ledger={ledger} isOpen={open} onOpenChange={setOpen} />
        </section>
      )}
      <RightsSection lenderKind={loan.lenderKind} />
    </>
  )
}
