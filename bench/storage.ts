/**
 * npm run bench:storage — the storage layer against raw better-sqlite3, in one run.
 *
 * 1. importVsRaw: 50,000 payments imported through the API (csv.importPayments: parse, validate,
 *    check against the loan, insert in one transaction) against the same rows inserted with a raw
 *    prepared statement in one transaction, on the same kind of database file. Median of 3 each.
 * 2. overviewMs: portfolio.overview for 200 loans holding those 50,000 payments: the median of
 *    20 calls as the app makes them (ledgers are cached until a loan changes); overviewColdMs is
 *    the first call, which computes every ledger.
 * Ends with {"bench":"storage","importVsRaw":R,"overviewMs":M,"overviewColdMs":C}.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addDays, fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { fenToYuanString } from '@shared/money'
import { startBackend, type Backend } from '../src/main/backend'
import { call, median, time, timeAsync } from './support'

const PAYMENTS = 50_000
const LOANS = 200
const TODAY = '2026-11-26'

async function freshBackend(): Promise<{ backend: Backend; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'repaypath-bench-'))
  const backend = await startBackend({ dataDir: dir, runtime: 'browser', clock: fixedClock(TODAY) })
  return { backend, dir }
}

async function createLoan(backend: Backend, index: number): Promise<number> {
  const disbursedOn = addDays('2016-01-01', index)
  const loan = (await call(backend, 'loans.create', {
    name: `loan ${index}`,
    lenderKind: 'bank',
    presetId: 'bank_installment',
    terms: presetTerms('bank_installment', { principalFen: 10_000_000, disbursedOn, periods: 120 }),
  })) as { id: number }
  return loan.id
}

/** Payment rows for one loan: dates from its disbursement on, amounts that vary. */
function paymentRows(disbursedOn: string, count: number): { paidOn: string; amountFen: number }[] {
  return Array.from({ length: count }, (_, i) => ({
    paidOn: addDays(disbursedOn, Math.floor((i * 3_600) / count) + 1),
    amountFen: 1_000 + ((i * 7_919) % 90_000),
  }))
}

function csvOf(rows: { paidOn: string; amountFen: number }[]): string {
  const lines = ['date,amount,note']
  for (const row of rows) lines.push(`${row.paidOn},${fenToYuanString(row.amountFen)},银行转账`)
  return lines.join('\n')
}

async function importThroughService(): Promise<number> {
  const { backend, dir } = await freshBackend()
  const loanId = await createLoan(backend, 0)
  const csv = csvOf(paymentRows('2016-01-01', PAYMENTS))
  const [ms, result] = await timeAsync(() =>
    call(backend, 'csv.importPayments', {
      loanId,
      csv,
      mapping: { paidOn: 'date', amount: 'amount', note: 'note' },
      dryRun: false,
    }),
  )
  if ((result as { imported: number }).imported !== PAYMENTS)
    throw new Error('the import did not import everything')
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  return ms
}

async function importRaw(): Promise<number> {
  const { backend, dir } = await freshBackend()
  const loanId = await createLoan(backend, 0)
  const rows = paymentRows('2016-01-01', PAYMENTS)
  const sqlite = backend.database.sqlite
  const insert = sqlite.prepare(
    'insert into payments (loan_id, paid_on, amount_fen, channel, note, created_at) values (?, ?, ?, ?, ?, ?)',
  )
  const stamp = new Date().toISOString()
  const [ms] = time(() =>
    sqlite.transaction(() => {
      for (const row of rows)
        insert.run(loanId, row.paidOn, row.amountFen, 'bank_transfer', '银行转账', stamp)
    })(),
  )
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  return ms
}

async function overview(): Promise<{ warm: number; cold: number }> {
  const { backend, dir } = await freshBackend()
  const perLoan = PAYMENTS / LOANS
  for (let index = 0; index < LOANS; index++) {
    const loanId = await createLoan(backend, index)
    const csv = csvOf(paymentRows(addDays('2016-01-01', index), perLoan))
    await call(backend, 'csv.importPayments', {
      loanId,
      csv,
      mapping: { paidOn: 'date', amount: 'amount' },
      dryRun: false,
    })
  }
  const [cold] = await timeAsync(() => call(backend, 'portfolio.overview', {}))
  const warm: number[] = []
  for (let i = 0; i < 20; i++)
    warm.push((await timeAsync(() => call(backend, 'portfolio.overview', {})))[0])
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  return { warm: median(warm), cold }
}

async function main(): Promise<void> {
  await importThroughService() // warm up the code paths
  await importRaw()
  const service: number[] = []
  const raw: number[] = []
  for (let i = 0; i < 3; i++) {
    service.push(await importThroughService())
    raw.push(await importRaw())
  }
  const { warm, cold } = await overview()
  console.log(
    `import of ${PAYMENTS} payments: service ${median(service).toFixed(1)} ms, raw ${median(raw).toFixed(1)} ms`,
  )
  console.log(
    `overview of ${LOANS} loans: ${warm.toFixed(1)} ms (first call ${cold.toFixed(1)} ms)`,
  )
  console.log(
    JSON.stringify({
      bench: 'storage',
      importVsRaw: Number((median(service) / median(raw)).toFixed(2)),
      overviewMs: Number(warm.toFixed(1)),
      overviewColdMs: Number(cold.toFixed(1)),
    }),
  )
}

void main()
