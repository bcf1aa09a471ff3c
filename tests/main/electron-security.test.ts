import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  WEB_PREFERENCES,
  denyAllPermissions,
  guardWebContents,
  isTrustedSender,
  isTrustedUrl,
} from '../../src/main/electron/security'
import { CONTENT_SECURITY_POLICY, RENDERER_RESPONSE_HEADERS } from '../../src/main/renderer-files'

// One assertion per item of the Electron security checklist we rely on: removing any setting
// fails exactly one named test.
describe('web preferences (checklist 2–4, 6, 8–11)', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['enableBlinkFeatures', ''],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (key, value) => {
    expect(WEB_PREFERENCES[key]).toBe(value)
  })
})

describe('content security policy (checklist 7)', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values.join(' ')] as const
    }),
  )

  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(directives.get(name)).toBe(value)
  })

  it('allows no inline script, eval or remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })

  it('is sent with every renderer response, with nosniff', () => {
    expect(RENDERER_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(RENDERER_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })
})

describe('custom protocol instead of file:// (checklist 18)', () => {
  it('is a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true)
    expect(APP_SCHEME_PRIVILEGES.standard).toBe(true)
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false)
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBe(false)
    expect(APP_ENTRY_URL).toBe('app://repaypath/index.html')
  })
})

describe('trusted URLs and senders (checklist 13, 17)', () => {
  it.each([
    ['app://repaypath/index.html', true],
    ['app://repaypath/#/loans', true],
    ['app://evil/index.html', false],
    ['file:///etc/passwd', false],
    ['https://repaypath/', false],
    ['http://127.0.0.1:3000/', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedUrl(url)).toBe(trusted)
  })

  it('serves IPC only to our own top-level frame', () => {
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY_URL, parent: null } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY_URL, parent: {} } })).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } })).toBe(
      false,
    )
    expect(isTrustedSender({ senderFrame: null })).toBe(false)
  })
})

describe('permission requests (checklist 5)', () => {
  it('denies every request and every check', () => {
    let requestHandler:
      ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
    let checkHandler: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (handler) =>
        void (requestHandler = handler as typeof requestHandler),
      setPermissionCheckHandler: (handler) => void (checkHandler = handler as typeof checkHandler),
    })
    const callback = vi.fn()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      requestHandler?.({}, permission, callback)
    }
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]])
    expect(checkHandler?.()).toBe(false)
  })
})

describe('navigation, redirects, new windows and webviews (checklist 11–14)', () => {
  function guarded() {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    guardWebContents(contents as never)
    return contents
  }

  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented', (eventName) => {
    const contents = guarded()
    const away = { preventDefault: vi.fn() }
    const home = { preventDefault: vi.fn() }
    contents.emit(eventName, away, 'https://evil.example/')
    contents.emit(eventName, home, 'app://repaypath/index.html')
    expect(away.preventDefault).toHaveBeenCalled()
    expect(home.preventDefault).not.toHaveBeenCalled()
  })

  it('denies every new window', () => {
    const contents = guarded()
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown
    expect(handler()).toEqual({ action: 'deny' })
  })

  it('prevents attaching a webview', () => {
    const contents = guarded()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })
})
