import { addMonths, toDayNumber, type CivilDate } from '../dates'
import { Decimal, type Fen } from '../money'
import { createSimulation, sortPayments, type Simulation } from './ledger'
import type { Ledger } from './ledger-types'
import { buildRateBook, ratePeriodAt } from './rates'
import type { LoanEvent, LoanTerms, Payment } from './terms'

/**
 * The payoff planner: one monthly budget spread over several loans, in an order fixed today.
 * It is `planForMonthlyBudget` (projection.ts) for many loans at once, with nothing of its own
 * but the order in which the budget is handed out — each loan is the engine's own simulation.
 *
 * THE RULES (docs/engine-rules.md, "Payoff planner"):
 *
 * - Each loan starts from its recorded payments up to `today` (later ones are left out) and all
 *   its events, as in `planForMonthlyBudget`.
 * - The budget is paid on `today` and on the same day of each following month
 *   (`addMonths(today, month)`), at most `maxMonths` times. On each such day, with each open
 *   loan's ledger read on that day:
 *   1. a loan whose payoff is 0 is cleared on that day and takes nothing;
 *   2. the budget first goes to what is overdue (`overdueFen`) on each open loan, the loans
 *      taken in the order's sequence, each getting min(what is left, its overdue amount);
 *   3. what is then left goes, in the same sequence, to each open loan up to its payoff
 *      (`payoffFen`), less what step 2 already gave it;
 *   4. each loan's share is one payment that day (none if its share is 0); a loan whose share
 *      equals its payoff is cleared that day.
 *   For a single loan this is exactly `planForMonthlyBudget`: its payment is
 *   min(budget, overdue) + min(budget − that, payoff − that) = min(budget, payoff).
 * - The sequence is decided once, from the ledgers on `today`, so a plan is reproducible:
 *   - `overdue_first`: most days overdue first; ties: what one more day adds (exact) higher
 *     first;
 *   - `avalanche`: the highest daily rate on overdue money first — the rate in force today that
 *     one overdue yuan of principal costs a day: the penalty rate, plus the contract rate when
 *     contract interest continues (for a credit card, its daily interest rate). Rates are
 *     compared exactly (annual rates as rate / 365 or / 360 by the loan's day count);
 *   - `snowball`: the smallest payoff today first;
 *   - `custom`: the loan ids the user listed, in that order (ids of other loans are ignored,
 *     repeats count once); loans not listed come after them, in overdue-first order.
 *   Any remaining tie keeps the order the loans were given in.
 * - A plan clears when every loan clears within `maxMonths`; it is cleared on the latest
 *   clear date, and costs the sum of all its payments.
 */

export const PLAN_ORDERS = ['overdue_first', 'avalanche', 'snowball', 'custom'] as const
export type PlanOrder = (typeof PLAN_ORDERS)[number]

/** An order for `planPortfolio`: a named rule, or the user's own sequence of loan ids. */
export type OrderChoice = Exclude<PlanOrder, 'custom'> | { custom: readonly number[] }

export interface PlannerLoan {
  id: number
  terms: LoanTerms
  events: readonly LoanEvent[]
  payments: readonly Payment[]
}

export interface LoanPlan {
  id: number
  /** The day its last planned payment clears it; null if it is not cleared within the plan. */
  clearedOn: CivilDate | null
  totalPaidFen: Fen
  /** The planned payments, one a month at most, each > 0. */
  payments: Payment[]
}

export interface PortfolioPlan {
  order: PlanOrder
  monthlyFen: Fen
  /** In the order's sequence: the first loan is served first. */
  loans: LoanPlan[]
  /** Every loan is cleared within the plan. */
  clears: boolean
  /** The latest clear date when the plan clears, else null. */
  clearedOn: CivilDate | null
  totalPaidFen: Fen
}

export interface PlanComparison {
  /** The cheapest order among those that clear (ties: the earliest clear date, then the first listed). */
  best: PlanOrder | null
  /** Every order that clears as cheaply and as early as `best`. */
  bestOrders: PlanOrder[]
  /** The dearest order among those that clear (ties: the latest clear date, then the last listed). */
  worst: PlanOrder | null
  /** worst − best, in fen; 0 when no order clears. */
  savingFen: Fen
}

