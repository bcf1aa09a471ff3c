import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, Radio, RadioGroup } from 'react-aria-components'
import { z } from 'zod'
import { civilDateSchema, type CivilDate } from '@shared/dates'
import type { LoanEvent } from '@shared/engine/terms'
import { api } from '../../api'
import { parsePositiveYuan } from '../../app/amount'
import { invalidateLoanData } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FormDateInput } from '../../components/ui/DateInput'
import { Field } from '../../components/ui/Field'
import { Modal } from '../../components/ui/Modal'
import { notify } from '../../components/ui/Toasts'
import { useDescribeEvent } from './describe-event'

/** What can be recorded here; an installment plan comes from the contact log (达成分期). */
const AGREEMENT_TYPES = ['waiver', 'deferral', 'settlement'] as const
type AgreementType = (typeof AGREEMENT_TYPES)[number]

const WAIVABLE = ['penalty', 'compound', 'fee', 'interest'] as const

interface AgreementFormValues {
  type: AgreementType
  on: CivilDate | null
  components: (typeof WAIVABLE)[number][]
  stopFurtherCharges: boolean
  months: string
  amountYuan: string
  note: string
}

interface AgreementInput {
  loanId: number
  event: LoanEvent
  note: string
}

/** The form as typed → the `events.add` input; each problem is an i18n key at its field. */
function agreementFormSchema(loanId: number) {
  return z.custom<AgreementFormValues>().transform((values, ctx): AgreementInput => {
    const fail = (path: keyof AgreementFormValues, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message })
      return z.NEVER
    }
    if (values.on === null || !civilDateSchema.safeParse(values.on).success)
      return fail('on', 'required')
    const on = values.on
    const note = values.note.trim()
    switch (values.type) {
      case 'waiver':
        if (values.components.length === 0) return fail('components', 'components')
        return {
          loanId,
          note,
          event: {
            type: 'waiver',
            on,
            components: values.components,
            stopFurtherCharges: values.stopFurtherCharges,
          },
        }
      case 'deferral': {
        const months = Number(values.months)
        if (!/^\d{1,3}$/.test(values.months.trim()) || months < 1 || months > 120)
          return fail('months', 'months')
        return { loanId, note, event: { type: 'deferral', on, months } }
      }
      case 'settlement': {
        const amount = parsePositiveYuan(values.amountYuan)
        if ('error' in amount) return fail('amountYuan', amount.error)
        return { loanId, note, event: { type: 'settlement', on, amountFen: amount.fen } }
      }
    }
  })
}

/**
 * Record what the lender agreed in writing: a waiver (减免, with or without 停息), a deferral
 * (展期) or a settlement (协商结清). From its date on, the ledger follows it.
 */
export function AgreementDialog({
  loanId,
  loanName,
  today,
  isOpen,
  onOpenChange,
}: {
  loanId: number
  loanName: string
  today: CivilDate
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      title={t('agreement.title', { name: loanName })}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      testId="agreement-form"
    >
      {(close) => <AgreementForm loanId={loanId} today={today} onDone={close} />}
    </Modal>
  )
}

function AgreementForm({
  loanId,
  today,
  onDone,
}: {
  loanId: number
  today: CivilDate
  onDone: () => void
}) {
  const { t } = useTranslation()
  const describe = useDescribeEvent()
  const queryClient = useQueryClient()
  const form = useForm<AgreementFormValues, unknown, AgreementInput>({
    resolver: zodResolver(agreementFormSchema(loanId)),
    defaultValues: {
      type: 'waiver',
      on: today,
      components: ['penalty', 'compound', 'fee'],
      stopFurtherCharges: true,
      months: '3',
      amountYuan: '',
      note: '',
    },
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState } = form
  const type = useWatch({ control, name: 'type' })
  const save = useMutation({
    mutationFn: (input: AgreementInput) => api.call('events.add', input),
    onSuccess: async (row) => {
      await invalidateLoanData(queryClient)
      notify(t('agreement.saved'), describe(row.event))
      onDone()
    },
  })
  const errorText = (name: keyof AgreementFormValues) => {
    const message = formState.errors[name]?.message
    return message === undefined ? undefined : t(`agreement.errors.${message}`)
  }

  return (
    <form
      className="agreement-form"
      noValidate
      onSubmit={(event) => void handleSubmit((input) => save.mutate(input))(event)}
    >
      <p className="muted">{t('agreement.intro')}</p>
      <Controller
        control={control}
        name="type"
        render={({ field }) => (
          <RadioGroup
            className="preset-group"
            value={field.value}
            onChange={(value) => field.onChange(value as AgreementType)}
          >
            <span className="field-label">{t('agreement.type')}</span>
            <div className="preset-choices">
              {AGREEMENT_TYPES.map((kind) => (
                <Radio key={kind} value={kind} className="preset-choice">
                  <span className="preset-name">{t(`agreement.types.${kind}`)}</span>
                  <span className="preset-description">
                    {t(`agreement.typeDescriptions.${kind}`)}
                  </span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
        )}
      />

      <div className="form-grid form-grid-2">
        <FormDateInput
          control={control}
          name="on"
          label={t('agreement.on')}
          error={errorText('on')}
          isRequired
          testId="field-agreement-on"
        />
        {type === 'deferral' && (
          <Field label={t('agreement.months')} error={errorText('months')}>
            {(control) => (
              <input {...control} {...register('months')} inputMode="numeric" autoComplete="off" />
            )}
          </Field>
        )}
        {type === 'settlement' && (
          <Field
            label={t('agreement.amount')}
            error={errorText('amountYuan')}
            hint={t('agreement.amountHint')}
          >
            {(control) => (
              <input
                {...control}
                {...register('amountYuan')}
                inputMode="decimal"
                autoComplete="off"
              />
            )}
          </Field>
        )}
      </div>

      {type === 'waiver' && (
        <fieldset
          className="agreement-waiver"
          aria-describedby={
            errorText('components') === undefined ? undefined : 'agreement-components-error'
          }
        >
          <legend className="field-label">{t('agreement.components')}</legend>
          <div className="reminder-switches">
            {WAIVABLE.map((component) => (
              <label key={component} className="field-check">
                <input type="checkbox" value={component} {...register('components')} />
                <span>{t(`component.${component}`)}</span>
              </label>
            ))}
          </div>
          {errorText('components') !== undefined && (
            <div id="agreement-components-error" className="field-error">
              {errorText('components')}
            </div>
          )}
          <label className="field-check">
            <input type="checkbox" {...register('stopFurtherCharges')} />
            <span>{t('agreement.stop')}</span>
          </label>
        </fieldset>
      )}

      <Field label={t('agreement.note')} error={errorText('note')}>
        {(control) => <input {...control} {...register('note')} autoComplete="off" />}
      </Field>

      {save.isError && <ErrorNotice error={save.error} />}
      <div className="dialog-actions">
        <Button className="button" onPress={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('agreement.save')}
        </Button>
      </div>
    </form>
  )
}
