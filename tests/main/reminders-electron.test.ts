import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { Reminder } from '@shared/api/reminder-schema'
import { fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { startBackend, type Backend } from '../../src/main/backend'
import {
  deliverReminders,
  openLoan,
  scheduleReminders,
  startReminderNotifications,
  type ReminderSchedule,
} from '../../src/main/electron/reminders'
import { APP_ENTRY_URL } from '../../src/main/electron/security'
import { dispatch } from '../../src/main/handlers'
import { useTempDir } from '../support/temp-dir'

/**
 * The desktop's reminders with the `electron` module replaced by a recorder: each reminder due
 * becomes one system notification, once; those shown are acknowledged; a click brings the
 * window up on the loan. No Electron binary needed.
 */
const fake = vi.hoisted(() => ({
  supported: true,
  notifications: [] as {
    options: { title: string; body: string }
    shown: number
    emit(event: string): void
  }[],
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class Notification extends EventEmitter {
    static isSupported = () => fake.supported
    record: (typeof fake.notifications)[number]
    constructor(options: { title: string; body: string }) {
      super()
      this.record = { options, shown: 0, emit: (event) => void this.emit(event) }
      fake.notifications.push(this.record)
    }
    show() {
      this.record.shown++
    }
  }
  return { Notification }
})

const tempDir = useTempDir()
const running: { backend?: Backend; schedule?: ReminderSchedule }[] = []
afterEach(async () => {
  for (const { backend, schedule } of running.splice(0)) {
    schedule?.stop()
    await backend?.close()
  }
  fake.notifications = []
  fake.supported = true
})

const TODAY = '2026-02-13'
/** 微粒贷 with its first installment due on 2026-02-15: two days ahead. */
const terms = presetTerms('webank', { principalFen: 1_200_000, disbursedOn: '2026-01-15' })

async function call<T>(handlers: Handlers, method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value as T
}

async function backendWithLoan(): Promise<{ backend: Backend; loanId: number }> {
  const backend = await startBackend({
    dataDir: tempDir(),
    runtime: 'electron',
    clock: fixedClock(TODAY),
  })
  running.push({ backend })
  const { id } = await call<{ id: number }>(backend.handlers, 'loans.create', {
    name: '微粒贷',
    lenderKind: 'webank',
    presetId: 'webank',
    terms,
  })
  return { backend, loanId: id }
}

function fakeWindow() {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    webContents: { loadURL: vi.fn(async () => undefined) },
  }
}

function start(backend: Backend, window = fakeWindow(), systemLocale = 'zh-CN') {
  const schedule = startReminderNotifications({
    handlers: backend.handlers,
    window: () => window as never,
    systemLocale: () => systemLocale,
  })
  running.push({ schedule })
  return { schedule, window }
}

describe('system notifications for reminders', () => {
  it('shows each reminder once, acknowledges it, and a click opens its loan', async () => {
    const { backend, loanId } = await backendWithLoan()
    const { schedule, window } = start(backend)
    // The first round runs at start.
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1))
    await schedule.check()
    const [shown] = fake.notifications
    expect(shown!.options.title).toBe('“微粒贷”2天后到期')
    expect(shown!.options.body).toContain('2026年2月15日')
    expect(shown!.shown).toBe(1)
    // Acknowledged: the backend no longer has it, and later rounds show nothing more.
    expect(await call<Reminder[]>(backend.handlers, 'reminders.due', {})).toEqual([])
    expect(await schedule.check()).toEqual([])
    expect(await schedule.check()).toEqual([])
    expect(fake.notifications).toHaveLength(1)

    shown!.emit('click')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(window.webContents.loadURL).toHaveBeenCalledWith(`${APP_ENTRY_URL}#/loans/${loanId}`)
  })

  it('writes in the stored language, else the system’s', async () => {
    const { backend } = await backendWithLoan()
    await call(backend.handlers, 'settings.update', { language: 'en' })
    start(backend, fakeWindow(), 'zh-CN')
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1))
    expect(fake.notifications[0]!.options.title).toBe('微粒贷: due in 2 days')

    const other = await backendWithLoan()
    start(other.backend, fakeWindow(), 'en-US')
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(2))
    expect(fake.notifications[1]!.options.title).toBe('微粒贷: due in 2 days')
  })

  it('where notifications are not supported, shows nothing and leaves them due', async () => {
    fake.supported = false
    const { backend } = await backendWithLoan()
    const { schedule } = start(backend)
    expect(await schedule.check()).toEqual([])
    expect(fake.notifications).toEqual([])
    expect(await call<Reminder[]>(backend.handlers, 'reminders.due', {})).toHaveLength(1)
  })

  it('in recovery mode (reminders refused) shows nothing and does not throw', async () => {
    const refusing = {
      'reminders.due': () => {
        throw new ApiError('database_unusable', 'The database cannot be opened')
      },
    } as unknown as Handlers
    const schedule = startReminderNotifications({
      handlers: refusing,
      window: () => null,
      systemLocale: () => 'en',
    })
    running.push({ schedule })
    expect(await schedule.check()).toEqual([])
    expect(fake.notifications).toEqual([])
  })

  it('a click after the window is gone does nothing', () => {
    const window = fakeWindow()
    window.isDestroyed.mockReturnValue(true)
    openLoan(window as never, 3)
    expect(window.webContents.loadURL).not.toHaveBeenCalled()
    expect(() => openLoan(null, 3)).not.toThrow()
  })
})

