import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, Radio, RadioGroup } from 'react-aria-components'
import { useNavigate } from 'react-router'
import type { Language } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { Loan, LoanInput } from '@shared/api/records'
import type { CivilDate } from '@shared/dates'
import { PRESET_IDS, PRESETS, type PresetId } from '@shared/engine/presets'
import { api } from '../../api'
import { invalidateLoanData } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SourceNote } from '../../components/SourceNote'
import { FormDateInput } from '../../components/ui/DateInput'
import { Field } from '../../components/ui/Field'
import { Modal } from '../../components/ui/Modal'
import { notify } from '../../components/ui/Toasts'
import {
  DEFAULT_HIDDEN_TERMS,
  FORM_LENDER_KINDS,
  FORM_METHODS,
  formFieldFor,
  loanFormSchema,
  valuesForPreset,
  valuesFromLoan,
  type HiddenTerms,
  type LoanFormField,
  type LoanFormValues,
} from './loan-form-model'

/** Add a loan (from a preset) or edit one: the form in a modal dialog. */
export function LoanFormDialog({
  loan,
  today,
  isOpen,
  onOpenChange,
}: {
  /** The loan to edit; a new loan when absent. */
  loan?: Loan
  today: CivilDate
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      title={loan === undefined ? t('loanForm.addTitle') : t('loanForm.editTitle')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="wide"
      testId="loan-form"
    >
      {(close) => <LoanForm loan={loan} today={today} onDone={close} />}
    </Modal>
  )
}

function LoanForm({ loan, today, onDone }: { loan?: Loan; today: CivilDate; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const hidden: HiddenTerms = loan === undefined ? DEFAULT_HIDDEN_TERMS : loan.terms
  const schema = useMemo(() => loanFormSchema(hidden), [hidden])
  const form = useForm<LoanFormValues, unknown, LoanInput>({
    resolver: zodResolver(schema),
    defaultValues: loan === undefined ? valuesForPreset('webank', today) : valuesFromLoan(loan),
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, setError, reset, getValues } = form
  const installments = useFieldArray({ control, name: 'installments' })
  const [presetId, termsKind, method, penaltyMode, lateFeeKind, compoundingEnabled] = useWatch({
    control,
    name: ['presetId', 'termsKind', 'method', 'penaltyMode', 'lateFeeKind', 'compoundingEnabled'],
  })
  const isCard = termsKind === 'credit_card'

  const save = useMutation({
    mutationFn: (input: LoanInput) =>
      loan === undefined
        ? api.call('loans.create', input)
        : api.call('loans.update', { id: loan.id, ...input }),
    onSuccess: async (saved) => {
      await invalidateLoanData(queryClient)
      notify(loan === undefined ? t('loanForm.created', { name: saved.name }) : t('loanForm.saved'))
      onDone()
      if (loan === undefined) void navigate(`/loans/${saved.id}`)
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field !== undefined) {
        const field = formFieldFor(error.field.split('.'))
        if (field !== 'root') setError(field as LoanFormField, { message: 'invalid' })
      }
    },
  })

  const choosePreset = (id: PresetId) => {
    const typed = getValues()
    reset(valuesForPreset(id, today, typed), { keepDirty: true, keepTouched: true })
  }

  /** The translated message of a field's error (messages are keys under loanForm.errors). */
  const errorOf = (errors: FieldErrors<LoanFormValues>, name: LoanFormField) => {
    const message = errors[name]?.message
    return message === undefined ? undefined : t(`loanForm.errors.${String(message)}`)
  }
  const errors = formState.errors
  const note = (path: string) => <SourceNote presetId={presetId} path={path} />

  return (
    <form
      className="loan-form"
      noValidate
      onSubmit={(event) => void handleSubmit((input) => save.mutate(input))(event)}
    >
      <Controller
        control={control}
        name="presetId"
        render={({ field }) => (
          <RadioGroup
            className="preset-group"
            value={field.value}
            onChange={(value) => choosePreset(value as PresetId)}
          >
            <span className="field-label">{t('loanForm.preset')}</span>
            <div className="preset-choices">
              {PRESET_IDS.map((id) => (
                <Radio key={id} value={id} className="preset-choice">
                  <span className="preset-name">{PRESETS[id].name[language]}</span>
                  <span className="preset-description">{PRESETS[id].description[language]}</span>
                </Radio>
              ))}
            </div>
            <span className="field-hint">{t('loanForm.presetHint')}</span>
          </RadioGroup>
        )}
      />

      <h3 className="form-heading">{t('loanForm.basics')}</h3>
      <div className="form-grid">
        <Field
          label={t('loanForm.name')}
          error={errorOf(errors, 'name')}
          hint={t('loanForm.nameHint')}
        >
          {(control) => <input {...control} {...register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('loanForm.lender')} error={errorOf(errors, 'lender')}>
          {(control) => <input {...control} {...register('lender')} autoComplete="off" />}
        </Field>
        <Field label={t('loanForm.lenderKind')} error={errorOf(errors, 'lenderKind')}>
          {(control) => (
            <select {...control} {...register('lenderKind')}>
              {FORM_LENDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`lenderKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={isCard ? t('loanForm.cardBalance') : t('loanForm.principal')}
          error={errorOf(errors, 'principalYuan')}
          hint={t('loanForm.yuanHint')}
        >
          {(control) => (
            <input
              {...control}
              {...register('principalYuan')}
              inputMode="decimal"
              autoComplete="off"
            />
          )}
        </Field>
        <FormDateInput
          control={control}
          name="disbursedOn"
          label={isCard ? t('loanForm.postedOn') : t('loanForm.disbursedOn')}
          error={errorOf(errors, 'disbursedOn')}
          isRequired
          testId="field-disbursedOn"
        />
        <div className="field-pair">
          <Field
            label={t('loanForm.rate')}
            error={errorOf(errors, 'ratePercent')}
            hint={note('rate')}
          >
            {(control) => (
              <div className="input-with-unit">
                <input {...control} {...register('ratePercent')} inputMode="decimal" />
                <span aria-hidden="true">%</span>
                <select aria-label={t('loanForm.ratePer')} {...register('ratePer')}>
                  <option value="day">{t('loanForm.perDay')}</option>
                  <option value="year">{t('loanForm.perYear')}</option>
                </select>
              </div>
            )}
          </Field>
        </div>
      </div>

      {isCard ? (
        <>
          <h3 className="form-heading">{t('loanForm.cardTerms')}</h3>
          <div className="form-grid">
            <FormDateInput
              control={control}
              name="cardStatementOn"
              label={t('loanForm.statementOn')}
              error={errorOf(errors, 'cardStatementOn')}
              isRequired
              testId="field-cardStatementOn"
            />
            <Field
              label={t('loanForm.dueDaysAfterStatement')}
              error={errorOf(errors, 'cardDueDays')}
              hint={note('card.dueDaysAfterStatement')}
            >
              {(control) => <input {...control} {...register('cardDueDays')} inputMode="numeric" />}
            </Field>
            <Field
              label={t('loanForm.minimumPercent')}
              error={errorOf(errors, 'cardMinimumPercent')}
              hint={note('card.minimumPercent')}
            >
              {(control) => (
                <input {...control} {...register('cardMinimumPercent')} inputMode="decimal" />
              )}
            </Field>
            <Field
              label={t('loanForm.minimumFloor')}
              error={errorOf(errors, 'cardMinimumFloorYuan')}
              hint={note('card.minimumFloorFen')}
            >
              {(control) => (
                <input {...control} {...register('cardMinimumFloorYuan')} inputMode="decimal" />
              )}
            </Field>
            <Field
              label={t('loanForm.interestOn')}
              error={errorOf(errors, 'cardInterestOn')}
              hint={note('card.interestOn')}
            >
              {(control) => (
                <select {...control} {...register('cardInterestOn')}>
                  <option value="full_balance">{t('loanForm.fullBalance')}</option>
                  <option value="unpaid_part">{t('loanForm.unpaidPart')}</option>
                </select>
              )}
            </Field>
          </div>
        </>
      ) : (
        <>
          <h3 className="form-heading">{t('loanForm.schedule')}</h3>
          <div className="form-grid">
            <Field
              label={t('loanForm.method')}
              error={errorOf(errors, 'method')}
              hint={note('schedule.method')}
            >
              {(control) => (
                <select {...control} {...register('method')}>
                  {FORM_METHODS.map((value) => (
                    <option key={value} value={value}>
                      {t(`method.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {method !== 'custom' && (
              <>
                <Field
                  label={t('loanForm.periods')}
                  error={errorOf(errors, 'periods')}
                  hint={note('schedule.periods')}
                >
                  {(control) => <input {...control} {...register('periods')} inputMode="numeric" />}
                </Field>
                <FormDateInput
                  control={control}
                  name="firstDueOn"
                  label={t('loanForm.firstDueOn')}
                  error={errorOf(errors, 'firstDueOn')}
                  description={t('loanForm.firstDueOnHint')}
                  testId="field-firstDueOn"
                />
              </>
            )}
          </div>
          {method === 'custom' && (
            <fieldset className="form-section">
              <legend>{t('loanForm.installments')}</legend>
              <p className="field-hint">{t('loanForm.installmentsHint')}</p>
              {errors.installments?.message !== undefined && (
                <p className="field-error" role="alert">
                  {t(`loanForm.errors.${errors.installments.message}`)}
                </p>
              )}
              <ol className="installment-rows">
                {installments.fields.map((row, index) => {
                  const rowErrors = errors.installments?.[index]
                  const rowError = (key: 'principalYuan' | 'interestYuan' | 'dueOn') => {
                    const message = rowErrors?.[key]?.message
                    return message === undefined ? undefined : t(`loanForm.errors.${message}`)
                  }
                  return (
                    <li key={row.id} className="installment-row">
                      <FormDateInput
                        control={control}
                        name={`installments.${index}.dueOn`}
                        label={t('loanForm.installmentDue', { n: index + 1 })}
                        error={rowError('dueOn')}
                      />
                      <Field
                        label={t('loanForm.installmentPrincipal')}
                        error={rowError('principalYuan')}
                      >
                        {(control) => (
                          <input
                            {...control}
                            {...register(`installments.${index}.principalYuan`)}
                            inputMode="decimal"
                          />
                        )}
                      </Field>
                      <Field
                        label={t('loanForm.installmentInterest')}
                        error={rowError('interestYuan')}
                      >
                        {(control) => (
                          <input
                            {...control}
                            {...register(`installments.${index}.interestYuan`)}
                            inputMode="decimal"
                          />
                        )}
                      </Field>
                      <Button
                        className="button"
                        onPress={() => installments.remove(index)}
                        aria-label={t('loanForm.removeInstallment', { n: index + 1 })}
                      >
                        {t('common.delete')}
                      </Button>
                    </li>
                  )
                })}
              </ol>
              <Button
                className="button"
                onPress={() =>
                  installments.append({ dueOn: null, principalYuan: '', interestYuan: '0' })
                }
              >
                {t('loanForm.addInstallment')}
              </Button>
            </fieldset>
          )}
        </>
      )}

      <h3 className="form-heading">{t('loanForm.overdueTerms')}</h3>
      <p className="field-hint">{t('loanForm.overdueTermsHint')}</p>
      {note('penalty')}
      <div className="form-grid">
        <Field
          label={t('loanForm.graceDays')}
          error={errorOf(errors, 'graceDays')}
          hint={note('graceDays')}
        >
          {(control) => <input {...control} {...register('graceDays')} inputMode="numeric" />}
        </Field>
        <Field label={t('loanForm.penaltyMode')} error={errorOf(errors, 'penaltyMode')}>
          {(control) => (
            <select {...control} {...register('penaltyMode')}>
              <option value="multiplier">{t('loanForm.penaltyMultiplierMode')}</option>
              <option value="absolute">{t('loanForm.penaltyAbsoluteMode')}</option>
            </select>
          )}
        </Field>
        {penaltyMode === 'multiplier' ? (
          <Field
            label={t('loanForm.penaltyMultiplier')}
            error={errorOf(errors, 'penaltyMultiplier')}
            hint={note('penalty.rate.multiplier')}
          >
            {(control) => (
              <input {...control} {...register('penaltyMultiplier')} inputMode="decimal" />
            )}
          </Field>
        ) : (
          <Field label={t('loanForm.penaltyRate')} error={errorOf(errors, 'penaltyRatePercent')}>
            {(control) => (
              <div className="input-with-unit">
                <input {...control} {...register('penaltyRatePercent')} inputMode="decimal" />
                <span aria-hidden="true">%</span>
                <select aria-label={t('loanForm.ratePer')} {...register('penaltyRatePer')}>
                  <option value="day">{t('loanForm.perDay')}</option>
                  <option value="year">{t('loanForm.perYear')}</option>
                </select>
              </div>
            )}
          </Field>
        )}
        <Field
          label={t('loanForm.penaltyBasis')}
          error={errorOf(errors, 'penaltyBasis')}
          hint={note('penalty.basis')}
        >
          {(control) => (
            <select {...control} {...register('penaltyBasis')}>
              <option value="overdue_principal">{t('loanForm.basisPrincipal')}</option>
              <option value="overdue_principal_and_interest">
                {t('loanForm.basisPrincipalAndInterest')}
              </option>
            </select>
          )}
        </Field>
        <div className="field field-check-block">
          <label className="field-check">
            <input type="checkbox" {...register('contractInterestContinues')} />
            {t('loanForm.contractInterestContinues')}
          </label>
          {note('penalty.contractInterestContinues')}
        </div>
        <div className="field field-check-block">
          <label className="field-check">
            <input type="checkbox" {...register('compoundingEnabled')} />
            {t('loanForm.compounding')}
          </label>
          {note('compounding.enabled')}
          {compoundingEnabled && (
            <select aria-label={t('loanForm.compoundingRate')} {...register('compoundingRate')}>
              <option value="penalty">{t('loanForm.compoundAtPenalty')}</option>
              <option value="contract">{t('loanForm.compoundAtContract')}</option>
            </select>
          )}
        </div>
        <Field
          label={t('loanForm.lateFee')}
          error={errorOf(errors, 'lateFeeKind')}
          hint={note('lateFee.kind')}
        >
          {(control) => (
            <select {...control} {...register('lateFeeKind')}>
              {(['none', 'fixed', 'percent_of_overdue', 'percent_of_unpaid_minimum'] as const).map(
                (kind) => (
                  <option key={kind} value={kind}>
                    {t(`loanForm.lateFeeKinds.${kind}`)}
                  </option>
                ),
              )}
            </select>
          )}
        </Field>
        {lateFeeKind === 'fixed' && (
          <Field label={t('loanForm.lateFeeFixed')} error={errorOf(errors, 'lateFeeFixedYuan')}>
            {(control) => (
              <input {...control} {...register('lateFeeFixedYuan')} inputMode="decimal" />
            )}
          </Field>
        )}
        {lateFeeKind !== 'none' && lateFeeKind !== 'fixed' && (
          <Field
            label={t('loanForm.lateFeePercent')}
            error={errorOf(errors, 'lateFeePercent')}
            hint={note('lateFee.percent')}
          >
            {(control) => (
              <input {...control} {...register('lateFeePercent')} inputMode="decimal" />
            )}
          </Field>
        )}
        {lateFeeKind !== 'none' && (
          <>
            <Field
              label={t('loanForm.lateFeeFrequency')}
              error={errorOf(errors, 'lateFeeFrequency')}
              hint={note('lateFee.frequency')}
            >
              {(control) => (
                <select {...control} {...register('lateFeeFrequency')}>
                  <option value="once">{t('loanForm.once')}</option>
                  <option value="each_period">{t('loanForm.eachPeriod')}</option>
                </select>
              )}
            </Field>
            <Field
              label={t('loanForm.lateFeeMin')}
              error={errorOf(errors, 'lateFeeMinYuan')}
              hint={note('lateFee.minFen')}
            >
              {(control) => (
                <input {...control} {...register('lateFeeMinYuan')} inputMode="decimal" />
              )}
            </Field>
            <Field
              label={t('loanForm.lateFeeMax')}
              error={errorOf(errors, 'lateFeeMaxYuan')}
              hint={t('loanForm.lateFeeMaxHint')}
            >
              {(control) => (
                <input {...control} {...register('lateFeeMaxYuan')} inputMode="decimal" />
              )}
            </Field>
          </>
        )}
      </div>

      <Field label={t('loanForm.notes')} error={errorOf(errors, 'notes')}>
        {(control) => <textarea {...control} {...register('notes')} rows={2} />}
      </Field>

      {errors.root?.message !== undefined && (
        <p className="field-error" role="alert">
          {t(`loanForm.errors.${errors.root.message}`)}
        </p>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert" data-testid="form-has-errors">
          {t('loanForm.fixErrors')}
        </p>
      )}
      <div className="dialog-actions">
        <Button className="button" onPress={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  )
}
