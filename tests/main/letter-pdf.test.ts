import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fixedClock } from '@shared/dates'
import type { LetterPdfInput } from '@shared/api/letter-schema'
import { ipcChannel } from '@shared/api/methods'
import { startBackend } from '../../src/main/backend'
import { dispatch } from '../../src/main/handlers'
import {
  escapeHtml,
  letterHtml,
  PDF_WEB_PREFERENCES,
  pdfFileName,
  saveLetterPdf,
} from '../../src/main/electron/letter-pdf'
import { APP_ENTRY_URL, WEB_PREFERENCES } from '../../src/main/electron/security'
import { useTempDir } from '../support/temp-dir'

/**
 * The letter's PDF in the desktop app, with `electron` replaced by a recorder: the hidden window
 * it prints in is locked down, the text is escaped, the file lands where the save dialog says,
 * and cancelling writes nothing. And the same method in browser mode: a typed refusal.
 */
const fake = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>
    url: string | null
    destroyed: boolean
    printOptions: unknown
  }[],
  saveChoice: { canceled: false, filePath: '' as string | undefined },
  dialogCalls: [] as unknown[][],
  printFails: false,
  paths: { userData: '', documents: '' },
  ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
}))

const PDF_BYTES = Buffer.from('%PDF-1.7\n% a fake PDF\n%%EOF\n')

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class BrowserWindow extends EventEmitter {
    private readonly record: (typeof fake.windows)[number]
    readonly webContents: { printToPDF: (options: unknown) => Promise<Buffer> }
    constructor(options: Record<string, unknown>) {
      super()
      const record = {
        options,
        url: null as string | null,
        destroyed: false,
        printOptions: null as unknown,
      }
      this.record = record
      fake.windows.push(record)
      this.webContents = {
        printToPDF: async (printOptions: unknown) => {
          if (fake.printFails) throw new Error('printing failed')
          record.printOptions = printOptions
          return PDF_BYTES
        },
      }
    }
    async loadURL(url: string) {
      this.record.url = url
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: 'userData' | 'documents') => fake.paths[name],
    getAppPath: () => process.cwd(),
    isPackaged: true,
    quit: () => undefined,
    getVersion: () => '0.1.0',
    getLocale: () => 'en-US',
    setAboutPanelOptions: () => undefined,
  })
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 }
  return {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined },
    screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) =>
        fake.ipc.set(channel, listener),
    },
    dialog: {
      showErrorBox: () => undefined,
      showSaveDialog: async (...args: unknown[]) => {
        fake.dialogCalls.push(args)
        return fake.saveChoice
      },
    },
  }
})

const tempDir = useTempDir()

const LETTER: LetterPdfInput = {
  title: '协商还款申请书',
  body: '致：微众银行\n\n申请人：<b>张三</b> & "李四"\n<script>alert(1)</script>\n逾期未还金额为¥2,335.00',
  language: 'zh-CN',
}

afterEach(() => {
  fake.windows = []
  fake.dialogCalls = []
  fake.printFails = false
})

/** The HTML the hidden window was given, decoded from its data: URL. */
function loadedHtml(url: string | null): string {
  const prefix = 'data:text/html;charset=utf-8,'
  expect(url?.startsWith(prefix)).toBe(true)
  return decodeURIComponent(url!.slice(prefix.length))
}

describe('the letter as HTML', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
    const html = letterHtml({ ...LETTER, title: '<i>title</i>' })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<i>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('申请人：&lt;b&gt;张三&lt;/b&gt; &amp; &quot;李四&quot;')
    expect(html).toContain('<title>&lt;i&gt;title&lt;/i&gt;</title>')
    expect(html).toContain('<h1>&lt;i&gt;title&lt;/i&gt;</h1>')
  })

  it('is an A4 page in the letter’s language, CJK fonts first, allowing only its own style', () => {
    const html = letterHtml(LETTER)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('@page { size: A4; }')
    expect(html).toMatch(/font-family: "Noto Serif CJK SC"/)
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
    expect(html).toContain('white-space: pre-wrap')
    expect(letterHtml({ ...LETTER, language: 'en' })).toContain('<html lang="en">')
  })

  it('makes a file name from the title', () => {
    expect(pdfFileName('协商还款申请书')).toBe('协商还款申请书.pdf')
    expect(pdfFileName('a/b\\c:d*e?f"g<h>i|j\u0000k')).toBe('a b c d e f g h i j k.pdf')
    expect(pdfFileName('  ')).toBe('letter.pdf')
  })
})

