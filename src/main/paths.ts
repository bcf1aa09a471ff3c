import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'RepayPath'

/**
 * Electron's `app.getPath('userData')` for this app, computed without Electron, so that browser
 * mode under plain Node opens the very same database file the desktop app uses.
 * (Electron: appData = %APPDATA% | ~/Library/Application Support | $XDG_CONFIG_HOME or ~/.config,
 * then the app's name.)
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(appDataDir(platform, env, home), APP_NAME)
}

function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(home, '.config')
}

/** Where the build puts the preload script and the renderer, relative to `out/main`. */
export function builtPaths(mainDir: string): { preload: string; renderer: string } {
  return { preload: join(mainDir, '../preload/index.js'), renderer: join(mainDir, '../renderer') }
}
