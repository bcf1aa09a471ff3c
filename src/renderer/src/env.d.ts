/// <reference types="vite/client" />
import type { AppCommand } from '@shared/api/commands'

declare global {
  interface Window {
    /** Present only in Electron: the preload's allow-listed bridge (src/preload/index.ts). */
    repaypath?: {
      invoke(method: string, input: unknown): Promise<unknown>
      /** The menu's commands (one allow-listed channel); returns the unsubscribe function. */
      onCommand(listener: (command: AppCommand) => void): () => void
    }
  }
}