describe('saving the letter as a PDF in Electron', () => {
  it('prints in a hidden, locked-down window and writes the PDF where the dialog says', async () => {
    const dir = tempDir()
    const target = join(dir, 'chosen name.pdf')
    fake.saveChoice = { canceled: false, filePath: target }
    const parent = { id: 1 } as never
    const result = await saveLetterPdf(LETTER, { parent, directory: '/home/me/Documents' })

    expect(result).toEqual({ saved: true, path: target })
    expect(readFileSync(target)).toEqual(PDF_BYTES)

    // The dialog belongs to the app's window and offers the title as the file name.
    expect(fake.dialogCalls).toHaveLength(1)
    const [owner, options] = fake.dialogCalls[0] as [unknown, Record<string, unknown>]
    expect(owner).toBe(parent)
    expect(options.defaultPath).toBe(join('/home/me/Documents', '协商还款申请书.pdf'))
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }])

    // One window: hidden, sandboxed, isolated, no Node, no preload, no JavaScript; destroyed.
    expect(fake.windows).toHaveLength(1)
    const [window] = fake.windows
    expect(window!.options.show).toBe(false)
    const prefs = window!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject(WEB_PREFERENCES)
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    })
    expect(prefs).not.toHaveProperty('preload')
    expect(prefs).toEqual(PDF_WEB_PREFERENCES)
    expect(window!.destroyed).toBe(true)

    // It loaded the escaped letter and printed it on A4.
    const html = loadedHtml(window!.url)
    expect(html).toContain('逾期未还金额为¥2,335.00')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('<script>')
    expect(window!.printOptions).toMatchObject({ pageSize: 'A4', displayHeaderFooter: false })
  })

  it('writes nothing and prints nothing when the user cancels', async () => {
    const dir = tempDir()
    const target = join(dir, 'never.pdf')
    fake.saveChoice = { canceled: true, filePath: target }
    expect(await saveLetterPdf(LETTER, { parent: null, directory: dir })).toEqual({
      saved: false,
      path: null,
    })
    expect(existsSync(target)).toBe(false)
    expect(fake.windows).toHaveLength(0)
    // Without a parent window, the dialog stands alone.
    expect(fake.dialogCalls[0]).toHaveLength(1)

    fake.saveChoice = { canceled: false, filePath: undefined }
    expect(await saveLetterPdf(LETTER, { parent: null, directory: dir })).toEqual({
      saved: false,
      path: null,
    })
  })

  it('destroys the window and writes nothing when printing fails', async () => {
    const target = join(tempDir(), 'failed.pdf')
    fake.saveChoice = { canceled: false, filePath: target }
    fake.printFails = true
    await expect(saveLetterPdf(LETTER, { parent: null, directory: '/' })).rejects.toThrow(
      'printing failed',
    )
    expect(fake.windows[0]?.destroyed).toBe(true)
    expect(existsSync(target)).toBe(false)
  })
})

describe('letter.savePdf through the handler table', () => {
  it('is wired by the Electron entry: IPC → hook → dialog → file', async () => {
    // A packaged app's resources folder holding (for this test) the Node build of the addon.
    const resources = tempDir()
    const addon = join(
      dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
      'build/Release/better_sqlite3.node',
    )
    mkdirSync(join(resources, 'native'))
    copyFileSync(addon, join(resources, 'native', 'better_sqlite3.node'))
    ;(process as { resourcesPath?: string }).resourcesPath = resources
    fake.paths = { userData: tempDir(), documents: tempDir() }
    const target = join(fake.paths.documents, 'letter.pdf')
    fake.saveChoice = { canceled: false, filePath: target }

    const electron = await import('electron')
    await import('../../src/main/index')
    await vi.waitFor(() => expect(fake.ipc.has(ipcChannel('letter.savePdf'))).toBe(true))
    const call = fake.ipc.get(ipcChannel('letter.savePdf'))!
    const trusted = { senderFrame: { url: APP_ENTRY_URL, parent: null } }
    try {
      expect(await call(trusted, LETTER)).toEqual({
        ok: true,
        value: { saved: true, path: target },
      })
      expect(readFileSync(target)).toEqual(PDF_BYTES)
      const [owner, options] = fake.dialogCalls[0] as [{ record: unknown }, { defaultPath: string }]
      // The dialog belongs to the main window (the one with the preload) and opens in Documents.
      expect(owner).toBeInstanceOf(electron.BrowserWindow)
      expect(owner.record).toBe(fake.windows[0])
      expect(fake.windows[0]?.options.webPreferences).toHaveProperty('preload')
      expect(fake.windows[1]?.options.webPreferences).toEqual(PDF_WEB_PREFERENCES)
      expect(options.defaultPath).toBe(join(fake.paths.documents, '协商还款申请书.pdf'))
    } finally {
      ;(electron.app as unknown as { emit(event: string): void }).emit('will-quit')
      vi.resetModules()
    }
  })

  it('uses the platform hook in the desktop app', async () => {
    const savePdf = vi.fn(async () => ({ saved: true, path: '/tmp/x.pdf' }))
    const backend = await startBackend({
      dataDir: tempDir(),
      runtime: 'electron',
      clock: fixedClock('2026-05-20'),
      platform: { savePdf },
    })
    try {
      const envelope = await dispatch(backend.handlers, 'letter.savePdf', LETTER)
      expect(envelope).toEqual({ ok: true, value: { saved: true, path: '/tmp/x.pdf' } })
      expect(savePdf).toHaveBeenCalledWith(LETTER)
      // Input the contract refuses never reaches the hook.
      const tooLong = await dispatch(backend.handlers, 'letter.savePdf', {
        ...LETTER,
        body: 'x'.repeat(20_001),
      })
      expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'body' } })
      expect(savePdf).toHaveBeenCalledTimes(1)
    } finally {
      await backend.close()
    }
  })

  it('answers unsupported in browser mode', async () => {
    const backend = await startBackend({
      dataDir: tempDir(),
      runtime: 'browser',
      clock: fixedClock('2026-05-20'),
    })
    try {
      const envelope = await dispatch(backend.handlers, 'letter.savePdf', LETTER)
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unsupported' } })
      expect(fake.windows).toHaveLength(0)
    } finally {
      await backend.close()
    }
  })
})
