import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorNotice } from './ErrorNotice'

/** The query that loads a chunk once per session; a screen can prefetch it under the same name. */
export function chunkQuery<Module>(name: string, load: () => Promise<Module>) {
  return queryOptions({
    queryKey: ['chunk', name],
    queryFn: load,
    staleTime: Infinity,
    gcTime: Infinity,
    // A module or a component is not data: keep the object the import returned.
    structuralSharing: false,
  })
}

/**
 * A part of the app whose code loads on demand (a screen, recharts, the loan form), rendered
 * once its chunk is here and `fallback` until then.
 *
 * Not React.lazy with Suspense: React holds back revealing a suspended boundary for up to 300 ms
 * after its fallback showed (to batch reveals), so a chart whose chunk and data were already in
 * would still wait. Loading through TanStack Query keeps each chunk cached under `name` for the
 * session and gives a failed load the app's error notice and its retry.
 */
export function OnDemand<Module>({
  name,
  load,
  fallback,
  children,
}: {
  name: string
  load: () => Promise<Module>
  fallback: ReactNode
  children: (module: Module) => ReactNode
}) {
  const chunk = useQuery(chunkQuery(name, load))
  if (chunk.error !== null) {
    return <ErrorNotice error={chunk.error} onRetry={() => void chunk.refetch()} />
  }
  if (chunk.data === undefined) return fallback
  return children(chunk.data)
}
