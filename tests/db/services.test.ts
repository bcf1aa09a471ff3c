import { describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/api/contract'
import { fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { startBackend, type Backend } from '../../src/main/backend'
import { dispatch } from '../../src/main/handlers'
import { useTempDir } from '../support/temp-dir'
import { afterEach } from 'vitest'

const tempDir = useTempDir()
const open: Backend[] = []
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close()
})

async function backendOn(today: string): Promise<Backend> {
  const backend = await startBackend({
    dataDir: tempDir(),
    runtime: 'browser',
    clock: fixedClock(today),
  })
  open.push(backend)
  return backend
}

/** Calls a method as a transport would (input validated), returning the value or throwing the error. */
async function call(handlers: Handlers, method: string, input: unknown) {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error)
  return envelope.value as never
}

async function failure(handlers: Handlers, method: string, input: unknown) {
  const envelope = await dispatch(handlers, method, input)
  if (envelope.ok) throw new Error(`${method} should have failed`)
  return envelope.error
}

function dump(backend: Backend): string {
  const tables = ['loans', 'payments', 'loan_events', 'checklist_items', 'contacts', 'settings']
  return JSON.stringify(
    tables.map((table) => backend.database.sqlite.prepare(`select * from ${table}`).all()),
  )
}

const seedLoan = {
  name: '微粒贷',
  lender: '微众银行',
  lenderKind: 'webank',
  presetId: 'webank',
  terms: presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-01-15' }),
}

