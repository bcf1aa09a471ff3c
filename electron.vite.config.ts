import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/main/renderer-files'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * The built index.html also carries the Content-Security-Policy the app:// protocol and the
 * HTTP server send, as a <meta> (defence in depth, and visible to static scanners). Only in
 * builds: the dev server's hot reload needs an inline script. frame-ancestors is dropped, since
 * browsers ignore it in a <meta>.
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'repaypath-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head',
      },
    ],
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // Two entries over one backend: the Electron app, and browser mode under plain Node.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload can only require('electron'): bundle everything else into it.
    build: { externalizeDeps: false },
  },
  renderer: {
    resolve: { alias },
    plugins: [react(), cspMeta()],
    build: { minify: true, chunkSizeWarningLimit: 800 },
  },
})
