/// <reference types="vite/client" />

interface Window {
  /** Present only in Electron: the preload's allow-listed bridge (src/preload/index.ts). */
  repaypath?: { invoke(method: string, input: unknown): Promise<unknown> }
}
