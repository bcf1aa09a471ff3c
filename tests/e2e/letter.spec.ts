import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { SOURCES } from '@shared/engine/sources'
import { formatFen } from '@shared/money'
import { buildLetter, evenPlan, letterFigures } from '@shared/playbook/letter'
import { rightsFor } from '@shared/playbook/rights'
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
 * The negotiation letter and "know your rights" in Chromium against browser mode: a 微粒贷 loan
 * two months overdue; the letter carries the engine's figures, the hardship typed and the plan;
 * it can be edited and copied; "save as PDF" prints (browser mode has no printToPDF), and the
 * print stylesheet leaves the letter alone on the page, which Chromium turns into a PDF.
 */

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const PDF_DIR = join(__dirname, '../..', 'test-results')

const TEXT = {
  'zh-CN': {
    open: '协商还款申请书',
    name: '你的姓名',
    hardship: '逾期的原因',
    hardshipText: '今年三月公司裁员，我失去了工作，现在靠打零工维持，每月收入约三千元。',
    copy: '复制',
    copied: '申请书已复制',
    savePdf: '保存为 PDF',
    edited: '你已修改申请书正文',
    rebuild: '按上面的内容重新生成',
    ready: '已备好 2/6',
    months: '分12期按月还款',
    article: '民法典 第六百七十六条',
  },
  en: {
    open: 'Negotiation letter',
    name: 'Your name',
    hardship: 'Why the loan fell behind',
    hardshipText:
      'I lost my job in March when my company cut staff; I now earn about 3,000 a month.',
    copy: 'Copy',
    copied: 'Letter copied',
    savePdf: 'Save as PDF',
    edited: 'You have edited the letter',
    rebuild: 'Rebuild it from the above',
    ready: '2 of 6 ready',
    months: '12 monthly installments',
    article: '民法典 第六百七十六条',
  },
} as const
type Language = keyof typeof TEXT

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

async function expectFits(page: Page, screen: string): Promise<void> {
  expect(await horizontalOverflow(page), `${screen} is wider than the window`).toBe(0)
}

async function seed(app: ServedApp) {
  const today = systemClock.today()
  // First installment a month after disbursement, 46 days before today: M2 (31–60 days).
  const disbursedOn = addDays(addMonths(today, -3), 15)
  const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn })
  const ledger = computeLedger(terms, [], [], today)
  expect(ledger.stage.label).toBe('M2')
  const loan = (await callApi(app, 'loans.create', {
    name: '微粒贷',
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms,
  })) as { id: number }
  return { today, terms, ledger, loanId: loan.id }
}

