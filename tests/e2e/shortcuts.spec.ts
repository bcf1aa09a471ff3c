import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, systemClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { callApi, serveApp, useBrowser, type ServedApp } from './support/browser'

/**
 * The menu's shortcuts in browser mode (no Electron menu: the page binds them itself), against
 * `npm run serve` with one 微粒贷 loan made through the API: Ctrl+N opens the add-loan form,
 * Ctrl+Shift+P on a loan's page opens its payment dialog (elsewhere: the loans list and a
 * note), Ctrl+B takes a backup, Ctrl+E exports everything; none of them fires while typing.
 */

const browser = useBrowser()
let app: ServedApp
let dataDir: string
let loanId: number

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'repaypath-e2e-'))
  app = await serveApp(dataDir)
  const disbursedOn = addDays(addMonths(systemClock.today(), -3), 15)
  const loan = (await callApi(app, 'loans.create', {
    name: '微粒贷',
    lender: '微众银行',
    lenderKind: 'webank',
    presetId: 'webank',
    terms: presetTerms('webank', { principalFen: 1_000_000, disbursedOn }),
  })) as { id: number }
  loanId = loan.id
})

afterAll(async () => {
  await app?.stop()
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
})

async function openApp(route = '#/'): Promise<Page> {
  const context = await browser().newContext({
    locale: 'en-US',
    viewport: { width: 1024, height: 700 },
  })
  const page = await context.newPage()
  await page.goto(app.url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  if (route !== '#/') {
    await page.goto(`${app.origin}/${route}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
  }
  return page
}

const hash = (page: Page) => new URL(page.url()).hash
const backupCount = async () => ((await callApi(app, 'backup.list', {})) as unknown[]).length

describe('the menu shortcuts in browser mode', () => {
  it('Ctrl+N opens the add-loan form from the overview', async () => {
    const page = await openApp()
    await page.keyboard.press('Control+N')
    await page.getByTestId('loan-form').waitFor()
    expect(hash(page)).toBe('#/loans?new=1')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Loans')

    // Closing the form drops the request, so it does not open again on its own.
    await page.keyboard.press('Escape')
    await page.getByTestId('loan-form').waitFor({ state: 'detached' })
    expect(hash(page)).toBe('#/loans')
    await page.keyboard.press('Control+N')
    await page.getByTestId('loan-form').waitFor()
    await page.context().close()
  })

  it('Ctrl+Shift+P opens the payment dialog on a loan page, and asks for a loan elsewhere', async () => {
    const page = await openApp(`#/loans/${loanId}`)
    const logPayment = page.getByRole('button', { name: 'Log a payment' })
    await expect.poll(() => logPayment.isEnabled()).toBe(true)
    await page.keyboard.press('Control+Shift+P')
    const dialog = page.getByTestId('payment-form')
    await dialog.waitFor()
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Log a payment: 微粒贷',
    )
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(hash(page)).toBe(`#/loans/${loanId}`)

    // With a dialog open, a command does not replace it.
    await logPayment.click()
    await dialog.waitFor()
    const before = await backupCount()
    await dialog.getByRole('heading', { level: 2 }).click()
    await page.keyboard.press('Control+B')
    await page.getByText('Close the open dialog first').waitFor()
    expect(await backupCount()).toBe(before)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    await page.goto(`${app.origin}/#/`)
    await page.getByRole('heading', { level: 1, name: 'Repayment overview' }).waitFor()
    await page.keyboard.press('Control+Shift+P')
    await page.getByText('Choose a loan first').waitFor()
    expect(hash(page)).toBe('#/loans')
    expect(await page.getByTestId('payment-form').count()).toBe(0)
    await page.context().close()
  })

  it('Ctrl+B takes a backup, and Ctrl+E exports everything from Settings', async () => {
    const page = await openApp()
    const before = await backupCount()
    await page.keyboard.press('Control+B')
    await expect.poll(backupCount).toBe(before + 1)
    await page.getByText('Backed up', { exact: true }).waitFor()

    const download = page.waitForEvent('download')
    await page.keyboard.press('Control+E')
    expect((await download).suggestedFilename()).toMatch(/^repaypath-export-\d{4}-\d\d-\d\d\.json$/)
    expect(hash(page)).toBe('#/settings')
    await page.context().close()
  })

  it('does nothing while the user types in a field', async () => {
    const page = await openApp('#/planner')
    const budget = page.getByLabel('Monthly budget (yuan)')
    await budget.click()
    await page.keyboard.type('12')
    const before = await backupCount()
    for (const keys of ['Control+N', 'Control+Shift+P', 'Control+B', 'Control+E']) {
      await page.keyboard.press(keys)
    }
    await page.keyboard.type('3')
    expect(await budget.inputValue()).toBe('123')
    expect(hash(page)).toBe('#/planner')
    expect(await page.getByTestId('loan-form').count()).toBe(0)
    expect(await backupCount()).toBe(before)

    // The same key outside the field works: the check above could have failed.
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('Control+B')
    await expect.poll(backupCount).toBe(before + 1)
    await page.context().close()
  })
})
