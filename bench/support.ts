import type { Backend } from '../src/main/backend'
import { dispatch } from '../src/main/handlers'

/** What the benchmarks share: timing, medians, and calling the API as a transport would. */

export function time<T>(run: () => T): [number, T] {
  const start = process.hrtime.bigint()
  const result = run()
  return [Number(process.hrtime.bigint() - start) / 1e6, result]
}

export async function timeAsync<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint()
  const result = await run()
  return [Number(process.hrtime.bigint() - start) / 1e6, result]
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function call(backend: Backend, method: string, input: unknown) {
  const envelope = await dispatch(backend.handlers, method, input)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as never
}
