import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { useSearchParams } from 'react-router'
import { useToday } from '../../app/queries'
import { OnDemand } from '../../components/OnDemand'

// The form (with every preset and its sources) loads when first opened.
const loadLoanFormDialog = () => import('./LoanFormDialog')

/** The "add a loan" button with its form dialog; the new loan's page opens once it is saved. */
export function AddLoanButton({ primary = true }: { primary?: boolean }) {
  const { t } = useTranslation()
  const today = useToday()
  const [opened, setOpened] = useState(false)
  // The menu's "New loan" (app/commands.tsx) asks for the form with `?new=1`.
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get('new') === '1'
  const isOpen = opened || requested
  const setOpen = (open: boolean) => {
    setOpened(open)
    if (!open && requested) {
      setSearchParams((params) => (params.delete('new'), params), { replace: true })
    }
  }
  return (
    <>
      <Button
        className={primary ? 'button button-primary' : 'button'}
        onPress={() => setOpen(true)}
        isDisabled={today === undefined}
      >
        {t('loanForm.addButton')}
      </Button>
      {today !== undefined && isOpen && (
        <OnDemand name="loan-form" load={loadLoanFormDialog} fallback={null}>
          {(form) => <form.LoanFormDialog today={today} isOpen={isOpen} onOpenChange={setOpen} />}
        </OnDemand>
      )}
    </>
  )
}
