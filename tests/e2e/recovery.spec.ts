import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import { horizontalOverflow, screenshotPath, serveApp, useBrowser } from './support/browser'

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

describe('a damaged database', () => {
  it('opens on the recovery screen, leaves the file alone, and restores the daily backup', async () => {
    const dataDir = tempDir()
    // A first start creates the database and its daily backup.
    await (await serveApp(dataDir)).stop()
    const file = join(dataDir, 'repaypath.sqlite3')
    const bytes = readFileSync(file)
    bytes.fill(0x42, 0, 100) // the header
    bytes.fill(0x42, 5_000, 9_000) // and part of the tables
    writeFileSync(file, bytes)
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')

    const app = await serveApp(dataDir)
    try {
      for (const [locale, title, restore] of [
        ['en-US', 'The database cannot be opened', 'Restore this backup'],
        ['zh-CN', '无法打开数据库', '恢复这个备份'],
      ] as const) {
        const context = await browser().newContext({
          locale,
          viewport: { width: 1024, height: 700 },
        })
        const page = await context.newPage()
        await page.goto(app.url)
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title)
        // The backups arrive with their own request, after the heading.
        await page.getByRole('button', { name: restore }).first().waitFor()
        expect(await seriousA11yViolations(page)).toEqual([])
        expect(await horizontalOverflow(page)).toBe(0)
        await page.screenshot({
          path: screenshotPath(`recovery-${locale.startsWith('zh') ? 'zh-CN' : 'en'}`),
        })
        if (locale === 'en-US') {
          expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
          await context.close()
          continue
        }
        await page.getByRole('button', { name: restore }).first().click()
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).textContent())
          .toBe('还款总览')
        await context.close()
      }
    } finally {
      await app.stop()
    }
  })
})
