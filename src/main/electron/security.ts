import type { Session, WebContents, WebPreferences } from 'electron'

/**
 * The Electron security checklist (electronjs.org/docs/latest/tutorial/security), as data and
 * small functions that `tests/main/electron-security.test.ts` checks one by one. `index.ts`
 * and `window.ts` only wire these in.
 */

/** The renderer is served from this privileged custom scheme (checklist 18: not `file://`). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'repaypath'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
  allowServiceWorkers: false,
} as const

/** Checklist 2, 3, 4, 6, 8, 9, 10, 11: every renderer runs isolated, sandboxed, Node-free. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences

/** Checklist 13: only our own origin may be shown in a window. */
export function isTrustedUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/** Checklist 17: an IPC call is served only when it comes from our own top-level page. */
export function isTrustedSender(event: {
  senderFrame: { url: string; parent: unknown } | null
}): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url)
}

/** Checklist 5: the app needs no camera, notifications-by-page, geolocation…: deny them all. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Checklist 11–14: no navigation away from the app, no new windows, no `<webview>`.
 * Applied to every web contents the app ever creates (`web-contents-created`).
 */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
