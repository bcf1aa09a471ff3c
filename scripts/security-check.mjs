// `npm run security`: Doyensec's electronegativity over the built app (out/), failing on any
// HIGH-severity finding. Run after `npm run build`; CI runs it next to the hardening unit tests.
//
// - The check that downloads Electron's release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK)
//   is excluded: these machines have no network beyond the npm registry.
// - The Electron version is given (-e), since the tool cannot read it from the bundle.
// - Its parser does not know some modern syntax in the minified renderer bundles and says so
//   ("Error parsing …"); main and preload, where the Electron settings live, parse fully.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
/** What to scan: the built app, or another folder given as the first argument (tests use one). */
const input = process.argv[2] ?? join(root, 'out')
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck']

if (!existsSync(input)) {
  console.error(`${input} is missing: run \`npm run build\` first`)
  process.exit(2)
}

const dir = mkdtempSync(join(tmpdir(), 'repaypath-electronegativity-'))
const report = join(dir, 'report.csv')
try {
  execFileSync(
    process.execPath,
    [
      require.resolve('@doyensec/electronegativity/dist/index.js'),
      '--input',
      input,
      '--exclude-checks',
      EXCLUDED.join(','),
      '--electron-version',
      electronVersion,
      '--output',
      report,
      '--relative',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const findings = parseCsv(readFileSync(report, 'utf8'))
  for (const finding of findings) {
    console.log(
      `${finding.severity.padEnd(13)} ${finding.issue}  ${finding.filename}:${finding.location}  ${finding.description}`,
    )
  }
  const high = findings.filter((finding) => finding.severity.startsWith('HIGH'))
  console.log(
    `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${high.length} high`,
  )
  if (high.length > 0) process.exitCode = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}

/** The tool's CSV: a header row, then quoted or bare fields separated by commas. */
function parseCsv(text) {
  const rows = text
    .trim()
    .split('\n')
    .map((line) =>
      [...line.matchAll(/"([^"]*)"|([^,]+)|(?<=,)(?=,|$)/g)].map((m) =>
        (m[1] ?? m[2] ?? '').trim(),
      ),
    )
  const [header, ...body] = rows
  const names = header.map((name) => name.trim())
  return body.map((cells) => Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])))
}
