// Shared by `npm start`, `npm run serve` and `npm run native:electron`: plain Node, no build step.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

/** `electron-vite build`, quiet unless it fails. */
export function build() {
  console.log('Building RepayPath…')
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '')
    process.stderr.write(result.stderr ?? '')
    process.exit(result.status ?? 1)
  }
}

/** Runs browser mode (out/main/serve.js) in this terminal until it stops. */
export function serveBrowserMode(args) {
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  forwardSignals(child)
  child.on('exit', (code, signal) => process.exit(signal === null ? (code ?? 1) : 0))
}

export function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
}

/** Where the Electron-ABI better-sqlite3 lives; must match src/main/electron/native-binding.ts. */
export function electronNativeBindingPath(version = electronVersion()) {
  return join(
    root,
    '.native',
    `electron-${version}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  )
}

/**
 * The Electron binary's path, downloading it on first use (the `electron` package does that when
 * required). Returns { path } or { reason } when it cannot be had, e.g. without network.
 */
export function locateElectron() {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  })
  if (result.status === 0 && result.stdout) return { path: result.stdout }
  const detail = firstErrorLine(result)
  return { reason: `the Electron binary could not be downloaded${detail ? `: ${detail}` : ''}` }
}

export function firstErrorLine(result) {
  if (result.error) return result.error.message
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
  return lines.find((line) => /error|failed/i.test(line))
}
