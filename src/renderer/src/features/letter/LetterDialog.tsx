import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button, Checkbox, CheckboxGroup } from 'react-aria-components'
import type { Loan } from '@shared/api/records'
import type { Ledger } from '@shared/engine/ledger-types'
import {
  buildLetter,
  LETTER_DOCUMENTS,
  letterFigures,
  planTotals,
  type LetterLanguage,
} from '@shared/playbook/letter'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { useAppInfo } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SourceLine } from '../../components/SourceLine'
import { FormDateInput } from '../../components/ui/DateInput'
import { Field } from '../../components/ui/Field'
import { Modal } from '../../components/ui/Modal'
import { notify } from '../../components/ui/Toasts'
import {
  defaultLetterValues,
  evenMonthlyYuan,
  letterFormSchema,
  MAX_HARDSHIP,
  proposedPlan,
  type LetterFormData,
  type LetterFormValues,
} from './letter-form'
import './letter.css'

/**
 * The negotiation letter (协商还款申请书): the user's name, the hardship in their words and the
 * plan they propose; the letter follows as they type, drafted from the engine's figures, and
 * stays editable. Copy it, or save it as a PDF (the desktop app typesets it; in a browser the
 * page prints only the letter). The documents to attach are a checklist kept while it is open.
 */
export function LetterDialog({
  loan,
  ledger,
  isOpen,
  onOpenChange,
}: {
  loan: Loan
  ledger: Ledger
  isOpen: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      title={t('letter.dialogTitle', { name: loan.name })}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="wide"
      testId="letter-dialog"
    >
      {(close) => <LetterWorkspace loan={loan} ledger={ledger} onDone={close} />}
    </Modal>
  )
}

