// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into .native/, apart from
// node_modules (which keeps the Node build that tests and browser mode use).
// It copies the installed package and runs its own install script there with npm's documented
// Electron settings: prebuild-install fetches a prebuilt binary for that Electron, or node-gyp
// compiles one against Electron's headers. Both need the network.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronNativeBindingPath, electronVersion, firstErrorLine, root } from './lib.mjs'

export function prepareElectronNativeBinding() {
  const version = electronVersion()
  const require = createRequire(join(root, 'package.json'))
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(root, '.native', `build-electron-${version}`)
  rmSync(work, { recursive: true, force: true })
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !path.startsWith(join(source, 'build')),
  })

  const result = spawnSync('npm', ['run', 'install'], {
    cwd: work,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    env: {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_config_arch: process.arch,
    },
  })
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (result.status !== 0 || !existsSync(built)) {
    return {
      reason: `better-sqlite3 could not be built for Electron ${version}: ${firstErrorLine(result) ?? 'see npm run native:electron'}`,
    }
  }
  const target = electronNativeBindingPath(version)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(built, target)
  rmSync(work, { recursive: true, force: true })
  return { path: target }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outcome = prepareElectronNativeBinding()
  if (outcome.reason !== undefined) {
    console.error(outcome.reason)
    process.exit(1)
  }
  console.log(`Electron build of better-sqlite3: ${outcome.path}`)
}
