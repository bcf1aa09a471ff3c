import { join } from 'node:path'

/**
 * Where Electron finds its own build of better-sqlite3. node_modules holds the Node-ABI build
 * (for tests and browser mode); the Electron-ABI build lives apart, prepared by
 * `scripts/native-electron.mjs` and, in packages, shipped unpacked under resources/native.
 * See docs/native-modules.md.
 */
export function electronNativeBindingPath(options: {
  isPackaged: boolean
  appPath: string
  resourcesPath: string
  electronVersion: string
  platform: NodeJS.Platform
  arch: string
}): string {
  if (options.isPackaged) return join(options.resourcesPath, 'native', 'better_sqlite3.node')
  return join(
    options.appPath,
    '.native',
    `electron-${options.electronVersion}-${options.platform}-${options.arch}`,
    'better_sqlite3.node',
  )
}
