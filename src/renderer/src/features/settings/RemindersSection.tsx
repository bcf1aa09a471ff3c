import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { z } from 'zod'
import { DEFAULT_REMINDERS, type Reminders } from '@shared/api/contract'
import { useAppInfo, useSettings, useUpdateSettings } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/ui/Field'
import { notify } from '../../components/ui/Toasts'
import { reminderKeys } from '../reminders/ReminderBanner'
import '../reminders/reminders.css'

interface RemindersFormValues {
  daysBefore: string
  onDueDate: boolean
  onStageChange: boolean
  onFollowUp: boolean
}

const SWITCHES = ['onDueDate', 'onStageChange', 'onFollowUp'] as const

/** Whole days 0–30 typed; the error message is a key under reminders.settings.errors. */
const remindersFormSchema = z.object({
  daysBefore: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'daysBefore')
    .transform(Number)
    .refine((days) => days <= 30, 'daysBefore'),
  onDueDate: z.boolean(),
  onStageChange: z.boolean(),
  onFollowUp: z.boolean(),
}) satisfies z.ZodType<Reminders, RemindersFormValues>

function formValues(reminders: Reminders): RemindersFormValues {
  return { ...reminders, daysBefore: String(reminders.daysBefore) }
}

/** Which reminders to show: days before each due date, on it, a new stage, follow-ups. */
export function RemindersSection() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const appInfo = useAppInfo()
  const settings = useSettings()
  const update = useUpdateSettings()
  const form = useForm<RemindersFormValues, unknown, Reminders>({
    resolver: zodResolver(remindersFormSchema),
    values: formValues(settings.data?.reminders ?? DEFAULT_REMINDERS),
  })
  const daysError = form.formState.errors.daysBefore?.message

  const save = (reminders: Reminders) =>
    update.mutate(
      { reminders },
      {
        onSuccess: () => {
          notify(t('reminders.settings.saved'))
          void queryClient.invalidateQueries({ queryKey: reminderKeys.due })
        },
      },
    )

  return (
    <section
      className="card settings-section reminder-settings"
      aria-labelledby="settings-reminders"
      data-testid="settings-reminders"
    >
      <h2 id="settings-reminders">{t('reminders.settings.title')}</h2>
      <p className="muted settings-hint">
        {appInfo.data?.runtime === 'electron'
          ? t('reminders.settings.hintDesktop')
          : t('reminders.settings.hintBrowser')}
      </p>
      {settings.isError && (
        <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      <form noValidate onSubmit={(event) => void form.handleSubmit(save)(event)}>
        <Field
          label={t('reminders.settings.daysBefore')}
          hint={t('reminders.settings.daysBeforeHint')}
          error={daysError === undefined ? undefined : t(`reminders.settings.errors.${daysError}`)}
          className="reminder-days"
        >
          {(control) => (
            <input
              {...control}
              {...form.register('daysBefore')}
              type="number"
              min={0}
              max={30}
              step={1}
              inputMode="numeric"
              data-testid="reminders-days-before"
            />
          )}
        </Field>
        <div className="reminder-switches">
          {SWITCHES.map((name) => (
            <label key={name} className="field-check">
              <input type="checkbox" {...form.register(name)} data-testid={`reminders-${name}`} />
              <span>{t(`reminders.settings.${name}`)}</span>
            </label>
          ))}
        </div>
        <Button
          type="submit"
          className="button button-primary"
          isDisabled={update.isPending || !form.formState.isDirty}
        >
          {t('reminders.settings.save')}
        </Button>
      </form>
      {update.isError && <ErrorNotice error={update.error} />}
    </section>
  )
}
