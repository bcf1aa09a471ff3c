/**
 * The Electron entry: wires the hardened window, the app:// protocol, the database and the IPC
 * transport together. Everything it uses is testable without Electron; this file only connects.
 */
import { join } from 'node:path'
import { app, dialog, ipcMain, protocol, screen, session, type BrowserWindow } from 'electron'
import { startBackend, type Backend } from './backend'
import { registerAppProtocol } from './electron/app-protocol'
import { saveLetterPdf } from './electron/letter-pdf'
import { createMainWindow } from './electron/main-window'
import { afterLanguageWrites, installAppMenu } from './electron/menu'
import { electronNativeBindingPath } from './electron/native-binding'
import { startReminderNotifications } from './electron/reminders'
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  denyAllPermissions,
  guardWebContents,
  isTrustedSender,
} from './electron/security'
import { loadWindowState, trackWindowState } from './electron/window-state'
import { builtPaths } from './paths'
import { registerIpcHandlers } from './transports/ipc'

app.enableSandbox()
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void backend?.close())
  app.whenReady().then(start, (error: unknown) => fail('RepayPath could not start', error))
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession)
  const paths = builtPaths(__dirname)
  registerAppProtocol(protocol, paths.renderer)
  try {
    backend = await startBackend({
      dataDir: app.getPath('userData'),
      runtime: 'electron',
      nativeBinding: electronNativeBindingPath({
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        electronVersion: process.versions.electron,
        platform: process.platform,
        arch: process.arch,
      }),
      platform: {
        savePdf: (letter) =>
          saveLetterPdf(letter, { parent: mainWindow, directory: app.getPath('documents') }),
      },
    })
  } catch (error) {
    fail('RepayPath cannot open its database', error)
    return
  }
  const dataDir = app.getPath('userData')
  // The menu follows the stored language: it is read again after each call that can change it.
  const menu = await installAppMenu({
    settings: backend.handlers,
    window: () => mainWindow,
    dataDir,
  })
  registerIpcHandlers(ipcMain, afterLanguageWrites(backend.handlers, menu.refresh), isTrustedSender)
  mainWindow = createMainWindow({
    preloadPath: paths.preload,
    iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
    state: loadWindowState(dataDir, screen),
  })
  trackWindowState(mainWindow, dataDir)
  mainWindow.on('closed', () => (mainWindow = null))
  // Reminders as system notifications: now and every hour (a click opens the loan).
  startReminderNotifications({
    handlers: backend.handlers,
    window: () => mainWindow,
    systemLocale: () => app.getLocale(),
  })
}

function fail(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error))
  app.quit()
}
