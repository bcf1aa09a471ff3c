import type { MethodOutput } from '@shared/api/contract'
import type { LoanMonth } from '@shared/charts/portfolio-series'
import type { Ledger } from '@shared/engine/ledger-types'

/**
 * Ledgers are derived from a loan's terms, events and payments, and reading one costs far more
 * than keeping it: the dashboard asks for every loan's ledger on each visit. Every write goes
 * through a service, which drops the loan's entries here, so a cached ledger is never stale.
 */
export class LedgerCache {
  private readonly entries = new Map<number, Map<string, Ledger>>()
  /** Each loan's month ends for the dashboard's history, for one day (the key). */
  private readonly months = new Map<number, { key: string; months: LoanMonth[] }>()
  /** Each loan's action plan for one day (the key); contacts and checklist writes drop it too. */
  private readonly checklists = new Map<
    number,
    { key: string; checklist: MethodOutput<'checklist.get'> }
  >()

  async checklist(
    loanId: number,
    key: string,
    compute: () => Promise<MethodOutput<'checklist.get'>>,
  ): Promise<MethodOutput<'checklist.get'>> {
    const cached = this.checklists.get(loanId)
    if (cached?.key === key) return cached.checklist
    const checklist = await compute()
    this.checklists.set(loanId, { key, checklist })
    return checklist
  }

  peekLoanMonths(loanId: number, key: string): LoanMonth[] | undefined {
    const cached = this.months.get(loanId)
    return cached?.key === key ? cached.months : undefined
  }

  loanMonths(loanId: number, key: string, compute: () => LoanMonth[]): LoanMonth[] {
    const cached = this.months.get(loanId)
    if (cached?.key === key) return cached.months
    const months = compute()
    this.months.set(loanId, { key, months })
    return months
  }

  get(loanId: number, key: string, compute: () => Ledger): Ledger {
    let forLoan = this.entries.get(loanId)
    if (forLoan === undefined) {
      forLoan = new Map()
      this.entries.set(loanId, forLoan)
    }
    let ledger = forLoan.get(key)
    if (ledger === undefined) {
      ledger = compute()
      // A few dates per loan are asked for (today, a preview, a projection): keep it small.
      if (forLoan.size >= 8) forLoan.delete(forLoan.keys().next().value!)
      forLoan.set(key, ledger)
    }
    return ledger
  }

  /** The cached ledger, if there is one: lets callers skip reading the loan's history. */
  peek(loanId: number, key: string): Ledger | undefined {
    return this.entries.get(loanId)?.get(key)
  }

  invalidate(loanId: number): void {
    this.entries.delete(loanId)
    this.months.delete(loanId)
    this.checklists.delete(loanId)
  }

  clear(): void {
    this.entries.clear()
    this.months.clear()
    this.checklists.clear()
  }
}
