import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { RENDERER_RESPONSE_HEADERS, resolveRendererFile } from '../renderer-files'
import { APP_HOST, APP_SCHEME } from './security'

/** Serves `out/renderer` as `app://repaypath/…`, with the same headers as browser mode. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null
    if (file === null) return new Response(null, { status: 404 })
    return new Response(await readFile(file.path), {
      headers: { ...RENDERER_RESPONSE_HEADERS, 'Content-Type': file.contentType },
    })
  })
}