/** A loan's simulation with its recorded payments up to `today` applied, as in `planForMonthlyBudget`. */
function startSimulation(loan: PlannerLoan, today: CivilDate): Simulation {
  const simulation = createSimulation(loan.terms, loan.events)
  for (const payment of sortPayments(loan.payments)) {
    if (payment.paidOn > today) break
    simulation.pay(payment)
  }
  return simulation
}

interface RankFacts {
  index: number
  id: number
  daysOverdue: number
  dailyAccrual: Decimal
  payoffFen: Fen
  /** The overdue daily rate as numerator / divisor. */
  rate: { numerator: Decimal; divisor: number }
}

/** The rate one overdue yuan of principal costs a day on `today` (see the rules above). */
export function overdueDailyRate(
  terms: LoanTerms,
  today: CivilDate,
): { numerator: Decimal; divisor: number } {
  const book = buildRateBook(terms)
  const period = ratePeriodAt(book, toDayNumber(today))
  const numerator =
    terms.kind === 'credit_card'
      ? period.contract
      : terms.penalty.contractInterestContinues
        ? period.contract.plus(period.penalty)
        : period.penalty
  return { numerator, divisor: book.divisor }
}

function rankFacts(loans: readonly PlannerLoan[], today: CivilDate): RankFacts[] {
  return loans.map((loan, index) => {
    const ledger = startSimulation(loan, today).ledger(today)
    return {
      index,
      id: loan.id,
      daysOverdue: ledger.daysOverdue,
      dailyAccrual: new Decimal(ledger.dailyAccrual.exactFen),
      payoffFen: ledger.payoffFen,
      rate: overdueDailyRate(loan.terms, today),
    }
  })
}

function overdueFirst(a: RankFacts, b: RankFacts): number {
  return b.daysOverdue - a.daysOverdue || b.dailyAccrual.cmp(a.dailyAccrual) || a.index - b.index
}

function byRate(a: RankFacts, b: RankFacts): number {
  // a.n / a.d against b.n / b.d, without dividing: a.n × b.d against b.n × a.d.
  const left = a.rate.numerator.times(b.rate.divisor)
  const right = b.rate.numerator.times(a.rate.divisor)
  return right.cmp(left) || overdueFirst(a, b)
}

function bySmallestPayoff(a: RankFacts, b: RankFacts): number {
  return a.payoffFen - b.payoffFen || overdueFirst(a, b)
}

/** The loans' ids in the order's sequence, decided from their ledgers on `today`. */
export function planSequence(
  loans: readonly PlannerLoan[],
  today: CivilDate,
  order: OrderChoice,
): number[] {
  return sequenceFrom(rankFacts(loans, today), order)
}

function sequenceFrom(facts: readonly RankFacts[], order: OrderChoice): number[] {
  if (typeof order === 'object') {
    const known = new Set(facts.map((fact) => fact.id))
    const listed = [...new Set(order.custom)].filter((id) => known.has(id))
    const rest = facts.filter((fact) => !listed.includes(fact.id)).sort(overdueFirst)
    return [...listed, ...rest.map((fact) => fact.id)]
  }
  const compare =
    order === 'overdue_first' ? overdueFirst : order === 'avalanche' ? byRate : bySmallestPayoff
  return [...facts].sort(compare).map((fact) => fact.id)
}

/**
 * Pays `monthlyFen` a month over `loans` in the given order, from `today`, by the rules above.
 * Loan ids must be distinct.
 */
export function planPortfolio(
  loans: readonly PlannerLoan[],
  today: CivilDate,
  monthlyFen: Fen,
  order: OrderChoice,
  maxMonths = 600,
): PortfolioPlan {
  return runPlan(loans, today, monthlyFen, order, planSequence(loans, today, order), maxMonths)
}

