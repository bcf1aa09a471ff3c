// `npm start`: build, then run RepayPath in Electron. Where the Electron binary (or an
// Electron build of better-sqlite3) cannot be had, say why in one line and serve browser mode.
// How the native module works under both runtimes: docs/native-modules.md.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import {
  build,
  electronNativeBindingPath,
  forwardSignals,
  locateElectron,
  root,
  serveBrowserMode,
} from './lib.mjs'
import { prepareElectronNativeBinding } from './native-electron.mjs'

const args = process.argv.slice(2)
build()

const electron = locateElectron()
const native = electron.path === undefined ? null : ensureNativeBinding()
const unavailable = electron.reason ?? native?.reason

if (unavailable !== undefined) {
  console.log(
    `Electron is not available here (${unavailable}): serving RepayPath in browser mode instead.`,
  )
  serveBrowserMode(args)
} else {
  const child = spawn(electron.path, [root, ...args], { cwd: root, stdio: 'inherit' })
  forwardSignals(child)
  child.on('exit', (code) => process.exit(code ?? 0))
}

function ensureNativeBinding() {
  if (existsSync(electronNativeBindingPath())) return {}
  console.log('Preparing better-sqlite3 for Electron (first start only)…')
  return prepareElectronNativeBinding()
}
