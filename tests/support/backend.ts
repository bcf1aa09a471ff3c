import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startBackend, type Backend } from '../../src/main/backend'
import { startHttpServer, type RunningHttpServer } from '../../src/main/transports/http'

/** A real backend on a real SQLite file in `dataDir`, closed after the current test. */
export function useBackend(): (dataDir: string) => Promise<Backend> {
  const open: Backend[] = []
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close()
  })
  return async (dataDir) => {
    const backend = await startBackend({ dataDir, runtime: 'browser' })
    open.push(backend)
    return backend
  }
}

/** The HTTP transport over a backend, with a tiny renderer folder of its own. */
export function useHttpServer(): (backend: Backend, dir: string) => Promise<RunningHttpServer> {
  const running: RunningHttpServer[] = []
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close()
  })
  return async (backend, dir) => {
    const rendererDir = join(dir, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>RepayPath test</title>')
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder')
    const server = await startHttpServer({ handlers: backend.handlers, rendererDir })
    running.push(server)
    return server
  }
}
