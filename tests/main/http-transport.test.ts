import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REMINDERS } from '@shared/api/contract'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { CONTENT_SECURITY_POLICY } from '../../src/main/renderer-files'
import { useBackend, useHttpServer } from '../support/backend'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir()
const backendIn = useBackend()
const serverFor = useHttpServer()

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so that Host and Origin can be set to anything (fetch forbids that). */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

async function setUp() {
  const dir = tempDir()
  const backend = await backendIn(dir)
  const server = await serverFor(backend, dir)
  const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }
  return { dir, server, auth }
}

describe('HTTP transport (browser mode)', () => {
  it('round-trips app.info with the token', async () => {
    const { dir, server, auth } = await setUp()
    const reply = await send(server.port, '/api/app.info', {
      method: 'POST',
      headers: auth,
      body: '{}',
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: expect.objectContaining({
        runtime: 'browser',
        dataDir: dir,
        schemaVersion: LATEST_SCHEMA_VERSION,
      }),
    })
  })

  it('answers 401 without the token or with a wrong one, and runs nothing', async () => {
    const { server } = await setUp()
    const patch = JSON.stringify({ language: 'en' })
    const none = await send(server.port, '/api/settings.update', { method: 'POST', body: patch })
    const wrong = await send(server.port, '/api/settings.update', {
      method: 'POST',
      headers: { Authorization: 'Bearer nope' },
      body: patch,
    })
    expect([none.status, wrong.status]).toEqual([401, 401])
    expect(JSON.parse(none.body).error.code).toBe('unauthorized')
    const auth = { Authorization: `Bearer ${server.token}` }
    const settings = await send(server.port, '/api/settings.get', { method: 'POST', headers: auth })
    expect(JSON.parse(settings.body).value).toEqual({
      language: null,
      lprTable: null,
      reminders: DEFAULT_REMINDERS,
    })
  })

  it('answers 403 to a foreign Host or Origin, even with the token', async () => {
    const { server, auth } = await setUp()
    const evilHost = await send(server.port, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, Host: 'evil.example' },
    })
    const rebound = await send(server.port, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, Host: `evil.example:${server.port}` },
    })
    const evilOrigin = await send(server.port, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, Origin: 'https://evil.example' },
    })
    const page = await send(server.port, '/', { headers: { Host: 'evil.example' } })
    expect([evilHost.status, rebound.status, evilOrigin.status, page.status]).toEqual([
      403, 403, 403, 403,
    ])
    const sameOrigin = await send(server.port, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, Origin: server.origin },
    })
    expect(sameOrigin.status).toBe(200)
  })

  it('returns typed errors naming the field for bad input', async () => {
    const { server, auth } = await setUp()
    const bad = await send(server.port, '/api/settings.update', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ language: 'fr' }),
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid_input', field: 'language' })

    const notJson = await send(server.port, '/api/app.info', {
      method: 'POST',
      headers: auth,
      body: '{',
    })
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input')

    const unknown = await send(server.port, '/api/loans.drop', { method: 'POST', headers: auth })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method')
  })

  it('serves the renderer with the CSP, falls back to index.html, and never leaves its folder', async () => {
    const { server } = await setUp()
    const index = await send(server.port, '/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('RepayPath test')
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    const script = await send(server.port, '/assets/app.js')
    expect(script.headers['content-type']).toMatch(/text\/javascript/)
    const fallback = await send(server.port, '/loans/12')
    expect(fallback.body).toContain('RepayPath test')
    const escape = await send(server.port, '/%2e%2e/secret.txt')
    expect(escape.body).not.toContain('outside the renderer folder')
  })

  it('listens on 127.0.0.1 only: other addresses of this machine refuse the connection', async () => {
    const { server } = await setUp()
    expect(server.host).toBe('127.0.0.1')
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`))
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4')
      .map((entry) => entry!.address)
    // On Linux all of 127/8 reaches the loopback device: a server bound to 0.0.0.0 would answer
    // on 127.0.0.2, one bound to 127.0.0.1 does not.
    if (process.platform === 'linux') otherAddresses.push('127.0.0.2')
    for (const address of otherAddresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: server.port })
        socket.once('connect', () => (socket.destroy(), resolve('connected')))
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      })
      expect(outcome, address).toBe('ECONNREFUSED')
    }
  })
})
