/**
 * The main window's size and position, remembered between starts in
 * `<data folder>/window-state.json`. What is read back is validated, at least the minimum
 * size, and kept on a display that still exists; otherwise the window opens at its default
 * size, centered on the primary display.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BrowserWindow, Screen } from 'electron'
import { z } from 'zod'

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const
/** How long the window must be still before its bounds are written. */
export const SAVE_DELAY_MS = 500

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
})

export type WindowState = z.infer<typeof windowStateSchema>

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export function windowStateFile(dataDir: string): string {
  return join(dataDir, WINDOW_STATE_FILE)
}

/** The saved state, or null when there is none or it is not valid JSON of the right shape. */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Writes through a temporary file, so a crash mid-write leaves the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.tmp`
  writeFileSync(temporary, `${JSON.stringify(windowStateSchema.parse(state))}\n`)
  renameSync(temporary, file)
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max))
}

/** The default size (or the work area, if smaller, but never under the minimum), centered. */
export function centeredDefault(workArea: Rectangle): WindowState {
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(DEFAULT_WINDOW_SIZE.width, workArea.width))
  const height = Math.max(
    MIN_WINDOW_SIZE.height,
    Math.min(DEFAULT_WINDOW_SIZE.height, workArea.height),
  )
  return {
    x: workArea.x + Math.max(0, Math.floor((workArea.width - width) / 2)),
    y: workArea.y + Math.max(0, Math.floor((workArea.height - height) / 2)),
    width,
    height,
    maximized: false,
  }
}

/**
 * Where the window opens: the saved bounds, at least the minimum size, moved (and shrunk, down
 * to the minimum) into the work area of the display they overlap most. Bounds that overlap no
 * display (a monitor since unplugged) or no saved state give the centered default.
 */
export function fitWindowState(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
  primary: Rectangle,
): WindowState {
  if (saved === null) return centeredDefault(primary)
  const wanted = {
    x: saved.x,
    y: saved.y,
    width: Math.max(MIN_WINDOW_SIZE.width, saved.width),
    height: Math.max(MIN_WINDOW_SIZE.height, saved.height),
  }
  let best: Rectangle | null = null
  let bestOverlap = 0
  for (const area of workAreas) {
    const shared = overlap(wanted, area)
    if (shared > bestOverlap) [best, bestOverlap] = [area, shared]
  }
  if (best === null) return { ...centeredDefault(primary), maximized: saved.maximized }
  const width = clamp(
    wanted.width,
    MIN_WINDOW_SIZE.width,
    Math.max(MIN_WINDOW_SIZE.width, best.width),
  )
  const height = clamp(
    wanted.height,
    MIN_WINDOW_SIZE.height,
    Math.max(MIN_WINDOW_SIZE.height, best.height),
  )
  return {
    x: clamp(wanted.x, best.x, Math.max(best.x, best.x + best.width - width)),
    y: clamp(wanted.y, best.y, Math.max(best.y, best.y + best.height - height)),
    width,
    height,
    maximized: saved.maximized,
  }
}

/** The state to open the main window with, from the data folder and the displays now present. */
export function loadWindowState(
  dataDir: string,
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>,
): WindowState {
  return fitWindowState(
    readWindowState(windowStateFile(dataDir)),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  )
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'isMaximized' | 'getNormalBounds' | 'isDestroyed'>

/**
 * Saves the window's state `delayMs` after it stops moving, resizing or (un)maximizing, and
 * at once when it closes. The bounds saved are the normal (unmaximized) ones.
 */
export function trackWindowState(
  window: TrackedWindow,
  dataDir: string,
  delayMs = SAVE_DELAY_MS,
): void {
  const file = windowStateFile(dataDir)
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    clearTimeout(timer)
    timer = undefined
    if (window.isDestroyed()) return
    const bounds = window.getNormalBounds()
    try {
      writeWindowState(file, {
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
        maximized: window.isMaximized(),
      })
    } catch (error) {
      // Not worth bothering the user about: the window opens at its default next time.
      console.error('The window state could not be saved', error)
    }
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, delayMs)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    window.on(event as 'resize', later)
  }
  window.on('close', save)
}
