import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

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
    plugins: [react()],
    build: { minify: true, chunkSizeWarningLimit: 800 },
  },
})
