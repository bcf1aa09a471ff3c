import { existsSync, statSync } from 'node:fs'
import { extname, join, normalize, relative, isAbsolute } from 'node:path'

/**
 * Serving the built renderer (`out/renderer`), shared by the Electron `app://` protocol and the
 * browser-mode HTTP server so that both send the same files with the same headers.
 */

/** Strict: only our own scripts and styles, no eval, no inline script, no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

export const RENDERER_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

export interface RendererFile {
  path: string
  contentType: string
}

/**
 * Maps a URL path to a file under `rootDir`. Paths that escape the root are refused (null);
 * anything else not found is the single-page app's `index.html`.
 */
export function resolveRendererFile(rootDir: string, urlPath: string): RendererFile | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = normalize(join(rootDir, decoded))
  const inside = relative(rootDir, candidate)
  if (inside.startsWith('..') || isAbsolute(inside)) return null
  const path = isFile(candidate) ? candidate : join(rootDir, 'index.html')
  return { path, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}
