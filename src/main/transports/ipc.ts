import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { Handlers } from '@shared/api/contract'
import { ApiError, type Envelope } from '@shared/api/errors'
import { METHOD_NAMES, ipcChannel } from '@shared/api/methods'
import { dispatch } from '../handlers'

/**
 * Electron's transport: one `ipcMain.handle` per contract method. A call from any frame but our
 * own top-level page is refused before its input is looked at.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(
      ipcChannel(method),
      async (event, input: unknown): Promise<Envelope<unknown>> => {
        if (!isTrustedSender(event)) {
          return { ok: false, error: new ApiError('forbidden', 'Untrusted sender').toData() }
        }
        return dispatch(handlers, method, input)
      },
    )
  }
}
