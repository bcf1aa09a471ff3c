import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from './api'
import { App } from './app/App'
import { initI18n, systemLanguage } from './i18n'
import './styles.css'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: 1,
      refetchOnWindowFocus: false,
      // Every change the app makes invalidates what it touches (invalidateLoanData), so data only
      // goes stale by the calendar. A few seconds of freshness lets the components that mount
      // while a screen renders (the charts, the reminder banner) reuse what the screen has just
      // fetched instead of asking again; after that, visiting a screen refetches it.
      staleTime: 5_000,
    },
  },
})

async function boot(): Promise<void> {
  // The language is settled before the first paint, so the page never flashes the wrong one.
  const settings = await api.call('settings.get', {}).catch(() => null)
  await initI18n(settings?.language ?? systemLanguage())
  const root = document.getElementById('root')
  if (root === null) throw new Error('#root is missing from index.html')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  )
}

void boot()
