import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL, WEB_PREFERENCES } from './security'
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type WindowState } from './window-state'

export function createMainWindow(options: {
  preloadPath: string
  iconPath: string
  /** Where it opens (see window-state.ts); the default size, centered, without one. */
  state?: WindowState
}): BrowserWindow {
  const state = options.state
  const window = new BrowserWindow({
    ...(state === undefined
      ? DEFAULT_WINDOW_SIZE
      : { x: state.x, y: state.y, width: state.width, height: state.height }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'RepayPath 还款路径',
    icon: options.iconPath,
    webPreferences: { ...WEB_PREFERENCES, preload: options.preloadPath },
  })
  window.once('ready-to-show', () => {
    if (state?.maximized === true) window.maximize()
    window.show()
  })
  void window.loadURL(APP_ENTRY_URL)
  return window
}
