import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import type { CivilDate } from '@shared/dates'
import { HARDSHIPS, type Hardship, type LoanSituation } from '@shared/playbook/loan-state'
import { api } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FormDateInput } from '../../components/ui/DateInput'
import { Field } from '../../components/ui/Field'
import { notify } from '../../components/ui/Toasts'

interface SituationValues {
  hardship: Hardship | ''
  lawsuitNoticeOn: CivilDate | null
}

/** What the user tells the plan about their situation: a hardship, a lawsuit notice. */
export function SituationForm({ loanId, situation }: { loanId: number; situation: LoanSituation }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const form = useForm<SituationValues>({
    values: { hardship: situation.hardship ?? '', lawsuitNoticeOn: situation.lawsuitNoticeOn },
  })
  const save = useMutation({
    mutationFn: (values: SituationValues) =>
      api.call('checklist.setSituation', {
        loanId,
        hardship: values.hardship === '' ? null : values.hardship,
        lawsuitNoticeOn: values.lawsuitNoticeOn,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['checklist.get', loanId], saved)
      void queryClient.invalidateQueries({ queryKey: ['checklist.progress'] })
      notify(t('checklist.situationSaved'))
    },
  })
  return (
    <form
      className="situation-form"
      noValidate
      onSubmit={(event) => void form.handleSubmit((values) => save.mutate(values))(event)}
    >
      <p className="field-hint">{t('checklist.situationHint')}</p>
      <div className="situation-fields">
        <Field label={t('checklist.hardship')}>
          {(control) => (
            <select {...control} {...form.register('hardship')}>
              <option value="">{t('checklist.hardshipNone')}</option>
              {HARDSHIPS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`checklist.hardships.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormDateInput
          control={form.control}
          name="lawsuitNoticeOn"
          label={t('checklist.lawsuitNoticeOn')}
          description={t('checklist.lawsuitHint')}
          testId="field-lawsuitNoticeOn"
        />
        <Button
          type="submit"
          className="button"
          isDisabled={save.isPending || !form.formState.isDirty}
        >
          {t('checklist.saveSituation')}
        </Button>
      </div>
      {save.isError && <ErrorNotice error={save.error} />}
    </form>
  )
}
