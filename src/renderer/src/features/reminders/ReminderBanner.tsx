import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { Link } from 'react-router'
import type { Reminder } from '@shared/api/reminder-schema'
import { api } from '../../api'
import { useAppInfo } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { isLanguage } from '../../i18n'
import './reminders.css'

/** How often the page asks again (a due date may arrive while it stays open). */
const REFRESH_MS = 5 * 60_000

export const reminderKeys = { due: ['reminders.due'] as const }

/**
 * The reminders due, at the top of the overview, in browser mode: each with its loan and a
 * "Dismiss" that acknowledges it, so that it does not come again. The desktop app shows them as
 * system notifications instead (main delivers and acknowledges them), so nothing shows there.
 */
export function ReminderBanner() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const appInfo = useAppInfo()
  const browserMode = appInfo.data?.runtime === 'browser' && appInfo.data.database.status === 'ok'
  const reminders = useQuery({
    queryKey: reminderKeys.due,
    queryFn: () => api.call('reminders.due', {}),
    enabled: browserMode,
    refetchInterval: REFRESH_MS,
  })
  const dismiss = useMutation({
    mutationFn: (ids: string[]) => api.call('reminders.acknowledge', { ids }),
    onSuccess: (_result, ids) => {
      queryClient.setQueryData<Reminder[]>(reminderKeys.due, (current) =>
        current?.filter((reminder) => !ids.includes(reminder.id)),
      )
    },
  })

  const list = reminders.data ?? []
  if (!browserMode || list.length === 0) return null
  const language = isLanguage(i18n.language) ? i18n.language : 'en'

  return (
    <section className="reminder-banner" aria-labelledby="reminders-title" data-testid="reminders">
      <div className="reminder-banner-head">
        <h2 id="reminders-title">{t('reminders.title')}</h2>
        {list.length > 1 && (
          <Button
            className="button button-small"
            onPress={() => dismiss.mutate(list.map((reminder) => reminder.id))}
            isDisabled={dismiss.isPending}
          >
            {t('reminders.dismissAll')}
          </Button>
        )}
      </div>
      <ul className="reminder-list">
        {list.map((reminder) => {
          const text = reminder.texts[language]
          return (
            <li
              key={reminder.id}
              className={`reminder reminder-${reminder.kind}`}
              data-testid={`reminder-${reminder.id}`}
            >
              <div className="reminder-text">
                <Link to={`/loans/${reminder.loanId}`} className="reminder-title">
                  {text.title}
                </Link>
                <p className="reminder-body">{text.body}</p>
              </div>
              <Button
                className="button button-small"
                aria-label={t('reminders.dismissLabel', { title: text.title })}
                onPress={() => dismiss.mutate([reminder.id])}
                isDisabled={dismiss.isPending}
              >
                {t('reminders.dismiss')}
              </Button>
            </li>
          )
        })}
      </ul>
      {dismiss.isError && <ErrorNotice error={dismiss.error} />}
    </section>
  )
}
