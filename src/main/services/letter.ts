import type { Handlers } from '@shared/api/contract'
import { ApiError } from '@shared/api/errors'
import type { ServiceContext } from './context'

/**
 * The negotiation letter as a PDF. Typesetting and the save dialog are the desktop app's
 * (`ctx.platform.savePdf`, set by the Electron entry only); browser mode has no such hook and
 * answers `unsupported`, and the page prints the letter itself instead.
 */
export function letterHandlers(ctx: ServiceContext): Pick<Handlers, 'letter.savePdf'> {
  return {
    'letter.savePdf': async (input) => {
      const savePdf = ctx.platform?.savePdf
      if (savePdf === undefined) {
        throw new ApiError(
          'unsupported',
          'Saving a PDF needs the desktop app. In the browser, print the letter and choose "Save as PDF".',
        )
      }
      return savePdf(input)
    },
  }
}
