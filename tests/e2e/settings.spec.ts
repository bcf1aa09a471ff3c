import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
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

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

const api = callApi

interface Backup {
  name: string
  reason: string
}

interface ExportDocument {
  format: string
  loans: { id: number; name: string }[]
  payments: { id: number; loanId: number; amountFen: number }[]
  [key: string]: unknown
}

/** A WeBank loan two months overdue with one payment, as the dashboard spec makes it. */
async function seedLoan(app: ServedApp, name: string): Promise<number> {
  const today = systemClock.today()
  const disbursedOn = addDays(addMonths(today, -3), 15)
  const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn })
  const loan = (await api(app, 'loans.create', {
    name,
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms,
  })) as { id: number }
  await api(app, 'payments.add', { loanId: loan.id, paidOn: today, amountFen: 20_000 })
  return loan.id
}

async function openSettings(app: ServedApp, locale: string): Promise<Page> {
  const context = await browser().newContext({
    locale,
    viewport: { width: 1024, height: 700 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.goto(`${app.origin}/#/settings`)
  return page
}

/** Picks a file through the import button, as a user would through the file chooser. */
async function chooseImportFile(page: Page, buttonName: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: buttonName }).click()
  await (await chooser).setFiles(path)
}

/** The texts of a toast once it shows (title and detail). */
async function toastText(page: Page, title: string): Promise<string> {
  const toast = page.locator('.toast').filter({ hasText: title })
  await toast.first().waitFor()
  return (await toast.first().textContent()) ?? ''
}

describe('the Settings screen', () => {
  it('backs up, exports, imports a changed export and restores the backup from before (zh-CN)', async () => {
    const dir = tempDir()
    const app = await serveApp(dir)
    try {
      const loanId = await seedLoan(app, '微粒贷')
      const page = await openSettings(app, 'zh-CN')
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('设置')
      await expect.poll(() => page.getByTestId('data-folder').textContent()).toBe(app.dataDir)
      expect(await page.getByTestId('about').textContent()).toMatch(
        /^还款路径 · 版本 \d+\.\d+\.\d+ · 浏览器模式$/,
      )

      // ── Back up now: the new manual backup heads the list.
      const before = (await api(app, 'backup.list', {})) as Backup[]
      await page.getByRole('button', { name: '立即备份' }).click()
      const createdToast = await toastText(page, '已备份')
      const after = (await api(app, 'backup.list', {})) as Backup[]
      expect(after).toHaveLength(before.length + 1)
      const manual = after.find((backup) => !before.some((b) => b.name === backup.name))!
      expect(manual.reason).toBe('manual')
      expect(createdToast).toContain(manual.name)
      const rows = page.getByTestId('backup-table').locator('tbody tr')
      await expect.poll(() => rows.count()).toBe(after.length)
      const manualRow = page.getByTestId(`backup-${manual.name}`)
      expect(await manualRow.textContent()).toContain('手动')
      expect(await manualRow.textContent()).toMatch(/\d+(\.\d)? kB/)
      // Newest first.
      expect(await rows.first().getAttribute('data-testid')).toBe(`backup-${manual.name}`)

      // ── Export JSON: a dated file holding the loan.
      const jsonDownload = page.waitForEvent('download')
      await page.getByRole('button', { name: '导出全部数据（JSON）' }).click()
      const json = await jsonDownload
      expect(json.suggestedFilename()).toBe(`repaypath-export-${systemClock.today()}.json`)
      const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as ExportDocument
      expect(exported.format).toBe('repaypath-export')
      expect(exported.loans.map((loan) => [loan.id, loan.name])).toEqual([[loanId, '微粒贷']])
      expect(exported.payments).toHaveLength(1)

      // ── Export CSV: the payments, with a BOM for Excel.
      const csvDownload = page.waitForEvent('download')
      await page.getByRole('button', { name: '导出还款记录（CSV）' }).click()
      const csv = await csvDownload
      expect(csv.suggestedFilename()).toMatch(/^repaypath-payments-\d{4}-\d{2}-\d{2}\.csv$/)
      const csvText = readFileSync(await csv.path(), 'utf8')
      expect(csvText.startsWith('\uFEFF')).toBe(true)
      expect(csvText.trim().split(/\r?\n/)).toHaveLength(2) // header + the one payment

      // ── A file that is not JSON gets a clear error, and no dialog.
      const notJson = join(dir, 'notes.json')
      writeFileSync(notJson, 'this is not json')
      await chooseImportFile(page, '选择导出文件…', notJson)
      await page.getByRole('alert').filter({ hasText: '不是 JSON 文件' }).waitFor()
      expect(await page.getByTestId('import-preview').count()).toBe(0)
      const notExport = join(dir, 'other.json')
      writeFileSync(notExport, JSON.stringify({ format: 'something-else', loans: [] }))
      await chooseImportFile(page, '选择导出文件…', notExport)
      await page
        .getByRole('alert')
        .filter({ hasText: '“other.json”不是 RepayPath 的导出文件' })
        .waitFor()
      expect(await page.getByTestId('import-preview').count()).toBe(0)

      // ── A file the preview finds problems in cannot be imported.
      const broken = join(dir, 'broken.json')
      writeFileSync(
        broken,
        JSON.stringify({
          ...exported,
          payments: exported.payments.map((payment) => ({ ...payment, loanId: 999 })),
        }),
      )
      await chooseImportFile(page, '选择导出文件…', broken)
      const brokenDialog = page.getByTestId('import-preview')
      await brokenDialog.waitFor()
      await brokenDialog.getByTestId('import-problems').waitFor()
      expect(await brokenDialog.getByTestId('import-problems').textContent()).toContain('999')
      expect(await brokenDialog.getByRole('button', { name: '替换并导入' }).isDisabled()).toBe(true)
      await brokenDialog.getByRole('button', { name: '取消' }).click()
      await brokenDialog.waitFor({ state: 'detached' })

      // ── Import a changed export: the loan renamed, its payment gone.
      const changed = join(dir, 'changed.json')
      writeFileSync(
        changed,
        JSON.stringify({
          ...exported,
          loans: exported.loans.map((loan) => ({ ...loan, name: '微粒贷（已改名）' })),
          payments: [],
        }),
      )
      await chooseImportFile(page, '选择导出文件…', changed)
      const dialog = page.getByTestId('import-preview')
      await dialog.waitFor()
      expect(await dialog.textContent()).toContain('导入会删除现有的全部数据')
      expect(await dialog.textContent()).toContain('changed.json')
      const counts = async (kind: string) =>
        (await dialog.getByTestId(`import-count-${kind}`).locator('td').allTextContents()).map(
          Number,
        )
      expect(await counts('loans')).toEqual([1, 1])
      expect(await counts('payments')).toEqual([1, 0])
      expect(await counts('events')).toEqual([0, 0])
      expect(await dialog.getByTestId('import-problems').count()).toBe(0)
      expect(await seriousA11yViolations(page)).toEqual([])
      // The earlier toasts (backed up, exported) time out first: a tidy picture of the dialog.
      await expect.poll(() => page.locator('.toast').count(), { timeout: 10_000 }).toBe(0)
      await page.screenshot({ path: screenshotPath('settings-import-preview-zh-CN') })

      await dialog.getByRole('button', { name: '替换并导入' }).click()
      const importedToast = await toastText(page, '已导入')
      await dialog.waitFor({ state: 'detached' })
      const afterImport = (await api(app, 'backup.list', {})) as Backup[]
      const preImport = afterImport.find((backup) => backup.reason === 'pre-import')!
      expect(importedToast).toContain(preImport.name)
      // The list refetched: the pre-import backup shows.
      await page.getByTestId(`backup-${preImport.name}`).getByText('导入前').waitFor()

      await page.getByRole('link', { name: '贷款', exact: true }).click()
      await page.getByTestId(`loan-row-${loanId}`).getByText('微粒贷（已改名）').waitFor()

      // ── Restore the backup from before the import: the original name is back.
      await page.getByRole('link', { name: '设置', exact: true }).click()
      const restoreRow = page.getByTestId(`backup-${manual.name}`)
      await restoreRow.getByRole('button', { name: /^恢复/ }).click()
      const confirm = page.getByTestId('confirm-dialog')
      await confirm.waitFor()
      expect(await confirm.textContent()).toContain('安全副本')
      expect(await confirm.textContent()).toContain('手动')
      await confirm.getByRole('button', { name: '恢复备份' }).click()
      const restoredToast = await toastText(page, '已恢复备份')
      await confirm.waitFor({ state: 'detached' })
      const afterRestore = (await api(app, 'backup.list', {})) as Backup[]
      const safetyCopy = afterRestore.find((backup) => backup.reason === 'pre-restore')!
      expect(restoredToast).toContain(safetyCopy.name)
      await page.getByTestId(`backup-${safetyCopy.name}`).waitFor()

      await page.getByRole('link', { name: '贷款', exact: true }).click()
      const loanRow = page.getByTestId(`loan-row-${loanId}`)
      // The list refetches (it was invalidated by the restore): the original name comes back.
      await expect.poll(() => loanRow.textContent()).not.toContain('已改名')
      expect(await loanRow.textContent()).toMatch(/^微粒贷 · 微众银行/)
      const restored = (await api(app, 'data.export', {})) as ExportDocument
      expect(restored.loans.map((loan) => loan.name)).toEqual(['微粒贷'])
      expect(restored.payments).toHaveLength(1)

      // ── The screen itself: accessible, nothing wider than a 1024×700 window.
      await page.getByRole('link', { name: '设置', exact: true }).click()
      await page.getByTestId('backup-table').waitFor()
      // Let the toasts time out, so the screenshot shows the screen itself.
      await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 10_000 })
      expect(await seriousA11yViolations(page)).toEqual([])
      expect(await horizontalOverflow(page)).toBe(0)
      await page.screenshot({ path: screenshotPath('settings-zh-CN'), fullPage: true })
      await page.context().close()
    } finally {
      await app.stop()
    }
  }, 120_000)

  it('is accessible and fits the window in English, the import preview too', async () => {
    const dir = tempDir()
    const app = await serveApp(dir)
    try {
      await seedLoan(app, 'WeBank loan')
      await api(app, 'backup.create', {})
      const exported = await api(app, 'data.export', {})
      const file = join(dir, 'repaypath-export.json')
      writeFileSync(file, JSON.stringify(exported))

      const page = await openSettings(app, 'en-US')
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Settings')
      await page
        .getByTestId('backup-table')
        .getByRole('cell', { name: 'manual', exact: true })
        .waitFor()
      expect(await page.getByTestId('about').textContent()).toMatch(
        /^RepayPath · Version \d+\.\d+\.\d+ · Browser mode$/,
      )
      expect(await seriousA11yViolations(page)).toEqual([])
      expect(await horizontalOverflow(page)).toBe(0)
      await page.screenshot({ path: screenshotPath('settings-en'), fullPage: true })
      await page.emulateMedia({ colorScheme: 'dark' })
      expect(await horizontalOverflow(page)).toBe(0)
      await page.screenshot({ path: screenshotPath('settings-en-dark'), fullPage: true })
      await page.emulateMedia({ colorScheme: 'light' })

      await chooseImportFile(page, 'Choose an export file…', file)
      const dialog = page.getByTestId('import-preview')
      await dialog.waitFor()
      expect(await dialog.textContent()).toContain('nothing is merged')
      expect(await seriousA11yViolations(page)).toEqual([])
      await page.screenshot({ path: screenshotPath('settings-import-preview-en') })
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await dialog.waitFor({ state: 'detached' })
      await page.context().close()
    } finally {
      await app.stop()
    }
  })
})
