// electron-builder's beforePack hook: puts the Electron-ABI build of better-sqlite3 for the
// platform and architecture being packaged into build/native/, from where `extraResources`
// ships it unpacked as <resources>/native/better_sqlite3.node (see
// src/main/electron/native-binding.ts and docs/native-modules.md). node_modules keeps its
// Node-ABI build (npmRebuild is off), so `npm test` still works after `npm run dist`.
const { copyFileSync, existsSync, mkdirSync } = require('node:fs')
const { join } = require('node:path')
const { Arch } = require('electron-builder')

/** Where `npm run native:electron` (scripts/native-electron.mjs) leaves its build. */
function nativeBuildPath(root, electronVersion, platform, arch) {
  return join(
    root,
    '.native',
    `electron-${electronVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  )
}

exports.nativeBuildPath = nativeBuildPath

exports.default = async function beforePack(context) {
  const root = context.packager.projectDir
  const electronVersion =
    context.packager.config.electronVersion ?? require('electron/package.json').version
  const arch = Arch[context.arch]
  const source = nativeBuildPath(root, electronVersion, context.electronPlatformName, arch)
  if (!existsSync(source)) {
    throw new Error(
      `No Electron build of better-sqlite3 at ${source}: run \`npm run native:electron\` on a ` +
        `${context.electronPlatformName}-${arch} machine with network access first.`,
    )
  }
  const target = join(root, 'build', 'native')
  mkdirSync(target, { recursive: true })
  copyFileSync(source, join(target, 'better_sqlite3.node'))
}
