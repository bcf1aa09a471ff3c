import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../support/temp-dir'
import { seriousA11yViolations } from './support/axe'
import {
  horizontalOverflow,
  screenshotPath,
  serveApp,
  useBrowser,
  type ServedApp,
} from './support/browser'

const tempDir = useTempDir('repaypath-e2e-')
const browser = useBrowser()

async function withApp(run: (app: ServedApp) => Promise<void>): Promise<void> {
  const app = await serveApp(tempDir())
  try {
    await run(app)
  } finally {
    await app.stop()
  }
}

async function openPage(locale: string): Promise<Page> {
  const context = await browser().newContext({ locale, viewport: { width: 1024, height: 700 } })
  return context.newPage()
}

const SCREENS = [
  { route: '#/', name: 'dashboard' },
  { route: '#/loans', name: 'loans' },
  { route: '#/settings', name: 'settings' },
] as const

describe('the served app in Chromium', () => {
  it.each([
    ['zh-CN', '还款总览', ['总览', '贷款', '设置']],
    ['en-US', 'Repayment overview', ['Overview', 'Loans', 'Settings']],
  ])('shows the dashboard in %s from the system language', async (locale, heading, navLabels) => {
    await withApp(async (app) => {
      const page = await openPage(locale)
      await page.goto(app.url)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading)
      for (const label of navLabels) {
        expect(await page.getByRole('link', { name: label, exact: true }).count()).toBe(1)
      }
      // The dashboard already talks to the API: it shows the data folder app.info reports.
      await expect.poll(() => page.getByTestId('data-dir').textContent()).toContain(app.dataDir)
      expect(existsSync(join(app.dataDir, 'repaypath.sqlite3'))).toBe(true)
      // The token moved out of the address bar.
      expect(page.url()).not.toContain('token=')

      const language = locale.startsWith('zh') ? 'zh-CN' : 'en'
      for (const screen of SCREENS) {
        await page.goto(`${app.origin}/${screen.route}`)
        await page.getByRole('heading', { level: 1 }).waitFor()
        expect(await seriousA11yViolations(page), screen.name).toEqual([])
        expect(await horizontalOverflow(page), screen.name).toBe(0)
        await page.screenshot({
          path: screenshotPath(`empty-${screen.name}-${language}`),
          fullPage: true,
        })
      }
      await page.context().close()
    })
  })

  it('remembers the language chosen in Settings across reloads and new windows', async () => {
    await withApp(async (app) => {
      const page = await openPage('en-US')
      await page.goto(app.url)
      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByRole('radio', { name: '简体中文' }).check()
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('设置')
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')

      await page.reload()
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('设置')

      const fresh = await openPage('en-US')
      await fresh.goto(app.url)
      await expect
        .poll(() => fresh.getByRole('heading', { level: 1 }).textContent())
        .toBe('还款总览')
      await page.context().close()
      await fresh.context().close()
    })
  })

  it('shows the typed error when the API refuses a call (no token)', async () => {
    await withApp(async (app) => {
      const page = await openPage('en-US')
      await page.goto(`${app.origin}/`)
      const alert = page.getByRole('alert')
      await expect.poll(() => alert.textContent()).toContain('The access token is missing or wrong')
      await page.context().close()
    })
  })
})
