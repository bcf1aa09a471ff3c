/**
 * Reminders on the desktop: at start and every hour, the reminders due (the backend's
 * `reminders.due`) become system notifications, and those shown are acknowledged so that none
 * comes twice. Clicking one brings the window up on the loan. In browser mode the page shows
 * them instead (features/reminders/ReminderBanner.tsx).
 */
import { Notification, type BrowserWindow } from 'electron'
import type { Handlers, Settings } from '@shared/api/contract'
import type { Reminder } from '@shared/api/reminder-schema'
import type { Language } from '@shared/api/settings-schema'
import { dispatch } from '../handlers'
import { APP_ENTRY_URL } from './security'

export const CHECK_EVERY_MS = 60 * 60 * 1000

export interface ReminderDelivery {
  /** The reminders due and not yet delivered. */
  due: () => Promise<readonly Reminder[]>
  /** Shows one; false when it could not be shown (it stays due for the next round). */
  notify: (reminder: Reminder) => boolean
  /** Records the ones shown as delivered. */
  acknowledge: (ids: string[]) => Promise<void>
}

/** One round: each reminder due is shown once, and those shown are acknowledged together. */
export async function deliverReminders(delivery: ReminderDelivery): Promise<string[]> {
  const shown = (await delivery.due())
    .filter((reminder) => delivery.notify(reminder))
    .map((reminder) => reminder.id)
  if (shown.length > 0) await delivery.acknowledge(shown)
  return shown
}

export interface ReminderSchedule {
  /** A round now (or the one already running): the ids shown. */
  check(): Promise<string[]>
  stop(): void
}

/** Rounds now and every `everyMs`, never two at once; a failing round is reported, not thrown. */
export function scheduleReminders(
  delivery: ReminderDelivery,
  {
    everyMs = CHECK_EVERY_MS,
    onError = (error: unknown) => console.error('Reminders could not be delivered', error),
  }: { everyMs?: number; onError?: (error: unknown) => void } = {},
): ReminderSchedule {
  let running: Promise<string[]> | null = null
  const check = () => {
    running ??= deliverReminders(delivery)
      .catch((error: unknown) => {
        onError(error)
        return []
      })
      .finally(() => (running = null))
    return running
  }
  const timer = setInterval(() => void check(), everyMs)
  // The hourly check never keeps the app alive by itself.
  timer.unref?.()
  void check()
  return { check, stop: () => clearInterval(timer) }
}

/** Brings the window up on a loan's page (the renderer routes on the URL's hash). */
export function openLoan(window: BrowserWindow | null, loanId: number): void {
  if (window === null || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
  // A same-document navigation: only the hash changes, the page is not reloaded.
  window.webContents.loadURL(`${APP_ENTRY_URL}#/loans/${loanId}`).catch(() => undefined)
}

/** The stored language, or the system's (any Chinese → zh-CN, else English), as the page does. */
function languageOf(stored: Language | null, systemLocale: string): Language {
  return stored ?? (/^zh\b/i.test(systemLocale) ? 'zh-CN' : 'en')
}

/**
 * System notifications for the reminders of `handlers` (the backend's table, called as the
 * transports call it). In recovery mode `reminders.due` is refused, and nothing is shown.
 */
export function startReminderNotifications(options: {
  handlers: Handlers
  window: () => BrowserWindow | null
  /** The system's locale (app.getLocale), asked only when there is something to show. */
  systemLocale: () => string
  everyMs?: number
}): ReminderSchedule {
  // Referenced until closed or clicked: a notification collected early loses its click handler.
  const showing = new Set<Notification>()
  let language: Language = 'en'
  return scheduleReminders(
    {
      due: async () => {
        const envelope = await dispatch(options.handlers, 'reminders.due', {})
        const reminders = envelope.ok ? (envelope.value as Reminder[]) : []
        if (reminders.length === 0) return []
        const settings = await dispatch(options.handlers, 'settings.get', {})
        const stored = settings.ok ? (settings.value as Settings).language : null
        language = languageOf(stored, options.systemLocale())
        return reminders
      },
      notify: (reminder) => {
        if (!Notification.isSupported()) return false
        const { title, body } = reminder.texts[language]
        const notification = new Notification({ title, body })
        showing.add(notification)
        notification.on('click', () => {
          showing.delete(notification)
          openLoan(options.window(), reminder.loanId)
        })
        notification.on('close', () => showing.delete(notification))
        notification.show()
        return true
      },
      acknowledge: async (ids) => {
        const envelope = await dispatch(options.handlers, 'reminders.acknowledge', { ids })
        if (!envelope.ok) throw new Error(envelope.error.message)
      },
    },
    options.everyMs === undefined ? {} : { everyMs: options.everyMs },
  )
}