describe('deliverReminders and its schedule', () => {
  const reminder = (id: string) => ({ id }) as Reminder

  it('acknowledges the ones shown, not the ones that could not be', async () => {
    const acknowledge = vi.fn(async () => undefined)
    const shown = await deliverReminders({
      due: async () => [reminder('followup:1:2026-02-13'), reminder('followup:2:2026-02-13')],
      notify: (r) => r.id.startsWith('followup:1:'),
      acknowledge,
    })
    expect(shown).toEqual(['followup:1:2026-02-13'])
    expect(acknowledge).toHaveBeenCalledExactlyOnceWith(['followup:1:2026-02-13'])
  })

  it('acknowledges nothing when nothing was shown', async () => {
    const acknowledge = vi.fn(async () => undefined)
    await deliverReminders({ due: async () => [], notify: () => true, acknowledge })
    expect(acknowledge).not.toHaveBeenCalled()
  })

  it('checks at start and every interval, never two rounds at once', async () => {
    vi.useFakeTimers()
    try {
      let release: () => void = () => undefined
      const due = vi.fn(
        () =>
          new Promise<Reminder[]>(
            (resolve) => (release = () => resolve([reminder('followup:1:2026-02-13')])),
          ),
      )
      const notify = vi.fn(() => true)
      const schedule = scheduleReminders(
        { due, notify, acknowledge: async () => undefined },
        { everyMs: 1_000 },
      )
      running.push({ schedule })
      expect(due).toHaveBeenCalledTimes(1)
      // A round still running when the next is due: no second one.
      await vi.advanceTimersByTimeAsync(2_500)
      expect(due).toHaveBeenCalledTimes(1)
      release()
      await vi.advanceTimersByTimeAsync(0)
      expect(notify).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(1_000)
      expect(due).toHaveBeenCalledTimes(2)
      schedule.stop()
      await vi.advanceTimersByTimeAsync(5_000)
      expect(due).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('reports a failing round and goes on', async () => {
    const onError = vi.fn()
    const schedule = scheduleReminders(
      {
        due: async () => [reminder('followup:1:2026-02-13')],
        notify: () => true,
        acknowledge: () => Promise.reject(new Error('database busy')),
      },
      { everyMs: 60_000, onError },
    )
    running.push({ schedule })
    expect(await schedule.check()).toEqual([])
    expect(onError).toHaveBeenCalled()
  })
})
