import type { Handlers } from '@shared/api/contract'
import type { ServiceContext } from './context'

export function appHandlers(ctx: ServiceContext): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({ ...ctx.app, database: { status: 'ok', reason: null, problem: null } }),
  }
}