function LetterWorkspace({
  loan,
  ledger,
  onDone,
}: {
  loan: Loan
  ledger: Ledger
  onDone: () => void
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const uiLanguage: LetterLanguage = i18n.language === 'en' ? 'en' : 'zh-CN'
  const figures = useMemo(() => letterFigures(loan.terms, ledger), [loan.terms, ledger])
  const payoffFen = figures.payoffFen

  const form = useForm<LetterFormValues, unknown, LetterFormData>({
    resolver: zodResolver(letterFormSchema),
    defaultValues: defaultLetterValues(uiLanguage, payoffFen, figures.asOf),
    mode: 'onChange',
  })
  const { register, control, formState } = form
  // The letter follows the last valid state of the form.
  const [data, setData] = useState<LetterFormData | null>(() => {
    const parsed = letterFormSchema.safeParse(form.getValues())
    return parsed.success ? parsed.data : null
  })
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          // A new term re-splits the amount, until the user types an amount of their own.
          if (
            (name === 'months' || name === 'firstDueOn') &&
            !form.getFieldState('monthlyYuan').isDirty
          ) {
            const months = Number(values.months)
            if (Number.isInteger(months) && months >= 1 && values.firstDueOn !== null) {
              form.setValue('monthlyYuan', evenMonthlyYuan(payoffFen, months, values.firstDueOn), {
                shouldValidate: true,
              })
            }
          }
          const parsed = letterFormSchema.safeParse(values)
          if (parsed.success) setData(parsed.data)
        },
      }),
    [form, payoffFen],
  )

  const plan = useMemo(
    () => (data === null ? null : proposedPlan(payoffFen, data)),
    [data, payoffFen],
  )
  const letter = useMemo(
    () =>
      data === null || plan === null
        ? null
        : buildLetter(
            {
              loanName: loan.name,
              lender: loan.lender,
              lenderKind: loan.lenderKind,
              borrowerName: data.borrowerName,
              figures,
              hardship: data.hardship,
              plan,
            },
            data.language,
          ),
    [data, plan, loan.name, loan.lender, loan.lenderKind, figures],
  )
  const letterLanguage = data?.language ?? uiLanguage
  const [editedBody, setEditedBody] = useState<string | null>(null)
  const title = letter?.title ?? ''
  const body = editedBody ?? letter?.body ?? ''
  const letterRef = useRef<HTMLTextAreaElement>(null)

  const errorText = (name: keyof LetterFormValues) => {
    const message = formState.errors[name]?.message
    return message === undefined ? undefined : t(`letter.errors.${message}`)
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${title}\n\n${body}`)
      notify(t('letter.copied'))
    } catch {
      // Where the Clipboard API is refused (a permission the app does not grant), copy the
      // selected text the old way.
      const area = letterRef.current
      area?.focus()
      area?.select()
      if (area !== null && document.execCommand('copy')) notify(t('letter.copied'))
      else notify(t('letter.copyFailed'), undefined, 'error')
    }
  }

  const appInfo = useAppInfo()
  const runtime = appInfo.data?.runtime
  const savePdf = useMutation({
    mutationFn: () => api.call('letter.savePdf', { title, body, language: letterLanguage }),
    onSuccess: (result) => {
      if (result.saved) notify(t('letter.pdfSaved'), result.path ?? undefined)
    },
  })
  const save = () => {
    if (runtime === 'electron') savePdf.mutate()
    else window.print()
  }

  const [ready, setReady] = useState<string[]>([])
  const documentsId = useId()
  const summary =
    plan === null
      ? null
      : (() => {
          const { totalFen, lastDueOn } = planTotals(plan)
          return t('letter.planSummary', {
            total: format.money(totalFen),
            last: format.date(lastDueOn),
            payoff: format.money(payoffFen),
          })
        })()

  return (
    <>
      <form noValidate className="letter-form" onSubmit={(event) => event.preventDefault()}>
        <div className="form-grid form-grid-2">
          <Field
            label={t('letter.name')}
            hint={t('letter.nameHint')}
            error={errorText('borrowerName')}
          >
            {(control) => <input {...control} {...register('borrowerName')} autoComplete="name" />}
          </Field>
          <Field label={t('letter.language')} hint={t('letter.languageHint')}>
            {(control) => (
              <select {...control} {...register('language')}>
                <option value="zh-CN">{t('letter.languages.zh-CN')}</option>
                <option value="en">{t('letter.languages.en')}</option>
              </select>
            )}
          </Field>
        </div>
        <Field
          label={t('letter.hardship')}
          hint={t('letter.hardshipHint')}
          error={errorText('hardship')}
          className="letter-hardship"
        >
          {(control) => (
            <textarea {...control} {...register('hardship')} rows={3} maxLength={MAX_HARDSHIP} />
          )}
        </Field>

        <h3 className="letter-heading">{t('letter.planHeading')}</h3>
        <div className="form-grid letter-plan-grid">
          <Field label={t('letter.months')} error={errorText('months')}>
            {(control) => (
              <input {...control} {...register('months')} inputMode="numeric" autoComplete="off" />
            )}
          </Field>
          <FormDateInput
            control={control}
            name="firstDueOn"
            label={t('letter.firstDueOn')}
            error={errorText('firstDueOn')}
            isRequired
            testId="letter-first-due"
          />
          <Field
            label={t('letter.monthly')}
            hint={t('letter.monthlyHint')}
            error={errorText('monthlyYuan')}
          >
            {(control) => (
              <input
                {...control}
                {...register('monthlyYuan')}
                inputMode="decimal"
                autoComplete="off"
              />
            )}
          </Field>
        </div>
        {summary !== null && (
          <p className="muted letter-plan-summary" data-testid="letter-plan-summary">
            {summary}
          </p>
        )}
      </form>

      <section className="letter-draft" aria-labelledby="letter-draft-title">
        <div className="letter-draft-head">
          <h3 id="letter-draft-title" className="letter-heading">
            {t('letter.letterHeading')}
          </h3>
          {editedBody !== null && (
            <Button className="button button-small" onPress={() => setEditedBody(null)}>
              {t('letter.regenerate')}
            </Button>
          )}
        </div>
        <p className="muted letter-note" aria-live="polite">
          {editedBody !== null
            ? t('letter.edited')
            : Object.keys(formState.errors).length > 0
              ? t('letter.fixErrors')
              : t('letter.follows')}
        </p>
        <Field label={t('letter.letterLabel')} className="letter-text-field">
          {(control) => (
            <textarea
              {...control}
              ref={letterRef}
              className="letter-text"
              lang={letterLanguage}
              value={body}
              onChange={(event) => setEditedBody(event.target.value)}
              rows={18}
              maxLength={20_000}
              spellCheck={false}
              data-testid="letter-text"
            />
          )}
        </Field>
      </section>

      <section className="letter-documents" aria-labelledby={documentsId}>
        <h3 id={documentsId} className="letter-heading">
          {t('letter.documentsHeading')}{' '}
          <span className="muted letter-documents-count">
            {t('letter.documentsReady', { done: ready.length, total: LETTER_DOCUMENTS.length })}
          </span>
        </h3>
        <p className="muted letter-note">{t('letter.documentsIntro')}</p>
        <CheckboxGroup
          aria-labelledby={documentsId}
          value={ready}
          onChange={setReady}
          className="letter-document-list"
        >
          {LETTER_DOCUMENTS.map((doc) => (
            <Checkbox key={doc.id} value={doc.id} className="letter-document">
              {({ isSelected }) => (
                <>
                  <span className="letter-checkbox" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  <span className="letter-document-text">
                    <span className="letter-document-name">{doc.text[uiLanguage]}</span>
                    <span className="letter-document-hint">{doc.hint[uiLanguage]}</span>
                  </span>
                </>
              )}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <SourceLine ids={['negotiation-documents']} />
      </section>

      {savePdf.isError && <ErrorNotice error={savePdf.error} />}
      <div className="dialog-actions letter-actions">
        {runtime === 'browser' && (
          <p className="muted letter-print-hint">{t('letter.printHint')}</p>
        )}
        <Button className="button" onPress={onDone}>
          {t('common.close')}
        </Button>
        <Button className="button" onPress={() => void copy()} isDisabled={body === ''}>
          {t('letter.copy')}
        </Button>
        <Button
          className="button button-primary"
          onPress={save}
          isDisabled={body === '' || runtime === undefined || savePdf.isPending}
        >
          {savePdf.isPending ? t('letter.makingPdf') : t('letter.savePdf')}
        </Button>
      </div>

      {createPortal(
        <div className="letter-print" lang={letterLanguage} data-testid="letter-print">
          <h1>{title}</h1>
          <div className="letter-print-body">{body}</div>
        </div>,
        document.body,
      )}
    </>
  )
}
