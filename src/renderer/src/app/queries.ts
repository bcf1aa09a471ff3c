import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SettingsPatch } from '@shared/api/contract'
import { api } from '../api'

export const queryKeys = {
  appInfo: ['app.info'] as const,
  settings: ['settings'] as const,
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
