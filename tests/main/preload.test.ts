import { describe, expect, it, vi } from 'vitest'
import { APP_COMMANDS, COMMAND_CHANNEL } from '@shared/api/commands'
import { METHOD_NAMES, ipcChannel } from '@shared/api/methods'

const exposed = vi.hoisted(() => new Map<string, unknown>())

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
    send: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}))

describe('preload bridge (checklist 20)', async () => {
  const electron = await import('electron')
  await import('../../src/preload/index')
  const bridge = exposed.get('repaypath') as {
    invoke(method: string, input: unknown): Promise<unknown>
    onCommand(listener: (command: string) => void): () => void
  }

  it('exposes one object with only invoke and onCommand, and nothing of Electron', () => {
    expect([...exposed.keys()]).toEqual(['repaypath'])
    expect(Object.keys(bridge)).toEqual(['invoke', 'onCommand'])
    expect((Object.values(bridge) as unknown[]).includes(electron.ipcRenderer)).toBe(false)
  })

  it('carries every contract method on its own channel', async () => {
    for (const method of METHOD_NAMES) {
      await expect(bridge.invoke(method, { x: 1 })).resolves.toEqual({
        ok: true,
        value: 'from main',
      })
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(method), { x: 1 })
    }
  })

  it('refuses anything that is not a contract method without touching IPC', async () => {
    vi.mocked(electron.ipcRenderer.invoke).mockClear()
    for (const name of ['shell.openExternal', 'repaypath:app.info', '__proto__', '']) {
      await expect(bridge.invoke(name, {})).rejects.toThrow(/Not an API method/)
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('passes on only allow-listed menu commands from its one channel, and unsubscribes', () => {
    const on = vi.mocked(electron.ipcRenderer.on)
    on.mockClear()
    const listener = vi.fn()
    const unsubscribe = bridge.onCommand(listener)
    expect(on).toHaveBeenCalledTimes(1)
    const [channel, handler] = on.mock.calls[0] as unknown as [
      string,
      (event: unknown, command: unknown) => void,
    ]
    expect(channel).toBe(COMMAND_CHANNEL)
    const event = { sender: electron.ipcRenderer, ports: [] }
    for (const command of APP_COMMANDS) handler(event, command)
    for (const junk of ['shell.openExternal', 'NEW-LOAN', '', null, 42, { command: 'backup' }]) {
      handler(event, junk)
    }
    // Exactly the commands, one argument each: never the event or anything else.
    expect(listener.mock.calls).toEqual(APP_COMMANDS.map((command) => [command]))

    unsubscribe()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(COMMAND_CHANNEL, handler)
  })
})
