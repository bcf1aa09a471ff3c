import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME } from '../../src/main/db/open'
import { useTempDir } from '../support/temp-dir'

/**
 * A child process (tests/support/crash-writer.ts) adds payments through the real backend in a
 * loop and is killed with SIGKILL at a random moment, again and again on the same data folder.
 * After each kill the database must pass SQLite's integrity check and hold every payment whose
 * call had returned (the child prints a payment's id only then).
 */

const ROUNDS = 50
const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const WRITER = join('tests', 'support', 'crash-writer.ts')
/** How long a child may take to start and print `ready`. */
const START_TIMEOUT_MS = 20_000

const tempDir = useTempDir('repaypath-crash-')

/** mulberry32: a small seeded generator, so that a failing sequence of delays can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

interface Round {
  ids: number[]
  ready: boolean
  signal: NodeJS.Signals | null
  code: number | null
  stderr: string
}

/**
 * Starts the writer, waits for `ready`, and SIGKILLs it `delayMs` later. tsx runs the script in
 * a child of its own, so the writer gets its own process group and the whole group is killed:
 * killing tsx alone would leave the writer running. Resolves once every process of the group
 * has let go of the pipes, so the database is no longer open anywhere.
 */
function crashRound(dataDir: string, delayMs: number): Promise<Round> {
  const child = spawn(TSX, ['--tsconfig', 'tsconfig.test.json', WRITER, dataDir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  let stdout = ''
  let stderr = ''
  let ready = false
  return new Promise<Round>((resolvePromise, reject) => {
    const startTimer = setTimeout(killGroup, START_TIMEOUT_MS)
    let killTimer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      if (!ready && stdout.startsWith('ready\n')) {
        ready = true
        clearTimeout(startTimer)
        killTimer = setTimeout(killGroup, delayMs)
      }
    })
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', (error) => {
      clearTimeout(startTimer)
      clearTimeout(killTimer)
      killGroup()
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(startTimer)
      clearTimeout(killTimer)
      killGroup() // should the writer have outlived tsx somehow
      // Only complete lines count: the kill may have cut the last one short.
      const lines = stdout.split('\n').slice(0, -1)
      const odd = lines.slice(1).find((line) => !/^\d+$/.test(line))
      if (odd !== undefined) {
        reject(new Error(`the writer printed "${odd}"`))
        return
      }
      resolvePromise({ ids: lines.slice(1).map(Number), ready, signal, code, stderr })
    })
  })
}

function inspect(dataDir: string): { integrity: unknown; ids: Set<number> } {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME))
  try {
    return {
      integrity: db.pragma('integrity_check'),
      ids: new Set(db.prepare('select id from payments').pluck().all() as number[]),
    }
  } finally {
    db.close()
  }
}

describe('a writer killed with SIGKILL', () => {
  it.skipIf(process.platform === 'win32')(
    `loses no returned write and leaves a sound database, ${ROUNDS} kills in a row`,
    async () => {
      const dataDir = tempDir()
      const random = seededRandom(20_260_416)
      const confirmed = new Set<number>()
      let roundsWithWrites = 0

      for (let round = 1; round <= ROUNDS; round += 1) {
        const delayMs = 5 + Math.floor(random() * 146)
        const result = await crashRound(dataDir, delayMs)
        const context = `round ${round} (killed ${delayMs} ms after ready)`
        expect(result.ready, `${context}: never ready; stderr: ${result.stderr}`).toBe(true)
        expect(result.signal, `${context}: exited by itself; stderr: ${result.stderr}`).toBe(
          'SIGKILL',
        )
        expect(result.stderr, context).toBe('')

        for (const id of result.ids) {
          expect(confirmed.has(id), `${context}: payment id ${id} was returned twice`).toBe(false)
          confirmed.add(id)
        }
        if (result.ids.length > 0) roundsWithWrites += 1

        const { integrity, ids } = inspect(dataDir)
        expect(integrity, context).toEqual([{ integrity_check: 'ok' }])
        const lost = [...confirmed].filter((id) => !ids.has(id))
        expect(lost, `${context}: payments returned to the caller but not in the database`).toEqual(
          [],
        )
      }

      // Not vacuous: the writer got payments in before most kills.
      expect(roundsWithWrites).toBeGreaterThan(ROUNDS / 2)
      expect(confirmed.size).toBeGreaterThanOrEqual(3 * ROUNDS)
    },
    120_000,
  )
})
