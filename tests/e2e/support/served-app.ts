/**
 * Browser mode served for tests and benchmarks, and Debian's Chromium to look at it. Free of
 * Vitest, so that the benchmarks can use it too.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = join(__dirname, '../../..')

/** Debian's Chromium (apt-get install chromium); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`)
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

export interface ServedApp {
  /** The URL browser mode printed, token included. */
  url: string
  origin: string
  dataDir: string
  stop(): Promise<void>
}

/**
 * Runs browser mode exactly as `npm run serve -- --port 0 --data-dir D` does after its build
 * (npm test builds first), and waits for the URL it prints.
 */
export async function serveApp(dataDir: string): Promise<ServedApp> {
  const entry = join(ROOT, 'out/main/serve.js')
  if (!existsSync(entry)) throw new Error('out/main/serve.js is missing: run `npm run build` first')
  const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
    setTimeout(() => reject(new Error(`serve printed no URL:\n${output}`)), 20_000)
  })
  return { url, origin: new URL(url).origin, dataDir, stop: () => stopProcess(child) }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Calls the served app's API as the page does, with its token; throws on an error envelope. */
export async function callApi(app: ServedApp, method: string, input: unknown): Promise<unknown> {
  const token = new URL(app.url).searchParams.get('token')
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error))
  return envelope.value
}

/** How far the page scrolls sideways (0 when everything fits the window's width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}
