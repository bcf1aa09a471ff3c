/**
 * The app's own menu commands: main sends one of these on `COMMAND_CHANNEL` when its menu item
 * (or shortcut) is used, the preload passes on only these strings, and the renderer acts on
 * them. Browser mode binds the same shortcuts in the page. Tiny and free of zod: the preload
 * imports it.
 */
export const APP_COMMANDS = ['new-loan', 'log-payment', 'backup', 'export'] as const

export type AppCommand = (typeof APP_COMMANDS)[number]

/** The one IPC channel main → renderer for commands. */
export const COMMAND_CHANNEL = 'repaypath:command'

/** Electron accelerator syntax; the renderer reads the same strings in browser mode. */
export const COMMAND_ACCELERATORS: Readonly<Record<AppCommand, string>> = {
  'new-loan': 'CmdOrCtrl+N',
  'log-payment': 'CmdOrCtrl+Shift+P',
  backup: 'CmdOrCtrl+B',
  export: 'CmdOrCtrl+E',
}

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value)
}

/** The keys of a keydown, as far as shortcuts care (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/**
 * The command a key press stands for in browser mode, or null: `CmdOrCtrl` is ⌘ on macOS and
 * Ctrl elsewhere, Shift must match exactly, Alt never takes part. The letter comes from the
 * physical key (`KeyN`), so a Chinese input method or another layout does not change it.
 */
export function commandForKeyPress(press: KeyPress, mac: boolean): AppCommand | null {
  if (press.altKey || (mac ? !press.metaKey || press.ctrlKey : !press.ctrlKey || press.metaKey)) {
    return null
  }
  const letter = /^Key[A-Z]$/.test(press.code) ? press.code.slice(3) : press.key.toUpperCase()
  for (const command of APP_COMMANDS) {
    const parts = COMMAND_ACCELERATORS[command].split('+')
    if (parts.at(-1) === letter && parts.includes('Shift') === press.shiftKey) return command
  }
  return null
}
