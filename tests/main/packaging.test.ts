import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../support/temp-dir'

/**
 * Packaging can't run here (electron-builder downloads Electron), so its configuration is
 * checked instead: every setting the issue lists, and the hook that ships the Electron build
 * of better-sqlite3. And the security scan runs for real, on the built app and on a bad one.
 */

const ROOT = join(__dirname, '../..')
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  electronFuses: Record<string, boolean>
  linux: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
  extraResources: { from: string; to: string; filter: string[] }[]
}
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  devDependencies: Record<string, string>
}

describe('the electron-builder configuration', () => {
  it.each([
    ['linux', ['AppImage', 'deb']],
    ['win', ['nsis']],
    ['mac', ['dmg']],
  ] as const)('builds %s as %j with the icon from resources/', (platform, targets) => {
    expect(config[platform].target).toEqual(targets)
    expect(config[platform].icon).toBe('resources/icon.png')
  })

  it('has an icon of at least 512×512 pixels (PNG header)', () => {
    const png = readFileSync(join(ROOT, 'resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value)
  })

  it('packs the app into an asar, keeps native code out of it, and never rebuilds node_modules', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.npmRebuild).toBe(false)
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']))
  })

  it('ships the Electron-ABI better-sqlite3 where the app looks for it when packaged', async () => {
    expect(config.extraResources).toEqual([
      { from: 'build/native', to: 'native', filter: ['better_sqlite3.node'] },
    ])
    expect(config.beforePack).toBe('scripts/electron-builder-hooks.cjs')
    const { electronNativeBindingPath } = await import('../../src/main/electron/native-binding')
    expect(
      electronNativeBindingPath({
        isPackaged: true,
        appPath: '/x/app.asar',
        resourcesPath: '/x',
        electronVersion: '45.0.0',
        platform: 'linux',
        arch: 'x64',
      }),
    ).toBe(join('/x', 'native', 'better_sqlite3.node'))
  })

  it('documents npm run dist, which builds, prepares the native module and packages', () => {
    expect(packageJson.scripts.dist).toBe(
      'npm run build && npm run native:electron && electron-builder --config electron-builder.json',
    )
    expect(packageJson.devDependencies).toHaveProperty('electron-builder')
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm run dist')
  })
})

describe('the beforePack hook', () => {
  const tempDir = useTempDir()
  // The hook is CommonJS, as electron-builder loads it.
  const hooks = createRequire(__filename)('../../scripts/electron-builder-hooks.cjs') as {
    default: (context: unknown) => Promise<void>
  }
  const context = (projectDir: string) => ({
    packager: { projectDir, config: { electronVersion: '45.5.0' } },
    electronPlatformName: 'linux',
    arch: 1, // electron-builder's Arch.x64
  })

  it('copies the platform’s Electron build into build/native', async () => {
    const dir = tempDir()
    const built = join(dir, '.native', 'electron-45.5.0-linux-x64')
    mkdirSync(built, { recursive: true })
    writeFileSync(join(built, 'better_sqlite3.node'), 'binary')
    await hooks.default(context(dir))
    expect(readFileSync(join(dir, 'build', 'native', 'better_sqlite3.node'), 'utf8')).toBe('binary')
  })

  it('stops the packaging, saying what to run, when there is no such build', async () => {
    await expect(hooks.default(context(tempDir()))).rejects.toThrow(/npm run native:electron/)
  })
})

describe('npm run security (electronegativity)', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()
  const scan = (input?: string) =>
    spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/security-check.mjs'), ...(input ? [input] : [])],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    )

  it('passes on the built app with no high-severity finding', () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'npm test builds first').toBe(true)
    const result = scan()
    expect(result.stdout).toMatch(/finding\(s\), 0 high/)
    expect(result.status).toBe(0)
  })

  it('finds the CSP in the built index.html: the served policy, as a <meta>', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../src/main/renderer-files')
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8').replaceAll(
      '&#39;',
      "'",
    )
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(
      CONTENT_SECURITY_POLICY.split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; '),
    )
  })

  it('fails on a window that turns node integration on', () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron')\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })\n",
    )
    const result = scan(dir)
    expect(result.stdout).toMatch(/NODE_INTEGRATION/)
    expect(result.status).toBe(1)
  })
})
