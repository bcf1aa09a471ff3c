/**
 * The Electron entry: wires the hardened window, the app:// protocol, the database and the IPC
 * transport together. Everything it uses is testable without Electron; this file only connects.
 */
import { join } from 'node:path'
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron'
import { startBackend, type Backend } from './backend'
import { registerAppProtocol } from './electron/app-protocol'
import { saveLetterPdf } from './electron/letter-pdf'
import { createMainWindow } from './electron/main-window'
import { electronNativeBindingPath } from './electron/native-binding'
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  denyAllPermissions,
  guardWebContents,
  isTrustedSender,
} from './electron/security'
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
  registerIpcHandlers(ipcMain, backend.handlers, isTrustedSender)
  mainWindow = createMainWindow({
    preloadPath: paths.preload,
    iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
  })
  mainWindow.on('closed', () => (mainWindow = null))
}

function fail(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error))
  app.quit()
}
