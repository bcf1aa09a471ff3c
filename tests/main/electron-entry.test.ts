import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES, ipcChannel } from '@shared/api/methods'
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  WEB_PREFERENCES,
} from '../../src/main/electron/security'
import { CONTENT_SECURITY_POLICY } from '../../src/main/renderer-files'
import { useTempDir } from '../support/temp-dir'

/**
 * The Electron entry (src/main/index.ts) with the `electron` module replaced by a recorder:
 * checks that the hardening is actually wired in, not just defined. No Electron binary needed.
 */
const fake = vi.hoisted(() => ({
  singleInstance: true,
  dataDir: '',
  resolveReady: (): void => undefined,
  windows: [] as {
    options: Record<string, unknown>
    loadURL: ReturnType<typeof vi.fn>
    window: EventEmitter &
      Record<'restore' | 'focus', ReturnType<typeof vi.fn>> & {
        webContents: { send: ReturnType<typeof vi.fn> }
      }
  }[],
  minimized: false,
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
}))

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const ready = new Promise<void>((resolve) => (fake.resolveReady = resolve))
  const app = Object.assign(new Emitter(), {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => fake.singleInstance),
    whenReady: () => ready,
    getPath: vi.fn(() => fake.dataDir),
    getAppPath: () => process.cwd(),
    isPackaged: true,
    quit: vi.fn(),
    getVersion: () => '0.1.0',
    getLocale: () => 'zh-CN',
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  })
  class BrowserWindow extends Emitter {
    loadURL = vi.fn(async () => undefined)
    isMinimized = vi.fn(() => fake.minimized)
    restore = vi.fn()
    focus = vi.fn()
    show = vi.fn()
    maximize = vi.fn()
    isMaximized = vi.fn(() => false)
    isDestroyed = vi.fn(() => false)
    getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1200, height: 800 }))
    webContents = { send: vi.fn() }
    constructor(options: Record<string, unknown>) {
      super()
      fake.windows.push({ options, loadURL: this.loadURL, window: this as never })
    }
  }
  return {
    app,
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    ipcMain: { handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    screen: {
      getAllDisplays: () => [{ workArea: fake.workArea }],
      getPrimaryDisplay: () => ({ workArea: fake.workArea }),
    },
  }
})

const tempDir = useTempDir()

/** A packaged app's resources folder, holding (for this test) the Node build of the addon. */
function fakeResourcesPath(): string {
  const resources = tempDir()
  const require = createRequire(import.meta.url)
  const addon = join(
    dirname(require.resolve('better-sqlite3/package.json')),
    'build/Release/better_sqlite3.node',
  )
  mkdirSync(join(resources, 'native'))
  copyFileSync(addon, join(resources, 'native', 'better_sqlite3.node'))
  return resources
}

afterEach(() => {
  vi.resetModules()
  fake.windows = []
})

