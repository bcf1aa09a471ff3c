import { describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES, ipcChannel } from '@shared/api/methods'

const exposed = vi.hoisted(() => new Map<string, unknown>())

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
    send: vi.fn(),
    on: vi.fn(),
  },
}))

describe('preload bridge (checklist 20)', async () => {
  const electron = await import('electron')
  await import('../../src/preload/index')
  const bridge = exposed.get('repaypath') as {
    invoke(method: string, input: unknown): Promise<unknown>
  }

  it('exposes one object with only an invoke function, and nothing of Electron', () => {
    expect([...exposed.keys()]).toEqual(['repaypath'])
    expect(Object.keys(bridge)).toEqual(['invoke'])
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
})
