import { systemClock } from '@shared/dates'

/**
 * Saves `content` as a file the user downloads: a Blob behind an object URL, clicked through an
 * `<a download>`. Chromium saves it to the downloads folder; Electron asks where to save it.
 */
export function downloadFile(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started reading the Blob by now; give it time before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** `repaypath-export-YYYY-MM-DD.json`, dated by the local calendar. */
export function exportFileName(today = systemClock.today()): string {
  return `repaypath-export-${today}.json`
}
