// `npm run serve -- [--port P] [--data-dir D] [--open] [--no-build]`: RepayPath in a browser.
import { build, serveBrowserMode } from './lib.mjs'

const args = process.argv.slice(2)
if (!args.includes('--no-build')) build()
serveBrowserMode(args.filter((arg) => arg !== '--no-build'))
