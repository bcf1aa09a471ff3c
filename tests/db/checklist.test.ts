import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/api/contract'
import { fixedClock } from '@shared/dates'
import { presetTerms } from '@shared/engine/presets'
import { startBackend, type Backend } from '../../src/main/backend'
import { dispatch } from '../../src/main/handlers'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir()
const open: Backend[] = []
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close()
})

async function backendOn(today: string, dataDir = tempDir()): Promise<Backend> {
  const backend = await startBackend({ dataDir, runtime: 'browser', clock: fixedClock(today) })
  open.push(backend)
  return backend
}

async function call(handlers: Handlers, method: string, input: unknown) {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error)
  return envelope.value as never
}

interface Checklist {
  items: { key: string; state: string; stateOn: string | null; note: string }[]
  progress: { done: number; skipped: number; open: number; total: number }
  situation: { hardship: string | null; lawsuitNoticeOn: string | null }
}

const dump = (backend: Backend) =>
  JSON.stringify(backend.database.sqlite.prepare('select * from checklist_items').all())

describe('the action plan service', () => {
  it('keeps each item’s state by key as the loan changes around it, and across a restart', async () => {
    const dataDir = tempDir()
    const backend = await backendOn('2026-11-26', dataDir)
    const { handlers } = backend
    const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-09-10' })
    const loan = (await call(handlers, 'loans.create', {
      name: '微粒贷',
      lenderKind: 'webank',
      presetId: 'webank',
      terms,
    })) as { id: number }

    const first = (await call(handlers, 'checklist.get', { loanId: loan.id })) as Checklist
    expect(first.items[0]?.key).toBe('pay-overdue-now')
    expect(first.progress).toEqual({ done: 0, skipped: 0, open: 12, total: 12 })

    await call(handlers, 'checklist.setState', {
      loanId: loan.id,
      itemKey: 'contact-lender',
      state: 'done',
      note: '打了客服电话，约好下周回复',
    })
    const skipped = (await call(handlers, 'checklist.setState', {
      loanId: loan.id,
      itemKey: 'ask-family',
      state: 'skipped',
      stateOn: '2026-11-25',
    })) as Checklist
    expect(skipped.progress).toEqual({ done: 1, skipped: 1, open: 10, total: 12 })
    expect(skipped.items.find((item) => item.key === 'contact-lender')).toMatchObject({
      state: 'done',
      stateOn: '2026-11-26',
      note: '打了客服电话，约好下周回复',
    })

    // Paying the overdue part drops most items; the states stay and return with the items.
    const overdue = (await call(handlers, 'loans.ledger', { id: loan.id })) as {
      overdueFen: number
    }
    const payment = (await call(handlers, 'payments.add', {
      loanId: loan.id,
      paidOn: '2026-11-26',
      amountFen: overdue.overdueFen,
    })) as { id: number }
    const paid = (await call(handlers, 'checklist.get', { loanId: loan.id })) as Checklist
    expect(paid.items).toEqual([])
    await call(handlers, 'payments.delete', { id: payment.id })
    await backend.close()
    open.splice(open.indexOf(backend), 1)

    const reopened = await backendOn('2026-11-26', dataDir)
    const back = (await call(reopened.handlers, 'checklist.get', { loanId: loan.id })) as Checklist
    expect(back.progress).toEqual({ done: 1, skipped: 1, open: 10, total: 12 })
    expect(back.items.find((item) => item.key === 'ask-family')?.stateOn).toBe('2026-11-25')

    // Reopened, an item forgets its date.
    const reopenedItem = (await call(reopened.handlers, 'checklist.setState', {
      loanId: loan.id,
      itemKey: 'ask-family',
      state: 'open',
    })) as Checklist
    expect(reopenedItem.items.find((item) => item.key === 'ask-family')).toMatchObject({
      state: 'open',
      stateOn: null,
    })
  })

  it('follows the situation the user declares, and travels with export and import', async () => {
    const { handlers } = await backendOn('2026-11-26')
    const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-09-10' })
    const loan = (await call(handlers, 'loans.create', {
      name: '微粒贷',
      lenderKind: 'webank',
      terms,
    })) as { id: number }
    const sued = (await call(handlers, 'checklist.setSituation', {
      loanId: loan.id,
      hardship: 'illness',
      lawsuitNoticeOn: '2026-11-20',
    })) as Checklist
    expect(sued.situation).toEqual({ hardship: 'illness', lawsuitNoticeOn: '2026-11-20' })
    expect(sued.items.slice(0, 2).map((item) => item.key)).toEqual([
      'answer-lawsuit',
      'get-legal-help',
    ])

    const file = await call(handlers, 'data.export', {})
    const { handlers: other } = await backendOn('2026-11-26')
    await call(other, 'data.import', { file })
    const imported = (await call(other, 'checklist.get', { loanId: loan.id })) as Checklist
    expect(imported.situation).toEqual(sued.situation)

    const cleared = (await call(handlers, 'checklist.setSituation', {
      loanId: loan.id,
      hardship: null,
      lawsuitNoticeOn: null,
    })) as Checklist
    expect(cleared.situation).toEqual({ hardship: null, lawsuitNoticeOn: null })
    expect(cleared.items.map((item) => item.key)).not.toContain('answer-lawsuit')
  })

  it('refuses an unknown item or loan, naming the field, and changes nothing', async () => {
    const backend = await backendOn('2026-11-26')
    const loan = (await call(backend.handlers, 'loans.create', {
      name: 'x',
      lenderKind: 'webank',
      terms: presetTerms('webank', { principalFen: 100_000, disbursedOn: '2026-09-10' }),
    })) as { id: number }
    const before = dump(backend)
    const unknownItem = await dispatch(backend.handlers, 'checklist.setState', {
      loanId: loan.id,
      itemKey: 'fly-to-the-moon',
      state: 'done',
    })
    expect(unknownItem.ok ? null : unknownItem.error).toMatchObject({
      code: 'invalid_input',
      field: 'itemKey',
    })
    const unknownLoan = await dispatch(backend.handlers, 'checklist.setState', {
      loanId: 999,
      itemKey: 'contact-lender',
      state: 'done',
    })
    expect(unknownLoan.ok ? null : unknownLoan.error).toMatchObject({
      code: 'not_found',
      field: 'loanId',
    })
    expect(dump(backend)).toBe(before)
  })
})
