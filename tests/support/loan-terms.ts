import { addMonths } from '@shared/dates'
import type { LoanTerms } from '@shared/engine/terms'

/** WeBank-like defaults (daily 0.05 %, 1.5× in all on overdue principal), overridable per test. */
export function installmentTerms(overrides: Partial<LoanTerms> = {}): LoanTerms {
  return {
    kind: 'installment',
    principalFen: 1_000_000,
    disbursedOn: '2026-01-15',
    rate: { value: '0.0005', per: 'day' },
    dayCount: 'ACT/365',
    rateChanges: [],
    schedule: { method: 'equal_principal', periods: 10, periodUnit: 'month', periodLength: 1 },
    graceDays: 1,
    penalty: {
      rate: { mode: 'multiplier', multiplier: '0.5' },
      basis: 'overdue_principal',
      contractInterestContinues: true,
    },
    compounding: { enabled: false, rate: 'penalty' },
    lateFee: {
      kind: 'none',
      fixedFen: 0,
      percent: '0',
      frequency: 'once',
      minFen: 0,
      maxFen: null,
    },
    allocation: {
      order: ['fee', 'penalty', 'compound', 'interest', 'principal'],
      scope: 'installment_first',
    },
    card: null,
    ...overrides,
  }
}

/** One installment due on `dueOn`, lent a month before, with the given principal and interest. */
export function singleInstallment(
  dueOn: string,
  principalFen: number,
  interestFen: number,
  overrides: Partial<LoanTerms> = {},
): LoanTerms {
  return installmentTerms({
    principalFen,
    disbursedOn: addMonths(dueOn, -1),
    schedule: { method: 'custom', installments: [{ dueOn, principalFen, interestFen }] },
    ...overrides,
  })
}
