import { addDays, daysBetween, fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { startBackend } from '../../src/main/backend'
import { dispatch } from '../../src/main/handlers'

/**
 * The child of tests/db/crash.test.ts: starts the real backend on the data folder given as its
 * argument, makes sure there is a loan, prints `ready`, then adds payments through `dispatch`
 * forever, printing each payment's id on its own line once the call has returned. The parent
 * kills it with SIGKILL at a random moment; every id printed must then be in the database.
 *
 *   node_modules/.bin/tsx --tsconfig tsconfig.test.json tests/support/crash-writer.ts <dataDir>
 *
 * Anything unexpected (a call that fails) goes to stderr and ends the process with code 1, so
 * the parent can tell a kill from a failure.
 */

export const CRASH_TODAY = '2026-04-16'
export const CRASH_DISBURSED_ON = '2026-01-15'
export const CRASH_LOAN_NAME = 'crash-test loan'

function fail(what: string, detail: unknown): never {
  process.stderr.write(`${what}: ${JSON.stringify(detail)}\n`)
  process.exit(1)
}

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (dataDir === undefined) fail('usage', 'crash-writer.ts <dataDir>')
  const backend = await startBackend({
    dataDir,
    runtime: 'browser',
    clock: fixedClock(CRASH_TODAY),
  })
  if (backend.problem !== null) fail('the database cannot be opened', backend.problem.toData())
  const { handlers } = backend

  const listed = await dispatch(handlers, 'loans.list', { includeArchived: true })
  if (!listed.ok) fail('loans.list', listed.error)
  const existing = (listed.value as Array<{ loan: { id: number } }>)[0]
  let loanId: number
  if (existing === undefined) {
    const created = await dispatch(handlers, 'loans.create', {
      name: CRASH_LOAN_NAME,
      lenderKind: 'webank',
      presetId: 'webank',
      terms: presetTerms('webank', {
        principalFen: 1_000_000,
        disbursedOn: CRASH_DISBURSED_ON,
        periods: 5,
      }),
    })
    if (!created.ok) fail('loans.create', created.error)
    loanId = (created.value as { id: number }).id
  } else {
    loanId = existing.loan.id
  }

  const span = daysBetween(CRASH_DISBURSED_ON, CRASH_TODAY)
  // A different sequence each run, so that kills fall on different dates and amounts.
  let state = (process.pid * 2_654_435_761) >>> 0
  const next = (bound: number) => {
    state = (state * 1_103_515_245 + 12_345) >>> 0
    return state % bound
  }

  process.stdout.write('ready\n')
  for (;;) {
    const envelope = await dispatch(handlers, 'payments.add', {
      loanId,
      paidOn: addDays(CRASH_DISBURSED_ON, next(span + 1)),
      amountFen: 1 + next(50_000),
      channel: 'app',
      note: `crash-writer ${process.pid}`,
    })
    if (!envelope.ok) fail('payments.add', envelope.error)
    // Printed only now: the call has returned, so the payment must survive a kill from here on.
    process.stdout.write(`${(envelope.value as { id: number }).id}\n`)
  }
}

main().catch((error: unknown) => {
  fail('crash-writer failed', error instanceof Error ? error.stack : String(error))
})
