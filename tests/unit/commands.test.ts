import { describe, expect, it } from 'vitest'
import { APP_COMMANDS, commandForKeyPress, isAppCommand, type KeyPress } from '@shared/api/commands'

function press(code: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  const letter = code.replace(/^Key/, '')
  return {
    code,
    key: modifiers.shiftKey === true ? letter : letter.toLowerCase(),
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  }
}

describe('the browser-mode shortcuts', () => {
  it.each([
    ['KeyN', false, 'new-loan'],
    ['KeyP', true, 'log-payment'],
    ['KeyB', false, 'backup'],
    ['KeyE', false, 'export'],
  ] as const)('Ctrl/⌘+%s (Shift %s) → %s', (code, shiftKey, command) => {
    expect(commandForKeyPress(press(code, { ctrlKey: true, shiftKey }), false)).toBe(command)
    expect(commandForKeyPress(press(code, { metaKey: true, shiftKey }), true)).toBe(command)
  })

  it('needs the platform’s own modifier, the exact Shift and no Alt', () => {
    expect(commandForKeyPress(press('KeyN', { metaKey: true }), false)).toBeNull()
    expect(commandForKeyPress(press('KeyN', { ctrlKey: true }), true)).toBeNull()
    expect(commandForKeyPress(press('KeyN', { ctrlKey: true, metaKey: true }), false)).toBeNull()
    expect(commandForKeyPress(press('KeyN'), false)).toBeNull()
    expect(commandForKeyPress(press('KeyP', { ctrlKey: true }), false)).toBeNull()
    expect(commandForKeyPress(press('KeyN', { ctrlKey: true, shiftKey: true }), false)).toBeNull()
    expect(commandForKeyPress(press('KeyB', { ctrlKey: true, altKey: true }), false)).toBeNull()
    expect(commandForKeyPress(press('KeyC', { ctrlKey: true }), false)).toBeNull()
  })

  it('reads the physical key, whatever the input method makes of it', () => {
    const composing = { ...press('KeyN', { ctrlKey: true }), key: 'Process' }
    expect(commandForKeyPress(composing, false)).toBe('new-loan')
  })
})

describe('isAppCommand', () => {
  it('accepts exactly the four commands', () => {
    expect(APP_COMMANDS.every(isAppCommand)).toBe(true)
    for (const junk of ['', 'NEW-LOAN', 'backup ', 'toString', null, undefined, 1, {}]) {
      expect(isAppCommand(junk)).toBe(false)
    }
  })
})
