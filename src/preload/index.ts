/**
 * The whole bridge between the page and main: one `invoke` that carries allow-listed contract
 * methods over IPC, and `onCommand` that passes on the menu's allow-listed commands. No
 * Electron or Node object is exposed (checklist 20): not even the IPC event reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { COMMAND_CHANNEL, isAppCommand, type AppCommand } from '../shared/api/commands'
import { ipcChannel, isMethodName } from '../shared/api/methods'

export interface RepayPathBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  /** Calls `listener` with each menu command; returns the function that stops it. */
  onCommand(listener: (command: AppCommand) => void): () => void
}

const bridge: RepayPathBridge = {
  invoke(method, input) {
    if (!isMethodName(method)) return Promise.reject(new Error(`Not an API method: ${method}`))
    return ipcRenderer.invoke(ipcChannel(method), input)
  },
  onCommand(listener) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isAppCommand(command)) listener(command)
    }
    ipcRenderer.on(COMMAND_CHANNEL, handler)
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, handler)
  },
}

contextBridge.exposeInMainWorld('repaypath', bridge)
