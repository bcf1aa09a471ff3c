import { contract, type MethodInput, type MethodOutput } from './contract'
import { ApiError, envelopeSchema } from './errors'
import type { MethodName } from './methods'

/**
 * Carries one call to main and brings back its envelope, unchecked: IPC in Electron, fetch in a
 * browser. The client checks the envelope and the value.
 */
export type Transport = (method: MethodName, input: unknown) => Promise<unknown>

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

/**
 * The typed client. It checks what comes back against the contract too: the renderer never
 * works with data whose shape it has not verified, whichever transport brought it.
 */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const envelope = envelopeSchema.parse(await transport(method, input))
      if (!envelope.ok) throw ApiError.fromData(envelope.error)
      const output = contract[method].output.safeParse(envelope.value)
      if (!output.success) {
        throw new ApiError('internal', `${method}: the response does not match the contract`)
      }
      return output.data as MethodOutput<typeof method>
    },
  }
}
