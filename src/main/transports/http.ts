import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '@shared/api/contract'
import { ApiError, type Envelope, type ErrorCode } from '@shared/api/errors'
import { dispatch } from '../handlers'
import { RENDERER_RESPONSE_HEADERS, resolveRendererFile } from '../renderer-files'

/**
 * Browser mode's transport: the handler table over HTTP on the loopback interface only.
 * Three locks keep other software and web pages out:
 *  - it binds 127.0.0.1, never another interface;
 *  - every API call carries a random per-run token (401 without it);
 *  - the Host and Origin headers must name this server (403 otherwise), which defeats DNS
 *    rebinding and cross-site requests from pages the user happens to have open.
 */

export const LOOPBACK_HOST = '127.0.0.1'
export const API_PREFIX = '/api/'
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface HttpServerOptions {
  handlers: Handlers
  rendererDir: string
  /** 0 (the default) picks a free port. */
  port?: number
  token?: string
}

export interface RunningHttpServer {
  /** The address to open: the app, with the token the page hands to its API calls. */
  url: string
  origin: string
  /** The address the server is bound to: always the loopback address. */
  host: string
  port: number
  token: string
  close(): Promise<void>
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  let allowedHosts: ReadonlySet<string> = new Set()

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('HTTP request failed', error)
      if (!response.headersSent) sendEnvelope(response, failure('internal', 'Request failed'))
      else response.destroy()
    })
  })

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedRequest(request, allowedHosts)) {
      return sendEnvelope(response, failure('forbidden', 'Host or Origin is not this server'))
    }
    const path = new URL(request.url ?? '/', 'http://placeholder').pathname
    if (path.startsWith(API_PREFIX)) return handleApiCall(request, response, path)
    return sendRendererFile(request, response, options.rendererDir, path)
  }

  async function handleApiCall(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    if (!hasToken(request, token)) {
      return sendEnvelope(response, failure('unauthorized', 'Missing or wrong API token'))
    }
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST')
      return sendEnvelope(response, failure('invalid_input', 'API calls use POST'), 405)
    }
    const body = await readJsonBody(request)
    if (!body.ok) return sendEnvelope(response, body)
    const method = decodeURIComponent(path.slice(API_PREFIX.length))
    sendEnvelope(response, await dispatch(options.handlers, method, body.value))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: LOOPBACK_HOST, port: options.port ?? 0 }, () => resolve())
  })
  const { port, address } = server.address() as AddressInfo
  allowedHosts = new Set([`${LOOPBACK_HOST}:${port}`, `localhost:${port}`])
  const origin = `http://${LOOPBACK_HOST}:${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    host: address,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

export function isAllowedRequest(
  request: IncomingMessage,
  allowedHosts: ReadonlySet<string>,
): boolean {
  const host = request.headers.host
  if (host === undefined || !allowedHosts.has(host.toLowerCase())) return false
  const origin = request.headers.origin
  if (origin === undefined) return true
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && allowedHosts.has(url.host)
  } catch {
    return false
  }
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? ''
  const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return presented.length === expected.length && timingSafeEqual(presented, expected)
}

async function readJsonBody(request: IncomingMessage): Promise<Envelope<unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return failure('invalid_input', 'Request body is too large')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return failure('invalid_input', 'Request body is not valid JSON')
  }
}

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  database_too_new: 500,
  database_unusable: 500,
  database_busy: 503,
  storage_full: 507,
  unsupported: 501,
  internal: 500,
}

function sendEnvelope(
  response: ServerResponse,
  envelope: Envelope<unknown>,
  status?: number,
): void {
  const body = JSON.stringify(envelope)
  response.writeHead(status ?? (envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code]), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(body)
}

function sendRendererFile(
  request: IncomingMessage,
  response: ServerResponse,
  rendererDir: string,
  path: string,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const file = resolveRendererFile(rendererDir, path)
  if (file === null) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, {
    ...RENDERER_RESPONSE_HEADERS,
    'Content-Type': file.contentType,
    'Cache-Control': 'no-cache',
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(file.path)
    .on('error', () => response.destroy())
    .pipe(response)
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: new ApiError(code, message).toData() }
}