async function run(app: ServedApp, language: Language): Promise<void> {
  const text = TEXT[language]
  const { today, terms, ledger, loanId } = await seed(app)
  const context = await browser().newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width: 1024, height: 700 },
    colorScheme: 'light',
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin })
  const page = await context.newPage()
  try {
    await page.goto(app.url)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.goto(`${app.origin}/#/loans/${loanId}`)

    // Know your rights: WeBank's rules, each with its source line; overdue interest is art. 676.
    const rights = page.getByTestId('rights')
    await rights.waitFor()
    const expected = rightsFor('webank')
    expect(await rights.locator('.rights-item').count()).toBe(expected.length)
    expect(await rights.locator('.rights-item .source-note').count()).toBeGreaterThanOrEqual(
      expected.length,
    )
    for (const right of expected) {
      // The source line, and a warning when a source is uncertain.
      const item = rights.getByTestId(`right-${right.id}`)
      const uncertain = right.sources.some((id) => SOURCES[id].confidence === 'U')
      expect(await item.locator('.source-note').count(), right.id).toBe(uncertain ? 2 : 1)
      const line = (await item.locator('.source-note').first().textContent()) ?? ''
      for (const id of right.sources) expect(line).toContain(SOURCES[id].reference)
    }
    const overdue = rights.getByTestId('right-overdue-interest')
    expect(await overdue.textContent()).toContain('676')
    expect(await overdue.locator('.source-note').textContent()).toContain(text.article)
    expect(await rights.textContent()).not.toContain('六百七十五')
    expect(await rights.getByTestId('right-card-penalty-fee').count()).toBe(0)
    await expectNoSeriousViolations(page, 'loan page with rights')
    await expectFits(page, 'loan page with rights')
    await rights.scrollIntoViewIfNeeded()
    await rights.screenshot({ path: screenshotPath(`rights-${language}`) })

    // The letter, drafted from the engine's figures.
    const section = page.locator('.letter-section')
    await section.scrollIntoViewIfNeeded()
    await section.screenshot({ path: screenshotPath(`letter-section-${language}`) })
    await page.getByRole('button', { name: text.open, exact: true }).click()
    const dialog = page.getByTestId('letter-dialog')
    await dialog.waitFor()
    await dialog.getByLabel(text.name, { exact: true }).fill('张三')
    await dialog.getByLabel(text.hardship, { exact: true }).fill(text.hardshipText)
    const letterText = dialog.getByTestId('letter-text')
    await expect.poll(() => letterText.inputValue()).toContain(text.hardshipText)

    const plan = evenPlan(ledger.payoffFen, 12, addMonths(today, 1))
    const expectedLetter = buildLetter(
      {
        loanName: '微粒贷',
        lender: '微众银行',
        lenderKind: 'webank',
        borrowerName: '张三',
        figures: letterFigures(terms, ledger),
        hardship: text.hardshipText,
        plan,
      },
      language,
    )
    const body = await letterText.inputValue()
    expect(body).toContain(formatFen(ledger.overdueFen, language))
    expect(body).toContain(formatFen(ledger.payoffFen, language))
    expect(body).toContain(String(ledger.daysOverdue))
    expect(body).toContain(text.months)
    expect(body).toContain(formatFen(plan.monthlyFen, language))
    expect(body).toContain('张三')
    expect(body).toBe(expectedLetter.body)
    expect(await dialog.getByTestId('letter-plan-summary').textContent()).toContain(
      formatFen(ledger.payoffFen, language),
    )

    // Edited by hand, the letter keeps the edit; the documents are ticked off as gathered.
    await letterText.press('Control+End')
    await letterText.pressSequentially('\nP.S. 138-0000-0000')
    await dialog.getByText(text.edited).waitFor()
    await dialog.getByLabel(text.hardship, { exact: true }).fill(`${text.hardshipText} 2`)
    expect(await letterText.inputValue()).toBe(`${expectedLetter.body}\nP.S. 138-0000-0000`)
    const documents = dialog.locator('.letter-document')
    expect(await documents.count()).toBe(6)
    await documents.nth(0).click()
    await documents.nth(5).click()
    await dialog.getByText(text.ready).waitFor()

    await expectNoSeriousViolations(page, 'letter dialog')
    await expectFits(page, 'letter dialog')
    // The form at the top of the dialog; then the letter from its first line.
    await dialog.locator('.dialog-title').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath(`letter-form-${language}`) })
    await page.evaluate(() => {
      document.querySelector('[data-testid="letter-text"]')!.scrollTop = 0
      document.querySelector('.letter-draft')!.scrollIntoView({ block: 'start' })
    })
    await page.screenshot({ path: screenshotPath(`letter-${language}`) })
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectNoSeriousViolations(page, 'letter dialog, dark')
    await page.screenshot({ path: screenshotPath(`letter-${language}-dark`) })
    await page.emulateMedia({ colorScheme: 'light' })

    // Copy: the title and the text as edited.
    await dialog.getByRole('button', { name: text.copy, exact: true }).click()
    await page.getByText(text.copied).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`${expectedLetter.title}\n\n${expectedLetter.body}\nP.S. 138-0000-0000`)

    // Save as PDF in browser mode: the API says it cannot, so the page prints instead.
    await expect(
      callApi(app, 'letter.savePdf', { title: 't', body: 'b', language }),
    ).rejects.toThrow('unsupported')
    await page.evaluate(() => {
      const counter = window as unknown as { printCalls: number }
      counter.printCalls = 0
      window.print = () => {
        counter.printCalls += 1
      }
    })
    await dialog.getByRole('button', { name: text.savePdf, exact: true }).click()
    expect(
      await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls),
    ).toBe(1)

    // What printing shows: the letter alone, as edited.
    await page.emulateMedia({ media: 'print' })
    const printed = page.getByTestId('letter-print')
    expect(await printed.isVisible()).toBe(true)
    expect(await page.locator('#root').isVisible()).toBe(false)
    expect(await dialog.isVisible()).toBe(false)
    expect(await printed.locator('h1').textContent()).toBe(expectedLetter.title)
    expect(await printed.locator('.letter-print-body').textContent()).toBe(
      `${expectedLetter.body}\nP.S. 138-0000-0000`,
    )
    await page.screenshot({ path: screenshotPath(`letter-print-${language}`), fullPage: true })
    mkdirSync(PDF_DIR, { recursive: true })
    const pdfPath = join(PDF_DIR, `letter-${language}.pdf`)
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true })
    const pdf = readFileSync(pdfPath)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(statSync(pdfPath).size).toBeGreaterThan(5_000)
    expect(statSync(pdfPath).size).toBeLessThan(5_000_000)
    // One or two A4 pages: the letter, not the whole app.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
    expect(pages.length).toBeGreaterThanOrEqual(1)
    expect(pages.length).toBeLessThanOrEqual(2)
    await page.emulateMedia({ media: 'screen' })
    expect(await printed.isVisible()).toBe(false)
  } finally {
    await context.close()
  }
}

describe('the negotiation letter and know-your-rights in Chromium', () => {
  it.each(['zh-CN', 'en'] as const)(
    'in %s: draft the letter from a 微粒贷 loan two months overdue, edit, copy, print it as a PDF',
    async (language) => {
      const app = await serveApp(tempDir())
      try {
        await run(app, language)
      } finally {
        await app.stop()
      }
    },
  )
})
