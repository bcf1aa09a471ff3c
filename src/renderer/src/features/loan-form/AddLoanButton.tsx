import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { useToday } from '../../app/queries'

// The form (with every preset and its sources) loads when first opened.
const LoanFormDialog = lazy(() =>
  import('./LoanFormDialog').then((module) => ({ default: module.LoanFormDialog })),
)

/** The "add a loan" button with its form dialog; the new loan's page opens once it is saved. */
export function AddLoanButton({ primary = true }: { primary?: boolean }) {
  const { t } = useTranslation()
  const today = useToday()
  const [isOpen, setOpen] = useState(false)
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
        <Suspense fallback={null}>
          <LoanFormDialog today={today} isOpen={isOpen} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  )
}
