/**
 * npm run bench:renderer — the dashboard in Chromium, in one run.
 *
 * 1. manyVsOne: the dashboard of 200 loans with 10 years of history each (monthly payments),
 *    against the same dashboard with 1 such loan: from navigation until its charts are drawn
 *    (the owed/overdue areas and the monthly bars), median of RUNS loads each, alternating.
 *    The backend caches each loan's month ends until the loan changes, as it does for ledgers,
 *    so the first visit (reported as firstManyMs / firstOneMs) pays for computing them and the
 *    later ones do not; the ratio is taken over the later ones.
 * 2. startJsGzipKB: the JavaScript the renderer loads at start (index.html's module script and
 *    its modulepreloads), gzipped, in KB. The screens, the forms and recharts load later.
 * Both use the built app (`npm run build` first; the bench runs it if out/ is missing) served
 * by out/main/serve.js, in Debian's Chromium.
 * Ends with {"bench":"renderer","manyVsOne":R,"startJsGzipKB":K,...}.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { addMonths, systemClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { fenToYuanString } from '@shared/money'
import { startBackend } from '../src/main/backend'
import { launchChromium, serveApp, type ServedApp } from '../tests/e2e/support/served-app'
import { call, median, timeAsync } from './support'

const ROOT = join(__dirname, '..')
const MANY = 200
const YEARS = 10
const RUNS = 7

/** A data folder holding `count` loans disbursed 10 years ago, each paid monthly since. */
async function seedDataDir(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'repaypath-bench-renderer-'))
  const today = systemClock.today()
  const backend = await startBackend({ dataDir: dir, runtime: 'browser' })
  for (let index = 0; index < count; index++) {
    const disbursedOn = addMonths(today, -12 * YEARS)
    const terms = presetTerms('bank_installment', {
      principalFen: 10_000_000 + index * 1_000,
      disbursedOn,
      periods: 12 * YEARS,
    })
    const loan = (await call(backend, 'loans.create', {
      name: `loan ${index}`,
      lenderKind: 'bank',
      presetId: 'bank_installment',
      terms,
    })) as { id: number }
    // Most months paid in full, some short: the history has overdue stretches and penalties.
    const lines = ['date,amount']
    for (let month = 1; month < 12 * YEARS; month++) {
      const amount = month % 11 === index % 11 ? 20_000 : 110_000
      lines.push(`${addMonths(disbursedOn, month)},${fenToYuanString(amount)}`)
    }
    await call(backend, 'csv.importPayments', {
      loanId: loan.id,
      csv: lines.join('\n'),
      mapping: { paidOn: 'date', amount: 'amount' },
      dryRun: false,
    })
  }
  await backend.close()
  return dir
}

/** Milliseconds from navigation until the dashboard's charts are drawn. */
async function loadDashboard(browser: Browser, app: ServedApp): Promise<number> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1024, height: 700 },
  })
  const page = await context.newPage()
  const [ms] = await timeAsync(async () => {
    await page.goto(app.url)
    await page.locator('[data-testid="portfolio-owed-chart"] .series-owed path').first().waitFor()
    await page
      .locator('[data-testid="portfolio-late-chart"] .recharts-bar-rectangle')
      .first()
      .waitFor()
  })
  await context.close()
  return ms
}

/** The JavaScript index.html loads at start, gzipped. */
function startJsGzipKB(): number {
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8')
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1]!.replace(/^\.?\//, ''))
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(ROOT, 'out/renderer', file))).length,
    0,
  )
  return Math.round((bytes / 1024) * 10) / 10
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/main/serve.js'))) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  }
  const manyDir = await seedDataDir(MANY)
  const oneDir = await seedDataDir(1)
  const many = await serveApp(manyDir)
  const one = await serveApp(oneDir)
  const browser = await launchChromium()
  try {
    const firstManyMs = await loadDashboard(browser, many)
    const firstOneMs = await loadDashboard(browser, one)
    const manyMs: number[] = []
    const oneMs: number[] = []
    for (let run = 0; run < RUNS; run++) {
      manyMs.push(await loadDashboard(browser, many))
      oneMs.push(await loadDashboard(browser, one))
    }
    const figures = {
      bench: 'renderer',
      manyVsOne: Math.round((median(manyMs) / median(oneMs)) * 100) / 100,
      startJsGzipKB: startJsGzipKB(),
      manyMs: Math.round(median(manyMs)),
      oneMs: Math.round(median(oneMs)),
      firstManyMs: Math.round(firstManyMs),
      firstOneMs: Math.round(firstOneMs),
    }
    console.log(JSON.stringify(figures))
  } finally {
    await browser.close()
    await many.stop()
    await one.stop()
    rmSync(manyDir, { recursive: true, force: true })
    rmSync(oneDir, { recursive: true, force: true })
  }
}

void main()
