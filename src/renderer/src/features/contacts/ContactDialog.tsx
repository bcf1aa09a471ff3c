import { zodResolver } from '@hookform/resolvers/zod'
import { parseTime, type Time } from '@internationalized/date'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  Button,
  DateInput as AriaDateInput,
  DateSegment,
  FieldError,
  Label,
  TimeField,
} from 'react-aria-components'
import type { ContactRow } from '@shared/api/contact-schema'
import { ApiError } from '@shared/api/errors'
import type { CivilDate } from '@shared/dates'
import { CONTACT_CHANNELS, CONTACT_PARTIES } from '@shared/playbook/contact-rules'
import { api } from '../../api'
import { invalidateLoanData } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FormDateInput } from '../../components/ui/DateInput'
import { Field } from '../../components/ui/Field'
import { Modal } from '../../components/ui/Modal'
import { notify } from '../../components/ui/Toasts'
import {
  contactFormSchema,
  defaultValues,
  emptyPlanRow,
  type ContactFormOutput,
  type ContactFormValues,
} from './contact-form'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Log a contact (or edit one): when, how, who, what was said and promised, when to follow it up.
 * A new contact can carry the installment plan it agreed, saved with it as an `agreed_plan` event
 * in one step.
 */
export function ContactDialog({
  loanId,
  loanName,
  today,
  contact,
  isOpen,
  onOpenChange,
}: {
  loanId: number
  loanName: string
  today: CivilDate
  /** The contact to edit; a new one when absent. */
  contact?: ContactRow
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      title={
        contact === undefined ? t('contacts.addTitle', { name: loanName }) : t('contacts.editTitle')
      }
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="wide"
      testId="contact-form"
    >
      {(close) => <ContactForm loanId={loanId} today={today} contact={contact} onDone={close} />}
    </Modal>
  )
}

