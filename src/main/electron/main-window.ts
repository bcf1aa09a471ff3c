import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL, WEB_PREFERENCES } from './security'

export function createMainWindow(options: {
  preloadPath: string
  iconPath: string
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'RepayPath 还款路径',
    icon: options.iconPath,
    webPreferences: { ...WEB_PREFERENCES, preload: options.preloadPath },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_ENTRY_URL)
  return window
}
