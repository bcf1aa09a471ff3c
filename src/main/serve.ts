/**
 * Browser mode: the same backend and handler table as the desktop app, under plain Node, served
 * to a browser over loopback HTTP. `npm run serve -- [--port P] [--data-dir D] [--open]`.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startBackend } from './backend'
import { builtPaths, defaultUserDataDir } from './paths'
import { startHttpServer } from './transports/http'

const USAGE = 'Usage: npm run serve -- [--port <0-65535>] [--data-dir <folder>] [--open]'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return void console.log(USAGE)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535. ${USAGE}`)
  }
  const dataDir = resolve(values['data-dir'] ?? defaultUserDataDir())

  const backend = await startBackend({ dataDir, runtime: 'browser' })
  const server = await startHttpServer({
    handlers: backend.handlers,
    rendererDir: builtPaths(__dirname).renderer,
    port,
  })
  // Ready to stop cleanly (closing the database) before anyone is told the address.
  const stop = async (): Promise<void> => {
    await server.close()
    await backend.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  console.log(`RepayPath is running in browser mode at ${server.url}`)
  console.log(`Data folder: ${dataDir}`)
  if (backend.problem !== null) {
    console.log(`${backend.problem.message} Open the address above to restore a backup.`)
  }
  if (values.open) openInBrowser(server.url)
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]]
  spawn(command, args, { stdio: 'ignore', detached: true })
    .on('error', () => console.log('Could not open a browser: open the address above yourself.'))
    .unref()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