function ContactForm({
  loanId,
  today,
  contact,
  onDone,
}: {
  loanId: number
  today: CivilDate
  contact?: ContactRow
  onDone: () => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const form = useForm<ContactFormValues, unknown, ContactFormOutput>({
    resolver: zodResolver(contactFormSchema(loanId, today)),
    defaultValues: defaultValues(today, contact),
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, setError, setValue, getValues } = form
  const installments = useFieldArray({ control, name: 'installments' })
  const hasPlan = useWatch({ control, name: 'hasPlan' })

  const save = useMutation({
    mutationFn: async (input: ContactFormOutput) => {
      if (contact === undefined) return api.call('contacts.add', input)
      const { loanId: _loanId, agreedPlan: _plan, ...patch } = input
      return { ...(await api.call('contacts.update', { id: contact.id, ...patch })), event: null }
    },
    onSuccess: async (saved) => {
      await invalidateLoanData(queryClient)
      notify(
        contact !== undefined
          ? t('contacts.updated')
          : saved.event !== null
            ? t('contacts.savedWithPlan')
            : t('contacts.saved'),
      )
      onDone()
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.field === undefined) return
      if (error.field === 'occurredAt') setError('date', { message: 'future' })
      if (error.field.startsWith('agreedPlan')) setError('planOn', { message: 'planRefused' })
    },
  })

  const errors = formState.errors
  const errorOf = (message: string | undefined) =>
    message === undefined ? undefined : t(`contacts.errors.${message}`)
  const fieldError = (name: keyof FieldErrors<ContactFormValues>) =>
    errorOf(errors[name]?.message as string | undefined)

  const choosePlan = (checked: boolean) => {
    setValue('hasPlan', checked)
    // The plan starts, by default, on the day it was agreed.
    if (checked && getValues('planOn') === null) setValue('planOn', getValues('date'))
  }

  return (
    <form
      className="contact-form"
      noValidate
      onSubmit={(event) => void handleSubmit((input) => save.mutate(input))(event)}
    >
      <div className="form-grid contact-form-grid">
        <FormDateInput
          control={control}
          name="date"
          label={t('contacts.date')}
          error={fieldError('date')}
          isRequired
          testId="field-contact-date"
        />
        <Controller
          control={control}
          name="time"
          render={({ field }) => (
            <TimeField<Time>
              className="field date-field"
              value={field.value === null ? null : parseTime(field.value)}
              onChange={(time) =>
                field.onChange(time === null ? null : `${pad(time.hour)}:${pad(time.minute)}`)
              }
              onBlur={field.onBlur}
              hourCycle={24}
              isInvalid={errors.time !== undefined}
              isRequired
              validationBehavior="aria"
              data-testid="field-contact-time"
            >
              <Label className="field-label">{t('contacts.time')}</Label>
              <AriaDateInput className="date-group date-input contact-time-input">
                {(segment) => <DateSegment segment={segment} className="date-segment" />}
              </AriaDateInput>
              <FieldError className="field-error">{fieldError('time')}</FieldError>
            </TimeField>
          )}
        />
        <Field label={t('contacts.channel')} error={fieldError('channel')}>
          {(control) => (
            <select {...control} {...register('channel')}>
              {CONTACT_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`contacts.channels.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('contacts.direction')} error={fieldError('direction')}>
          {(control) => (
            <select {...control} {...register('direction')}>
              <option value="incoming">{t('contacts.directions.incoming')}</option>
              <option value="outgoing">{t('contacts.directions.outgoing')}</option>
            </select>
          )}
        </Field>
        <Field label={t('contacts.party')} error={fieldError('party')}>
          {(control) => (
            <select {...control} {...register('party')}>
              {CONTACT_PARTIES.map((party) => (
                <option key={party} value={party}>
                  {t(`contacts.parties.${party}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('contacts.who')} error={fieldError('who')} hint={t('contacts.whoHint')}>
          {(control) => <input {...control} {...register('who')} autoComplete="off" />}
        </Field>
      </div>
      <div className="form-grid form-grid-2">
        <Field label={t('contacts.summary')} error={fieldError('summary')}>
          {(control) => <textarea {...control} {...register('summary')} rows={3} />}
        </Field>
        <Field
          label={t('contacts.promises')}
          error={fieldError('promises')}
          hint={t('contacts.promisesHint')}
        >
          {(control) => <textarea {...control} {...register('promises')} rows={3} />}
        </Field>
        <FormDateInput
          control={control}
          name="followUpOn"
          label={t('contacts.followUpOn')}
          error={fieldError('followUpOn')}
          description={t('contacts.followUpOnHint')}
          testId="field-contact-followUpOn"
        />
      </div>

      {contact === undefined && (
        <div className="form-section contact-plan">
          <label className="field-check">
            <input
              type="checkbox"
              checked={hasPlan}
              onChange={(event) => choosePlan(event.target.checked)}
              data-testid="contact-has-plan"
            />
            <span>{t('contacts.agreedPlan')}</span>
          </label>
          <p className="field-hint">{t('contacts.planHint')}</p>
          {hasPlan && (
            <>
              <FormDateInput
                control={control}
                name="planOn"
                label={t('contacts.planOn')}
                error={fieldError('planOn')}
                isRequired
                testId="field-contact-planOn"
              />
              <h3 className="contact-plan-heading" id="contact-plan-installments">
                {t('contacts.installments')}
              </h3>
              {errors.installments?.message !== undefined && (
                <p className="field-error" role="alert">
                  {errorOf(errors.installments.message)}
                </p>
              )}
              <ol className="installment-rows" aria-labelledby="contact-plan-installments">
                {installments.fields.map((row, index) => {
                  const rowErrors = errors.installments?.[index]
                  return (
                    <li key={row.id} className="installment-row">
                      <FormDateInput
                        control={control}
                        name={`installments.${index}.dueOn`}
                        label={t('contacts.installmentDue', { n: index + 1 })}
                        error={errorOf(rowErrors?.dueOn?.message)}
                        testId={`field-plan-${index}-dueOn`}
                      />
                      <Field
                        label={t('contacts.principal')}
                        error={errorOf(rowErrors?.principalYuan?.message)}
                      >
                        {(control) => (
                          <input
                            {...control}
                            {...register(`installments.${index}.principalYuan`)}
                            inputMode="decimal"
                            autoComplete="off"
                            data-testid={`field-plan-${index}-principal`}
                          />
                        )}
                      </Field>
                      <Field
                        label={t('contacts.interest')}
                        error={errorOf(rowErrors?.interestYuan?.message)}
                      >
                        {(control) => (
                          <input
                            {...control}
                            {...register(`installments.${index}.interestYuan`)}
                            inputMode="decimal"
                            autoComplete="off"
                          />
                        )}
                      </Field>
                      <Button
                        className="button"
                        onPress={() => installments.remove(index)}
                        aria-label={t('contacts.removeInstallment', { n: index + 1 })}
                      >
                        {t('common.delete')}
                      </Button>
                    </li>
                  )
                })}
              </ol>
              <Button className="button" onPress={() => installments.append(emptyPlanRow())}>
                {t('contacts.addInstallment')}
              </Button>
            </>
          )}
        </div>
      )}

      {save.isError && <ErrorNotice error={save.error} />}
      <div className="dialog-actions">
        <Button className="button" onPress={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('contacts.save')}
        </Button>
      </div>
    </form>
  )
}
