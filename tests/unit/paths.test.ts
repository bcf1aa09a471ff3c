import { describe, expect, it } from 'vitest'
import { defaultUserDataDir } from '../../src/main/paths'

describe("defaultUserDataDir (Electron's userData, computed without Electron)", () => {
  it('follows XDG on Linux', () => {
    expect(defaultUserDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/RepayPath')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe(
      '/cfg/RepayPath',
    )
  })

  it('uses Application Support on macOS', () => {
    expect(defaultUserDataDir('darwin', {}, '/Users/li')).toBe(
      '/Users/li/Library/Application Support/RepayPath',
    )
  })

  it('uses APPDATA on Windows', () => {
    expect(
      defaultUserDataDir('win32', { APPDATA: 'C:/Users/li/AppData/Roaming' }, 'C:/Users/li'),
    ).toMatch(/AppData[\\/]Roaming[\\/]RepayPath$/)
  })
})