describe('the Electron entry', () => {
  it('wires every hardening setting and serves the API over IPC', async () => {
    fake.singleInstance = true
    fake.dataDir = tempDir()
    ;(process as { resourcesPath?: string }).resourcesPath = fakeResourcesPath()
    const electron = await import('electron')
    await import('../../src/main/index')

    expect(electron.app.enableSandbox).toHaveBeenCalled()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES },
    ])
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect((electron.app as unknown as EventEmitter).listenerCount('second-instance')).toBe(1)

    fake.resolveReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))

    const session = electron.session.defaultSession
    expect(session.setPermissionRequestHandler).toHaveBeenCalled()
    expect(session.setPermissionCheckHandler).toHaveBeenCalled()

    const [window] = fake.windows
    expect(window?.options.webPreferences).toMatchObject(WEB_PREFERENCES)
    expect(window?.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL)

    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    ;(electron.app as unknown as EventEmitter).emit('web-contents-created', {}, contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalled()
    expect(contents.listenerCount('will-navigate')).toBe(1)

    const protocolHandle = vi.mocked(electron.protocol.handle)
    expect(protocolHandle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function))
    const serve = protocolHandle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>
    const page = await serve(new Request('app://repaypath/index.html'))
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404)

    const ipcHandle = vi.mocked(electron.ipcMain.handle)
    expect(ipcHandle.mock.calls.map(([channel]) => channel)).toEqual(METHOD_NAMES.map(ipcChannel))
    const appInfo = ipcHandle.mock.calls[0]?.[1] as (
      event: unknown,
      input: unknown,
    ) => Promise<unknown>
    const trusted = { senderFrame: { url: APP_ENTRY_URL, parent: null } }
    const untrusted = { senderFrame: { url: 'https://evil.example/', parent: null } }
    expect(await appInfo(trusted, {})).toMatchObject({
      ok: true,
      value: { runtime: 'electron', dataDir: fake.dataDir },
    })
    expect(await appInfo(untrusted, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    ;(electron.app as unknown as EventEmitter).emit('will-quit')
  })

  it('quits at once when another instance holds the lock', async () => {
    fake.singleInstance = false
    const electron = await import('electron')
    // The mocked module outlives resetModules: start from a clean recorder.
    ;(electron.app as unknown as EventEmitter).removeAllListeners()
    vi.clearAllMocks()
    await import('../../src/main/index')
    fake.resolveReady()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(electron.app.quit).toHaveBeenCalled()
    expect((electron.app as unknown as EventEmitter).listenerCount('web-contents-created')).toBe(0)
    expect(fake.windows).toHaveLength(0)
  })

  it('sets the menu, reopens the window where it was and focuses it for a second instance', async () => {
    fake.singleInstance = true
    fake.dataDir = tempDir()
    ;(process as { resourcesPath?: string }).resourcesPath = fakeResourcesPath()
    writeFileSync(
      join(fake.dataDir, 'window-state.json'),
      JSON.stringify({ x: 100, y: 50, width: 1100, height: 750, maximized: false }),
    )
    const electron = await import('electron')
    const app = electron.app as unknown as EventEmitter
    app.removeAllListeners()
    vi.clearAllMocks()
    await import('../../src/main/index')
    fake.resolveReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    const { options, window } = fake.windows[0]!
    expect(options).toMatchObject({ x: 100, y: 50, width: 1100, height: 750 })
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({
        applicationName: 'RepayPath 还款路径',
        applicationVersion: '0.1.0',
      }),
    )

    // The menu is in the system's language until one is stored; its commands reach the page.
    const templates = () =>
      vi
        .mocked(electron.Menu.buildFromTemplate)
        .mock.calls.map(
          ([template]) =>
            template as { label?: string; submenu?: { id?: string; click?: () => void }[] }[],
        )
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    const zh = templates()[0]!
    const file = zh.find((menu) => menu.label === '文件')
    file?.submenu?.find((item) => item.id === 'log-payment')?.click?.()
    expect(window.webContents.send).toHaveBeenCalledWith('repaypath:command', 'log-payment')

    // Changing the language through the API rebuilds the menu in that language.
    const handle = vi.mocked(electron.ipcMain.handle).mock.calls
    const update = handle.find(([channel]) => channel === 'repaypath:settings.update')?.[1] as (
      event: unknown,
      input: unknown,
    ) => Promise<unknown>
    const trusted = { senderFrame: { url: APP_ENTRY_URL, parent: null } }
    expect(await update(trusted, { language: 'en' })).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(templates().at(-1)?.[0]?.label).toBe('File'))
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2)

    // A second start restores the minimized window and focuses it.
    fake.minimized = true
    app.emit('second-instance', {}, [], process.cwd())
    expect(window.restore).toHaveBeenCalledTimes(1)
    expect(window.focus).toHaveBeenCalledTimes(1)
    fake.minimized = false

    // Closing saves where the window was.
    window.emit('close', {})
    expect(JSON.parse(readFileSync(join(fake.dataDir, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: false,
    })
    app.emit('will-quit')
  })
})
