import { describe, expect, it } from 'vitest'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { formatFen } from '@shared/money'
import { useTempDir } from '../support/temp-dir'
import { callApi, screenshotPath, serveApp, useBrowser } from './support/browser'

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const api = callApi

describe('the dashboard with a loan', () => {
  it('shows a WeBank loan two months overdue as M2 with the engine’s amounts, then current once paid', async () => {
    const today = systemClock.today()
    // First installment due a month after disbursement: 46 days before today → code 2 (M2).
    const disbursedOn = addDays(addMonths(today, -3), 15)
    const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn })
    const ledger = computeLedger(terms, [], [], today)
    expect(ledger.stage.label).toBe('M2')

    const app = await serveApp(tempDir())
    try {
      const loan = (await api(app, 'loans.create', {
        name: '微粒贷',
        lender: '微众银行',
        lenderKind: 'webank',
        presetId: 'webank',
        terms,
      })) as {
        id: number
      }
      for (const [locale, language] of [
        ['zh-CN', 'zh-CN'],
        ['en-US', 'en'],
      ] as const) {
        const context = await browser().newContext({
          locale,
          viewport: { width: 1024, height: 700 },
        })
        const page = await context.newPage()
        await page.goto(app.url)
        const row = page.getByTestId(`loan-row-${loan.id}`)
        await row.waitFor()
        expect(await row.locator('.stage-badge').textContent()).toBe('M2')
        expect(await row.textContent()).toContain(formatFen(ledger.dueNowFen, language))
        expect(await page.getByTestId('overdue-now').textContent()).toBe(
          formatFen(ledger.overdueFen, language),
        )
        expect(await page.getByTestId('each-day-adds').textContent()).toBe(
          formatFen(ledger.dailyAccrual.fen, language),
        )
        expect(await page.getByTestId('total-owed').textContent()).toBe(
          formatFen(ledger.payoffFen, language),
        )
        await page.screenshot({
          path: screenshotPath(`dashboard-loan-${language}`),
          fullPage: true,
        })
        await context.close()
      }

      await api(app, 'payments.add', {
        loanId: loan.id,
        paidOn: today,
        amountFen: ledger.dueNowFen,
      })
      const after = computeLedger(
        terms,
        [],
        [{ paidOn: today, amountFen: ledger.dueNowFen }],
        today,
      )
      const context = await browser().newContext({ locale: 'zh-CN' })
      const page = await context.newPage()
      await page.goto(app.url)
      const row = page.getByTestId(`loan-row-${loan.id}`)
      await row.waitFor()
      expect(await row.locator('.stage-badge').textContent()).toBe('正常')
      expect(await page.getByTestId('overdue-now').textContent()).toBe(
        formatFen(after.overdueFen, 'zh-CN'),
      )

      // The Loans page lists it too; archived, it shows only when asked for.
      await api(app, 'loans.archive', { id: loan.id, archived: true })
      await page.goto(`${app.origin}/#/loans`)
      await page.getByRole('heading', { level: 1, name: '贷款' }).waitFor()
      await page.getByText('还没有贷款').waitFor()
      await page.getByRole('checkbox', { name: '显示已归档的贷款' }).check()
      await page.getByTestId(`loan-row-${loan.id}`).getByText('已归档').waitFor()
      await page.screenshot({ path: screenshotPath('loans-archived-zh-CN'), fullPage: true })
      await context.close()
    } finally {
      await app.stop()
    }
  })
})
