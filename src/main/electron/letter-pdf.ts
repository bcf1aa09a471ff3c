import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron'
import type { LetterPdfInput, LetterPdfResult } from '@shared/api/letter-schema'
import { WEB_PREFERENCES } from './security'

/**
 * The negotiation letter as a PDF, in the desktop app: the text the user edited, typeset as a
 * plain A4 page and printed by Chromium (`webContents.printToPDF`) in a hidden window that can
 * do nothing else — sandboxed, isolated, no Node, no preload, no JavaScript, and a page whose
 * content security policy allows only its own inline style. The user then picks where to save it.
 */

/** The PDF window: the app's hardened preferences, and JavaScript off (the page has none). */
export const PDF_WEB_PREFERENCES = {
  ...WEB_PREFERENCES,
  javascript: false,
  images: false,
  webgl: false,
} as const

/** Chromium's margins are in inches: about 25 mm top and bottom, 22 mm at the sides. */
const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: false,
  displayHeaderFooter: false,
  margins: { top: 1, bottom: 1, left: 0.87, right: 0.87 },
} as const

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

/** Serif CJK faces first (a letter), then sans ones; the system's own when none is installed. */
const FONTS = {
  'zh-CN':
    '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "Noto Sans CJK SC", "Microsoft YaHei", serif',
  en: '"Noto Serif", "DejaVu Serif", "Times New Roman", "Noto Serif CJK SC", "Songti SC", "SimSun", serif',
} as const

/** The letter as one self-contained HTML page: the title centred, the text as typed. */
export function letterHtml(letter: LetterPdfInput): string {
  const title = escapeHtml(letter.title)
  return `<!doctype html>
<html lang="${letter.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
  @page { size: A4; }
  html { -webkit-print-color-adjust: economy; }
  body {
    margin: 0;
    color: #000;
    background: #fff;
    font-family: ${FONTS[letter.language]};
    font-size: 12pt;
    line-height: 1.8;
  }
  h1 {
    margin: 0 0 1.2em;
    text-align: center;
    font-size: 18pt;
    font-weight: bold;
    letter-spacing: ${letter.language === 'zh-CN' ? '0.25em' : '0'};
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    text-align: ${letter.language === 'zh-CN' ? 'justify' : 'left'};
  }
</style>
</head>
<body>
<h1>${title}</h1>
<div class="body">${escapeHtml(letter.body)}</div>
</body>
</html>
`
}

/** The HTML as a data: URL (percent-encoded, so any text survives). */
export function letterDataUrl(letter: LetterPdfInput): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(letterHtml(letter))}`
}

/** A file name from the title: no path separators or characters Windows refuses. */
export function pdfFileName(title: string): string {
  const stem = title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
  return `${stem === '' ? 'letter' : stem}.pdf`
}

/** Prints the letter in a hidden, locked-down window; the window is destroyed either way. */
export async function printLetterPdf(letter: LetterPdfInput): Promise<Buffer> {
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: PDF_WEB_PREFERENCES,
  })
  try {
    await window.loadURL(letterDataUrl(letter))
    return await window.webContents.printToPDF(PDF_OPTIONS)
  } finally {
    window.destroy()
  }
}

export interface SaveLetterOptions {
  /** The window the save dialog belongs to (none: a free-standing dialog). */
  parent: BrowserWindow | null
  /** Where the dialog opens (the user's documents folder). */
  directory: string
}

/**
 * Asks where to save (cancel: nothing is printed or written), prints the letter and writes the
 * PDF there.
 */
export async function saveLetterPdf(
  letter: LetterPdfInput,
  options: SaveLetterOptions,
): Promise<LetterPdfResult> {
  const dialogOptions: SaveDialogOptions = {
    title: letter.title,
    defaultPath: join(options.directory, pdfFileName(letter.title)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const choice =
    options.parent === null
      ? await dialog.showSaveDialog(dialogOptions)
      : await dialog.showSaveDialog(options.parent, dialogOptions)
  const path = choice.filePath
  if (choice.canceled || path === undefined || path === '') return { saved: false, path: null }
  // Exactly where the dialog says (it confirmed any overwrite of that name).
  await writeFile(path, await printLetterPdf(letter))
  return { saved: true, path }
}