function runPlan(
  loans: readonly PlannerLoan[],
  today: CivilDate,
  monthlyFen: Fen,
  order: OrderChoice,
  sequence: readonly number[],
  maxMonths: number,
): PortfolioPlan {
  const byId = new Map(loans.map((loan) => [loan.id, loan]))
  if (byId.size !== loans.length) throw new RangeError('planPortfolio: loan ids must be distinct')
  const states = sequence.map((id) => ({
    plan: { id, clearedOn: null, totalPaidFen: 0, payments: [] } as LoanPlan,
    simulation: startSimulation(byId.get(id)!, today),
  }))
  let open = states
  for (let month = 0; month < maxMonths && open.length > 0; month++) {
    const payOn = addMonths(today, month)
    const due: { state: (typeof states)[number]; ledger: Ledger; shareFen: Fen }[] = []
    for (const state of open) {
      const ledger = state.simulation.ledger(payOn)
      if (ledger.payoffFen === 0) state.plan.clearedOn = payOn
      else due.push({ state, ledger, shareFen: 0 })
    }
    let leftFen = monthlyFen
    for (const item of due) {
      const fen = Math.min(leftFen, item.ledger.overdueFen, item.ledger.payoffFen)
      item.shareFen += fen
      leftFen -= fen
    }
    for (const item of due) {
      const fen = Math.min(leftFen, item.ledger.payoffFen - item.shareFen)
      item.shareFen += fen
      leftFen -= fen
    }
    for (const { state, ledger, shareFen } of due) {
      if (shareFen <= 0) continue
      const payment = { paidOn: payOn, amountFen: shareFen }
      state.simulation.pay(payment)
      state.plan.payments.push(payment)
      state.plan.totalPaidFen += shareFen
      if (shareFen === ledger.payoffFen) state.plan.clearedOn = payOn
    }
    open = open.filter((state) => state.plan.clearedOn === null)
  }
  const plans = states.map((state) => state.plan)
  const clears = plans.every((plan) => plan.clearedOn !== null)
  return {
    order: typeof order === 'object' ? 'custom' : order,
    monthlyFen,
    loans: plans,
    clears,
    clearedOn: clears
      ? plans.reduce<CivilDate>(
          (latest, plan) => (plan.clearedOn! > latest ? plan.clearedOn! : latest),
          today,
        )
      : null,
    totalPaidFen: plans.reduce((sum, plan) => sum + plan.totalPaidFen, 0),
  }
}

/**
 * The plan under each order — overdue-first, avalanche, snowball, and the user's order when one
 * is given — computed once per distinct sequence (orders that agree give the same plan).
 */
export function planAllOrders(
  loans: readonly PlannerLoan[],
  today: CivilDate,
  monthlyFen: Fen,
  customOrder?: readonly number[],
  maxMonths = 600,
): PortfolioPlan[] {
  const facts = rankFacts(loans, today)
  const choices: OrderChoice[] = ['overdue_first', 'avalanche', 'snowball']
  if (customOrder !== undefined) choices.push({ custom: customOrder })
  const bySequence = new Map<string, PortfolioPlan>()
  return choices.map((choice) => {
    const sequence = sequenceFrom(facts, choice)
    const key = sequence.join(',')
    const known = bySequence.get(key)
    const order: PlanOrder = typeof choice === 'object' ? 'custom' : choice
    if (known !== undefined) return { ...known, order }
    const plan = runPlan(loans, today, monthlyFen, choice, sequence, maxMonths)
    bySequence.set(key, plan)
    return plan
  })
}

/** Which order is cheapest and which dearest, among those that clear, and the difference. */
export function comparePlans(plans: readonly PortfolioPlan[]): PlanComparison {
  const clearing = plans.filter((plan) => plan.clears)
  if (clearing.length === 0) return { best: null, bestOrders: [], worst: null, savingFen: 0 }
  const cheaper = (a: PortfolioPlan, b: PortfolioPlan) =>
    a.totalPaidFen - b.totalPaidFen || a.clearedOn!.localeCompare(b.clearedOn!)
  let best = clearing[0]!
  let worst = clearing[0]!
  for (const plan of clearing) {
    if (cheaper(plan, best) < 0) best = plan
    if (cheaper(plan, worst) >= 0) worst = plan
  }
  return {
    best: best.order,
    bestOrders: clearing.filter((plan) => cheaper(plan, best) === 0).map((plan) => plan.order),
    worst: worst.order,
    savingFen: worst.totalPaidFen - best.totalPaidFen,
  }
}
