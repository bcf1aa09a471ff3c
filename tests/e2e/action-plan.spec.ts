import { describe, expect, it } from 'vitest'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { formatFen } from '@shared/money'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import {
  callApi,
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
} from './support/browser'

/**
 * The action plan in Chromium: the seed's 微粒贷 two months overdue gets its steps with the
 * engine's figures; ticking and skipping items, declaring a hardship, then reloading keeps it all.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const TEXT = {
  'zh-CN': {
    done: '完成',
    skip: '跳过',
    reopen: '重新打开',
    save: '保存情况',
    hardship: '遇到的困难',
  },
  en: {
    done: 'Done',
    skip: 'Skip',
    reopen: 'Reopen',
    save: 'Save situation',
    hardship: 'Hardship',
  },
} as const

describe('the action plan in Chromium', () => {
  it.each(['zh-CN', 'en'] as const)(
    'shows the plan with the engine’s figures, keeps ticks and the situation across a reload (%s)',
    async (language) => {
      const app = await serveApp(tempDir())
      const context = await browser().newContext({
        locale: language === 'en' ? 'en-US' : 'zh-CN',
        viewport: { width: 1024, height: 700 },
      })
      try {
        const today = systemClock.today()
        const terms = presetTerms('webank', {
          principalFen: 1_000_000,
          disbursedOn: addDays(addMonths(today, -3), 15),
        })
        const loan = (await callApi(app, 'loans.create', {
          name: '微粒贷',
          lenderKind: 'webank',
          presetId: 'webank',
          terms,
        })) as { id: number }
        const ledger = computeLedger(terms, [], [], today)
        const text = TEXT[language]

        const page = await context.newPage()
        await page.goto(app.url)
        await page.getByRole('heading', { level: 1 }).waitFor()
        await page.goto(`${app.origin}/#/loans/${loan.id}`)
        const plan = page.getByTestId('action-plan')
        const pay = plan.getByTestId('plan-item-pay-overdue-now')
        await pay.waitFor()
        // The most urgent step first, filled with the loan's own figures.
        expect(await plan.locator('.plan-item').first().getAttribute('data-testid')).toBe(
          'plan-item-pay-overdue-now',
        )
        expect(await pay.textContent()).toContain(formatFen(ledger.overdueFen, language))
        expect(await pay.textContent()).toContain(formatFen(ledger.dailyAccrual.fen, language))
        // Its details, with the source line citing art. 676.
        expect(await pay.locator('.source-note').textContent()).toContain('第六百七十六条')
        const total = await plan.locator('.plan-item').count()
        expect(total).toBe(12)

        // Tick one with a note, skip another.
        const contact = plan.getByTestId('plan-item-contact-lender')
        await contact.locator('input').fill('客服说下周回电')
        await contact.getByRole('button', { name: text.done, exact: true }).click()
        await contact.getByRole('button', { name: text.reopen }).waitFor()
        const family = plan.getByTestId('plan-item-ask-family')
        await family.getByRole('button', { name: text.skip, exact: true }).click()
        await family.getByRole('button', { name: text.reopen }).waitFor()
        await expect.poll(() => plan.getByTestId('plan-progress').textContent()).toContain(`2`)

        // Declare a hardship: the deferral step moves up.
        await plan.getByLabel(text.hardship).selectOption('job_loss')
        await plan.getByRole('button', { name: text.save }).click()
        await expect
          .poll(async () => plan.locator('.plan-item').nth(2).getAttribute('data-testid'))
          .toBe('plan-item-deferral-with-documents')

        expect(await horizontalOverflow(page)).toBe(0)
        expect(await seriousA11yViolations(page)).toEqual([])
        await plan.scrollIntoViewIfNeeded()
        await page.screenshot({ path: screenshotPath(`action-plan-${language}`), fullPage: true })

        // Reload: the ticks, the note and the situation are still there.
        await page.reload()
        await plan.getByTestId('plan-item-contact-lender').waitFor()
        const again = plan.getByTestId('plan-item-contact-lender')
        expect(await again.getAttribute('class')).toContain('plan-item-done')
        expect(await again.locator('input').inputValue()).toBe('客服说下周回电')
        expect(await plan.getByTestId('plan-item-ask-family').getAttribute('class')).toContain(
          'plan-item-skipped',
        )
        expect(await plan.getByLabel(text.hardship).inputValue()).toBe('job_loss')
        const saved = (await callApi(app, 'checklist.get', { loanId: loan.id })) as {
          progress: { done: number; skipped: number }
        }
        expect(saved.progress).toMatchObject({ done: 1, skipped: 1 })
      } finally {
        await context.close()
        await app.stop()
      }
    },
  )
})
