import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { z } from 'zod'
import { PAYMENT_CHANNELS, type PaymentInput } from '@shared/api/records'
import { civilDateSchema, type CivilDate } from '@shared/dates'
import { fenToYuanString } from '@shared/money'
import { api } from '../../api'
import { parsePositiveYuan } from '../../app/amount'
import { useFormat } from '../../app/format'
import { invalidateLoanData } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { StageBadge } from '../../components/StageBadge'
import { FormDateInput } from '../../components/ui/DateInput'
import { Field } from '../../components/ui/Field'
import { Modal } from '../../components/ui/Modal'
import { notify } from '../../components/ui/Toasts'
import { AllocationSummary } from './AllocationSummary'

interface PaymentFormValues {
  amountYuan: string
  paidOn: CivilDate | null
  channel: (typeof PAYMENT_CHANNELS)[number]
  note: string
}

function paymentFormSchema(loanId: number) {
  return z.custom<PaymentFormValues>().transform((values, ctx): PaymentInput => {
    const amount = parsePositiveYuan(values.amountYuan)
    if ('error' in amount)
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: amount.error })
    if (values.paidOn === null || !civilDateSchema.safeParse(values.paidOn).success) {
      ctx.addIssue({ code: 'custom', path: ['paidOn'], message: 'required' })
    }
    if ('error' in amount || values.paidOn === null) return z.NEVER
    return {
      loanId,
      amountFen: amount.fen,
      paidOn: values.paidOn,
      channel: values.channel,
      note: values.note.trim(),
    }
  })
}

/**
 * Log a payment: amount in yuan, the date (today by default), the channel and a note. Before it
 * is saved, the engine's preview shows where the money goes (fees and penalty first, by the
 * loan's allocation order) and the stage after it.
 */
export function PaymentDialog({
  loanId,
  loanName,
  today,
  suggestedFen,
  isOpen,
  onOpenChange,
}: {
  loanId: number
  loanName: string
  today: CivilDate
  /** Prefilled amount: what is overdue now, if anything. */
  suggestedFen: number
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      title={t('payment.title', { name: loanName })}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      testId="payment-form"
    >
      {(close) => (
        <PaymentForm loanId={loanId} today={today} suggestedFen={suggestedFen} onDone={close} />
      )}
    </Modal>
  )
}

function PaymentForm({
  loanId,
  today,
  suggestedFen,
  onDone,
}: {
  loanId: number
  today: CivilDate
  suggestedFen: number
  onDone: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const queryClient = useQueryClient()
  const form = useForm<PaymentFormValues, unknown, PaymentInput>({
    resolver: zodResolver(paymentFormSchema(loanId)),
    defaultValues: {
      amountYuan: suggestedFen > 0 ? fenToYuanString(suggestedFen) : '',
      paidOn: today,
      channel: 'app',
      note: '',
    },
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState } = form
  const [amountYuan, paidOn] = useWatch({ control, name: ['amountYuan', 'paidOn'] })
  const amount = parsePositiveYuan(useDeferredValue(amountYuan))
  const previewInput =
    'fen' in amount && paidOn !== null ? { loanId, amountFen: amount.fen, paidOn } : null

  const preview = useQuery({
    queryKey: ['payments.preview', previewInput],
    queryFn: () =>
      api.call('payments.preview', previewInput ?? { loanId, amountFen: 1, paidOn: today }),
    enabled: previewInput !== null,
    retry: false,
  })

  const save = useMutation({
    mutationFn: (input: PaymentInput) => api.call('payments.add', input),
    onSuccess: async (payment) => {
      await invalidateLoanData(queryClient)
      notify(t('payment.saved', { amount: format.money(payment.amountFen) }))
      onDone()
    },
  })

  const errorText = (name: keyof PaymentFormValues) => {
    const message = formState.errors[name]?.message
    return message === undefined ? undefined : t(`payment.errors.${message}`)
  }

  return (
    <form noValidate onSubmit={(event) => void handleSubmit((input) => save.mutate(input))(event)}>
      <div className="form-grid form-grid-2">
        <Field
          label={t('payment.amount')}
          error={errorText('amountYuan')}
          hint={
            suggestedFen > 0
              ? t('payment.amountHint', { amount: format.money(suggestedFen) })
              : undefined
          }
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
        <FormDateInput
          control={control}
          name="paidOn"
          label={t('payment.paidOn')}
          error={errorText('paidOn')}
          isRequired
          testId="field-paidOn"
        />
        <Field label={t('payment.channel')} error={errorText('channel')}>
          {(control) => (
            <select {...control} {...register('channel')}>
              {PAYMENT_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('payment.note')} error={errorText('note')}>
          {(control) => <input {...control} {...register('note')} autoComplete="off" />}
        </Field>
      </div>

      <section className="preview" aria-live="polite" aria-labelledby="payment-preview-title">
        <h3 id="payment-preview-title">{t('payment.previewTitle')}</h3>
        {previewInput === null && <p className="muted">{t('payment.previewWaiting')}</p>}
        {previewInput !== null && preview.isError && <ErrorNotice error={preview.error} />}
        {previewInput !== null && preview.data !== undefined && (
          <div data-testid="payment-preview">
            <AllocationSummary record={preview.data.allocation} />
            <dl className="facts">
              <dt>{t('payment.stageChange')}</dt>
              <dd data-testid="preview-stage">
                <StageBadge stage={preview.data.stageBefore} /> →{' '}
                <StageBadge stage={preview.data.stageAfter} />
              </dd>
              <dt>{t('payment.payoffAfter')}</dt>
              <dd data-testid="preview-payoff">{format.money(preview.data.payoffAfterFen)}</dd>
            </dl>
          </div>
        )}
      </section>

      {save.isError && <ErrorNotice error={save.error} />}
      <div className="dialog-actions">
        <Button className="button" onPress={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('payment.save')}
        </Button>
      </div>
    </form>
  )
}
