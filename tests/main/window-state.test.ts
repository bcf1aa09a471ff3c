import { EventEmitter } from 'node:events'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  WINDOW_STATE_FILE,
  fitWindowState,
  loadWindowState,
  readWindowState,
  trackWindowState,
  writeWindowState,
  type WindowState,
} from '../../src/main/electron/window-state'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir()

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 }
/** A second monitor to the right of the primary one. */
const RIGHT = { x: 1920, y: 0, width: 2560, height: 1400 }
const CENTERED: WindowState = {
  x: (1920 - 1280) / 2,
  y: (1040 - 820) / 2,
  width: DEFAULT_WINDOW_SIZE.width,
  height: DEFAULT_WINDOW_SIZE.height,
  maximized: false,
}

function screenOf(...workAreas: (typeof PRIMARY)[]) {
  return {
    getAllDisplays: () => workAreas.map((workArea) => ({ workArea })) as never,
    getPrimaryDisplay: () => ({ workArea: workAreas[0]! }) as never,
  }
}

describe('window state on disk', () => {
  it('reads back what it wrote', () => {
    const dir = tempDir()
    const state = { x: 2000, y: 40, width: 1500, height: 900, maximized: true }
    writeWindowState(join(dir, WINDOW_STATE_FILE), state)
    expect(readWindowState(join(dir, WINDOW_STATE_FILE))).toEqual(state)
    expect(loadWindowState(dir, screenOf(PRIMARY, RIGHT))).toEqual(state)
    expect(existsSync(join(dir, `${WINDOW_STATE_FILE}.tmp`))).toBe(false)
  })

  it.each([
    ['no file', null],
    ['invalid JSON', '{"x": 1,'],
    ['the wrong shape', JSON.stringify({ x: 1, y: 2, width: 'wide', height: 800 })],
    ['a negative size', JSON.stringify({ x: 1, y: 2, width: -5, height: 800, maximized: false })],
    ['not an object', '[]'],
  ])('opens centered at the default size with %s', (_case, content) => {
    const dir = tempDir()
    if (content !== null) writeFileSync(join(dir, WINDOW_STATE_FILE), content)
    expect(readWindowState(join(dir, WINDOW_STATE_FILE))).toBeNull()
    expect(loadWindowState(dir, screenOf(PRIMARY))).toEqual(CENTERED)
  })
})

describe('fitWindowState', () => {
  it('keeps bounds that fit a display as they are', () => {
    const saved = { x: 100, y: 60, width: 1300, height: 850, maximized: false }
    expect(fitWindowState(saved, [PRIMARY], PRIMARY)).toEqual(saved)
  })

  it('centers the default when the bounds are on no display (a monitor unplugged)', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: true }
    expect(fitWindowState(saved, [PRIMARY], PRIMARY)).toEqual({ ...CENTERED, maximized: true })
    // With that monitor present, the same bounds stay where they were.
    expect(fitWindowState(saved, [PRIMARY, RIGHT], PRIMARY)).toEqual(saved)
  })

  it('pulls a partly visible window wholly onto the display it overlaps most', () => {
    const saved = { x: -300, y: 900, width: 1200, height: 800, maximized: false }
    expect(fitWindowState(saved, [PRIMARY, RIGHT], PRIMARY)).toEqual({
      x: 0,
      y: 1040 - 800,
      width: 1200,
      height: 800,
      maximized: false,
    })
    // Mostly on the right-hand monitor: it moves into that one.
    const straddling = { x: 1800, y: 100, width: 1200, height: 800, maximized: false }
    expect(fitWindowState(straddling, [PRIMARY, RIGHT], PRIMARY)).toMatchObject({
      x: 1920,
      y: 100,
    })
  })

  it('never opens smaller than the minimum size', () => {
    const saved = { x: 10, y: 10, width: 300, height: 200, maximized: false }
    expect(fitWindowState(saved, [PRIMARY], PRIMARY)).toEqual({
      x: 10,
      y: 10,
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
      maximized: false,
    })
    // A small screen: the window shrinks to it, but not under the minimum.
    const small = { x: 0, y: 0, width: 1000, height: 680 }
    const big = { x: 0, y: 0, width: 1800, height: 1000, maximized: false }
    expect(fitWindowState(big, [small], small)).toEqual({
      x: 0,
      y: 0,
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
      maximized: false,
    })
    expect(fitWindowState(null, [small], small)).toMatchObject(MIN_WINDOW_SIZE)
  })

  it('shrinks a window larger than its display to the work area', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000, maximized: false }
    expect(fitWindowState(saved, [PRIMARY], PRIMARY)).toEqual({
      ...PRIMARY,
      maximized: false,
    })
  })
})

describe('trackWindowState', () => {
  afterEach(() => vi.useRealTimers())

  function fakeWindow() {
    return Object.assign(new EventEmitter(), {
      bounds: { x: 30, y: 40, width: 1100, height: 760 },
      maximized: false,
      isMaximized() {
        return this.maximized
      },
      getNormalBounds() {
        return this.bounds
      },
      isDestroyed: () => false,
    })
  }

  it('saves once the window has stopped moving, and at once when it closes', () => {
    vi.useFakeTimers()
    const dir = tempDir()
    const file = join(dir, WINDOW_STATE_FILE)
    const window = fakeWindow()
    trackWindowState(window as never, dir, 500)

    window.emit('move')
    vi.advanceTimersByTime(300)
    window.bounds = { x: 50, y: 60, width: 1150, height: 780 }
    window.emit('resize')
    vi.advanceTimersByTime(300)
    expect(existsSync(file)).toBe(false)
    vi.advanceTimersByTime(250)
    expect(readWindowState(file)).toEqual({ ...window.bounds, maximized: false })

    // Maximized: the normal bounds are kept, with the flag.
    window.maximized = true
    window.emit('maximize')
    vi.advanceTimersByTime(500)
    expect(readWindowState(file)).toEqual({ ...window.bounds, maximized: true })

    window.maximized = false
    window.bounds = { x: 70, y: 80, width: 1200, height: 800 }
    window.emit('unmaximize')
    window.emit('close')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...window.bounds, maximized: false })
  })
})