describe('loan, payment and event services', () => {
  it('stores a WeBank loan two months overdue and reports it as the engine does', async () => {
    const { handlers } = await backendOn('2026-04-16')
    const loan = (await call(handlers, 'loans.create', seedLoan)) as { id: number }
    const [summary] = (await call(handlers, 'loans.list', {})) as Array<{
      status: Record<string, unknown>
    }>
    expect(summary?.status).toMatchObject({
      dueNowFen: 347_400,
      daysOverdue: 60,
      stage: { code: 2, label: 'M2' },
      dailyAccrualFen: 225,
      payoffFen: 1_047_750,
      penaltyToDateFen: 1_500 + 800,
    })
    const preview = (await call(handlers, 'payments.preview', {
      loanId: loan.id,
      paidOn: '2026-04-16',
      amountFen: 347_400,
    })) as {
      stageBefore: { code: unknown }
      stageAfter: { code: unknown }
    }
    expect([preview.stageBefore.code, preview.stageAfter.code]).toEqual([2, 'current'])

    await call(handlers, 'payments.add', {
      loanId: loan.id,
      paidOn: '2026-04-16',
      amountFen: 347_400,
      channel: 'app',
    })
    const overview = (await call(handlers, 'portfolio.overview', {})) as Record<string, number>
    expect(overview).toMatchObject({
      loanCount: 1,
      overdueLoanCount: 0,
      overdueFen: 0,
      totalOwedFen: 700_350,
    })
    const ledger = (await call(handlers, 'loans.ledger', { id: loan.id })) as {
      stage: { code: unknown }
    }
    expect(ledger.stage.code).toBe('current')
  })

  it('refuses bad writes with the field named, and changes nothing', async () => {
    const backend = await backendOn('2026-04-16')
    const { handlers } = backend
    const loan = (await call(handlers, 'loans.create', seedLoan)) as { id: number }
    const before = dump(backend)
    expect(
      await failure(handlers, 'payments.add', {
        loanId: loan.id,
        paidOn: '2025-12-01',
        amountFen: 100,
      }),
    ).toMatchObject({
      code: 'invalid_input',
      field: 'paidOn',
    })
    expect(
      await failure(handlers, 'payments.add', {
        loanId: loan.id,
        paidOn: '2026-05-01',
        amountFen: 100,
      }),
    ).toMatchObject({
      field: 'paidOn',
    })
    expect(
      await failure(handlers, 'payments.add', {
        loanId: loan.id,
        paidOn: '2026-04-01',
        amountFen: 1.5,
      }),
    ).toMatchObject({
      field: 'amountFen',
    })
    expect(
      await failure(handlers, 'payments.add', {
        loanId: 999,
        paidOn: '2026-04-01',
        amountFen: 100,
      }),
    ).toMatchObject({
      code: 'not_found',
      field: 'loanId',
    })
    const plan = {
      type: 'agreed_plan',
      on: '2026-04-20',
      installments: [{ dueOn: '2026-04-01', principalFen: 1, interestFen: 0 }],
    }
    expect(await failure(handlers, 'events.add', { loanId: loan.id, event: plan })).toMatchObject({
      field: 'event',
    })
    expect(await failure(handlers, 'loans.update', { id: loan.id, name: '   ' })).toMatchObject({
      field: 'name',
    })
    expect(dump(backend)).toBe(before)
  })

  it('applies restructuring events and cascades a deleted loan', async () => {
    const backend = await backendOn('2026-06-16')
    const { handlers } = backend
    const loan = (await call(handlers, 'loans.create', seedLoan)) as { id: number }
    const waiver = {
      type: 'waiver',
      on: '2026-04-17',
      components: ['penalty'],
      stopFurtherCharges: true,
    }
    const event = (await call(handlers, 'events.add', {
      loanId: loan.id,
      event: waiver,
      note: '客服同意停息',
    })) as { id: number }
    const ledger = (await call(handlers, 'loans.ledger', { id: loan.id })) as {
      totals: { outstanding: { penalty: number } }
    }
    expect(ledger.totals.outstanding.penalty).toBe(0)
    await call(handlers, 'payments.add', {
      loanId: loan.id,
      paidOn: '2026-05-01',
      amountFen: 10_000,
    })
    expect(await call(handlers, 'events.list', { loanId: loan.id })).toHaveLength(1)
    await call(handlers, 'events.delete', { id: event.id })
    expect(
      ((await call(handlers, 'loans.ledger', { id: loan.id })) as typeof ledger).totals.outstanding
        .penalty,
    ).toBeGreaterThan(0)
    await call(handlers, 'loans.delete', { id: loan.id })
    expect(backend.database.sqlite.prepare('select count(*) from payments').pluck().get()).toBe(0)
    expect(await failure(handlers, 'loans.get', { id: loan.id })).toMatchObject({
      code: 'not_found',
    })
  })

  it('sorts loans by urgency and hides archived ones unless asked', async () => {
    const { handlers } = await backendOn('2026-04-16')
    const calm = (await call(handlers, 'loans.create', {
      ...seedLoan,
      name: 'on time',
      terms: presetTerms('webank', { principalFen: 500_000, disbursedOn: '2026-04-01' }),
    })) as { id: number }
    await call(handlers, 'loans.create', seedLoan)
    const names = (
      (await call(handlers, 'loans.list', {})) as Array<{ loan: { name: string } }>
    ).map((s) => s.loan.name)
    expect(names).toEqual(['微粒贷', 'on time'])
    await call(handlers, 'loans.archive', { id: calm.id, archived: true })
    expect(await call(handlers, 'loans.list', {})).toHaveLength(1)
    expect(await call(handlers, 'loans.list', { includeArchived: true })).toHaveLength(2)
  })

  it('keeps settings: language, the LPR table and which reminders to show', async () => {
    const { handlers } = await backendOn('2026-04-16')
    expect(await call(handlers, 'settings.get', {})).toMatchObject({
      language: null,
      lprTable: null,
      reminders: { daysBefore: 3, onDueDate: true, onStageChange: true, onFollowUp: true },
    })
    const lprTable = [{ from: '2025-05-20', oneYear: '0.0300', fiveYear: '0.0350', sourceId: null }]
    await call(handlers, 'settings.update', {
      lprTable,
      reminders: { daysBefore: 5, onDueDate: false, onStageChange: true, onFollowUp: true },
    })
    expect(await call(handlers, 'settings.get', {})).toMatchObject({
      lprTable,
      reminders: { daysBefore: 5, onDueDate: false },
    })
    expect(
      await failure(handlers, 'settings.update', { reminders: { daysBefore: 99 } }),
    ).toMatchObject({ field: 'reminders.daysBefore' })
  })
})
