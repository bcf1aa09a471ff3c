import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import type { SettingsPatch } from '@shared/api/contract'
import { api } from '../api'

export const queryKeys = {
  appInfo: ['app.info'] as const,
  settings: ['settings'] as const,
}

/**
 * Everything derived from loans, payments and events: after any change to them, the lists, the
 * overview and the open loan page all refetch (ledgers are computed by the backend).
 */
export const LOAN_DATA_KEYS = [
  'loans.list',
  'loans.get',
  'loans.ledger',
  'loans.projection',
  'loans.series',
  'payments.list',
  'events.list',
  'contacts.list',
  'contacts.followUps',
  'portfolio.overview',
  'portfolio.series',
  'portfolio.plan',
  'checklist.get',
  'checklist.progress',
  'reminders.due',
] as const

export async function invalidateLoanData(queryClient: QueryClient): Promise<void> {
  await Promise.all(LOAN_DATA_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
}

/** The dashboard's monthly history: prefetched by the dashboard, read by its charts. */
export const portfolioSeriesQuery = queryOptions({
  queryKey: ['portfolio.series'],
  queryFn: () => api.call('portfolio.series', {}),
})

export function useOverview() {
  return useQuery({
    queryKey: ['portfolio.overview'],
    queryFn: () => api.call('portfolio.overview', {}),
  })
}

/** Today by the backend's clock (the day every figure is computed for). */
export function useToday(): string | undefined {
  return useOverview().data?.asOf
}

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => api.call('app.info', {}) })
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.call('settings.get', {}) })
}

export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.call('settings.update', patch),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.settings, settings),
  })
}

// ── Backups (the Settings screen) ───────────────────────────────────────────────────────────

/** The same key the recovery screen uses, so both share one cached list. */
export const backupKeys = { list: ['backup.list'] as const }

/** Every backup, newest first. */
export function useBackups() {
  return useQuery({
    queryKey: backupKeys.list,
    queryFn: () => api.call('backup.list', {}),
    // Stable: backups taken within the same second keep the backend's order.
    select: (backups) => backups.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt)),
  })
}

export function useCreateBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.call('backup.create', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupKeys.list }),
  })
}

/**
 * Replaces the database with a backup (main keeps a safety copy of the current file first).
 * Every cached query then describes data that is gone, so all of them are refetched.
 */
export function useRestoreBackup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => api.call('backup.restore', { name }),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
