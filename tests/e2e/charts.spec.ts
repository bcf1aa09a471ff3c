import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sketchPlan } from '@shared/charts/waiting'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { projectLedger } from '@shared/engine/projection'
import { formatFen } from '@shared/money'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import {
  callApi,
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
  type ServedApp,
} from './support/browser'

/**
 * The charts in Chromium against the real backend: each renders its series, the today marker,
 * payments and stage bands, and the figures around them are the engine's.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TODAY_LABEL = { 'zh-CN': '今天', en: 'Today' } as const

/** A chart's today line is drawn, and the labels recharts drew (in their own layer). */
async function todayLabel(chart: Locator): Promise<string[]> {
  expect(await chart.locator('.today-line line').count()).toBe(1)
  return chart.locator('.recharts-label').allTextContents()
}

async function seed(app: ServedApp) {
  const today = systemClock.today()
  const disbursedOn = addDays(addMonths(today, -3), 15)
  const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn })
  const payments = [{ paidOn: addDays(today, -10), amountFen: 20_000 }]
  const loan = (await callApi(app, 'loans.create', {
    name: '微粒贷',
    lenderKind: 'webank',
    presetId: 'webank',
    terms,
  })) as { id: number }
  for (const payment of payments)
    await callApi(app, 'payments.add', { loanId: loan.id, ...payment })
  const card = presetTerms('credit_card', {
    principalFen: 500_000,
    disbursedOn: addDays(today, -70),
  })
  await callApi(app, 'loans.create', {
    name: '信用卡',
    lenderKind: 'credit_card',
    presetId: 'credit_card',
    terms: card,
  })
  return { today, terms, payments, loanId: loan.id }
}

async function openPage(app: ServedApp, language: 'zh-CN' | 'en', route: string): Promise<Page> {
  const context = await browser().newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width: 1024, height: 700 },
  })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.goto(`${app.origin}/${route}`)
  return page
}

describe('the charts in Chromium', () => {
  it.each(['zh-CN', 'en'] as const)(
    'draws a loan’s charts with the engine’s figures (%s)',
    async (language) => {
      const app = await serveApp(tempDir())
      try {
        const { today, terms, payments, loanId } = await seed(app)
        const page = await openPage(app, language, `#/loans/${loanId}`)
        const owed = page.getByTestId('owed-chart')
        await owed.locator('.recharts-area').first().waitFor()
        // The five components, stacked; payments; today; the overdue stages.
        for (const key of ['principal', 'interest', 'penalty', 'compound', 'fee']) {
          expect(await owed.locator(`.series-${key}`).count(), key).toBeGreaterThan(0)
        }
        expect(await owed.locator('.payment-marker').count()).toBe(payments.length)
        expect(await todayLabel(owed)).toContain(TODAY_LABEL[language])
        expect(await owed.locator('.stage-band').count()).toBeGreaterThan(0)

        // The summary is the engine's: today, and 90 days on with nothing more paid.
        const now = computeLedger(terms, [], payments, today)
        const later = projectLedger(terms, [], payments, addDays(today, 90))
        const summary = (await owed.locator('figcaption p').textContent()) ?? ''
        expect(summary).toContain(formatFen(now.payoffFen, language))
        expect(summary).toContain(formatFen(later.payoffFen, language))

        // A longer look ahead.
        await page.locator('.segment', { hasText: '365' }).click()
        const yearOn = projectLedger(terms, [], payments, addDays(today, 365))
        await expect
          .poll(() => owed.locator('figcaption p').textContent())
          .toContain(formatFen(yearOn.payoffFen, language))

        const late = page.getByTestId('late-charges-chart')
        expect(await late.locator('.series-late-charges').count()).toBeGreaterThan(0)
        expect(await todayLabel(late)).toContain(TODAY_LABEL[language])
        const charged = now.totals.charged
        expect(await late.locator('figcaption p').textContent()).toContain(
          formatFen(charged.penalty + charged.compound + charged.fee, language),
        )

        // The cost of waiting: the engine's daily cost; a sketched plan as the user sets it.
        expect(await page.getByTestId('waiting-daily').textContent()).toContain(
          formatFen(now.dailyAccrual.fen, language),
        )
        const waiting = page.getByTestId('waiting-chart')
        await waiting.locator('.recharts-bar-rectangle').first().waitFor()
        expect(await waiting.locator('.recharts-bar-rectangle').count()).toBe(6)
        await page.locator('.sketch-form select').selectOption('6')
        await page.locator('.sketch-form input').fill('0.5')
        const plan = sketchPlan(now.payoffFen, 6, addMonths(today, 1), '0.5')
        await expect
          .poll(() => page.getByTestId('waiting-sketch').textContent())
          .toContain(formatFen(plan.totalFen, language))

        expect(await horizontalOverflow(page)).toBe(0)
        expect(await seriousA11yViolations(page)).toEqual([])
        await page.screenshot({ path: screenshotPath(`loan-charts-${language}`), fullPage: true })
        await page.context().close()
      } finally {
        await app.stop()
      }
    },
  )

  it.each(['zh-CN', 'en'] as const)('draws the dashboard’s history (%s)', async (language) => {
    const app = await serveApp(tempDir())
    try {
      await seed(app)
      const page = await openPage(app, language, '#/')
      const owed = page.getByTestId('portfolio-owed-chart')
      await owed.locator('.series-owed').first().waitFor()
      expect(await owed.locator('.series-overdue').count()).toBeGreaterThan(0)
      const late = page.getByTestId('portfolio-late-chart')
      await late.locator('.recharts-bar-rectangle').first().waitFor()
      const series = (await callApi(app, 'portfolio.series', {})) as {
        months: { lateChargedInMonthFen: number; totalOwedFen: number }[]
      }
      const overview = (await callApi(app, 'portfolio.overview', {})) as { totalOwedFen: number }
      // This month's point is today's total, as the overview says.
      expect(series.months.at(-1)?.totalOwedFen).toBe(overview.totalOwedFen)
      expect(await late.locator('.recharts-bar-rectangle').count()).toBe(
        series.months.filter((month) => month.lateChargedInMonthFen > 0).length,
      )
      expect(await horizontalOverflow(page)).toBe(0)
      expect(await seriousA11yViolations(page)).toEqual([])
      await page.screenshot({
        path: screenshotPath(`dashboard-charts-${language}`),
        fullPage: true,
      })
      await page.context().close()
    } finally {
      await app.stop()
    }
  })
})
