import { createApiClient, type ApiClient, type Transport } from '@shared/api/client'
import type { MethodName } from '@shared/api/methods'

const TOKEN_KEY = 'repaypath.apiToken'

/** In Electron: the preload's IPC bridge. */
function ipcTransport(bridge: NonNullable<Window['repaypath']>): Transport {
  return (method: MethodName, input: unknown) => bridge.invoke(method, input)
}

/**
 * In browser mode: POST /api/<method> with the token `npm run serve` printed in its URL. The
 * token moves from the address bar into this tab's session storage, so it does not linger in
 * the visible URL (or in a screenshot of it) but survives reloads.
 */
function httpTransport(): Transport {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  return async (method: MethodName, input: unknown) => {
    const response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    })
    return response.json()
  }
}

export const api: ApiClient = createApiClient(
  window.repaypath === undefined ? httpTransport() : ipcTransport(window.repaypath),
)
