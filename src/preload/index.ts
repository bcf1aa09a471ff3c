/**
 * The whole bridge between the page and main: one `invoke` that carries allow-listed contract
 * methods over IPC. No Electron or Node object is exposed (checklist 20).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { ipcChannel, isMethodName } from '../shared/api/methods'

export interface RepayPathBridge {
  invoke(method: string, input: unknown): Promise<unknown>
}

const bridge: RepayPathBridge = {
  invoke(method, input) {
    if (!isMethodName(method)) return Promise.reject(new Error(`Not an API method: ${method}`))
    return ipcRenderer.invoke(ipcChannel(method), input)
  },
}

contextBridge.exposeInMainWorld('repaypath', bridge)
