/**
 * npm run bench:engine — the event-based ledger against the day-by-day reference
 * (tests/support/daily-reference.ts) on the same loans, in one run.
 *
 * 200 loans of 10 years (120 monthly installments), each with a payment history that is
 * on time, late, partial or missing by turns, read on the day the last installment falls due.
 * Prints one JSON line: vsDaily = reference time / engine time; nsPerEvent = engine time per
 * happening (installments + payments + events); events = that count.
 */
import { addDays, addMonths } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { buildSchedule } from '@shared/engine/schedule'
import type { LoanTerms, Payment } from '@shared/engine/terms'
import { dailyReferenceLedger } from '../tests/support/daily-reference'
import { installmentTerms } from '../tests/support/loan-terms'

const LOANS = Number(process.env.BENCH_LOANS ?? 200)
const YEARS = 10

/** A small deterministic generator, so every run measures the same loans. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

interface BenchLoan {
  terms: LoanTerms
  payments: Payment[]
  asOf: string
}

function makeLoan(index: number): BenchLoan {
  const next = random(index + 1)
  const disbursedOn = addDays('2015-01-01', Math.floor(next() * 365))
  const bank = index % 2 === 1
  const terms = installmentTerms({
    principalFen: 1_000_000 + Math.floor(next() * 50_000_000),
    disbursedOn,
    schedule: {
      method: bank ? 'equal_installment' : 'equal_principal',
      periods: 12 * YEARS,
      periodUnit: 'month',
      periodLength: 1,
    },
    ...(bank
      ? {
          rate: { value: '0.0435', per: 'year' as const },
          penalty: {
            rate: { mode: 'multiplier' as const, multiplier: '1.5' },
            basis: 'overdue_principal' as const,
            contractInterestContinues: false,
          },
          compounding: { enabled: true, rate: 'penalty' as const },
          graceDays: 0,
        }
      : {}),
  })
  const payments: Payment[] = []
  for (const installment of buildSchedule(terms)) {
    const due = installment.principalFen + installment.interestFen
    const roll = next()
    if (roll < 0.6) payments.push({ paidOn: installment.dueOn, amountFen: due })
    else if (roll < 0.8)
      payments.push({
        paidOn: addDays(installment.dueOn, 1 + Math.floor(next() * 40)),
        amountFen: due + 5_000,
      })
    else if (roll < 0.9)
      payments.push({ paidOn: installment.dueOn, amountFen: Math.max(1, Math.floor(due / 2)) })
    // else: missed
  }
  payments.sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0))
  return { terms, payments, asOf: addMonths(disbursedOn, 12 * YEARS) }
}

function time(run: () => void): number {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const loans = Array.from({ length: LOANS }, (_, i) => makeLoan(i))
let events = 0
for (const loan of loans) {
  const ledger = computeLedger(loan.terms, [], loan.payments, loan.asOf)
  events += ledger.installments.length + ledger.payments.length
}

const runEngine = () => {
  for (const loan of loans) computeLedger(loan.terms, [], loan.payments, loan.asOf)
}
const runReference = () => {
  for (const loan of loans) {
    const reference = dailyReferenceLedger(loan.terms, [], loan.payments, loan.asOf)
    // The two must agree before their speeds mean anything.
    const ledger = computeLedger(loan.terms, [], loan.payments, loan.asOf)
    const lines = [...ledger.installments].sort((a, b) => a.index - b.index)
    if (
      JSON.stringify(lines.map((l) => l.outstanding)) !==
      JSON.stringify(reference.installments.map((l) => l.outstanding))
    ) {
      throw new Error(`engine and reference disagree on loan ${loans.indexOf(loan)}`)
    }
  }
}

runEngine() // warm up
const engineNs = median(Array.from({ length: 7 }, () => time(runEngine)))
// The reference takes minutes over 200 loans: it runs once (the engine's median is of 7).
const referenceNs = time(runReference)

console.log(
  `engine: ${(engineNs / 1e6).toFixed(1)} ms for ${LOANS} loans; reference: ${(referenceNs / 1e6).toFixed(1)} ms`,
)
console.log(
  JSON.stringify({
    bench: 'engine',
    vsDaily: Number((referenceNs / engineNs).toFixed(1)),
    nsPerEvent: Math.round(engineNs / events),
    events,
  }),
)
