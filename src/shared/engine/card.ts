import {
  addDays,
  addMonths,
  fromDayNumber,
  toDayNumber,
  type CivilDate,
  type DayNumber,
} from '../dates'
import { Decimal, roundToFen, type Fen } from '../money'
import {
  zeroAmounts,
  type Amounts,
  type EventRecord,
  type InstallmentLine,
  type InstallmentStatus,
  type Ledger,
  type LedgerOptions,
  type PaymentRecord,
  type TimelinePoint,
} from './ledger-types'
import { LoanSimulation } from './installment-loan'
import { Settlement } from './settlement'
import { stageFor } from './stages'
import { COMPONENTS, type Component, type LoanEvent, type LoanTerms, type Payment } from './terms'

/**
 * A credit card under the 2017 rules (see docs/engine-rules.md, "Credit cards"):
 * - the balance B is posted on `disbursedOn`; statement 0 comes on `card.statementOn`, due
 *   `dueDaysAfterStatement` days later; then a statement every month on the same day;
 * - paid in full by the due date (+ grace days): no interest at all. Otherwise interest runs at
 *   the daily rate from the posting date: on the whole balance as it stood (full_balance, 全额计息)
 *   or only on the part left unpaid at the due date (unpaid_part, 剩余计息);
 * - interest accrued in a cycle is billed on the next statement and from then on bears interest
 *   itself (monthly compounding): that second layer is reported as `compound`;
 * - each statement asks for a minimum: max(floor, minimumPercent × principal) + the interest
 *   and fees newly billed, at most what is left beyond earlier unpaid minimums;
 * - a minimum not met by its due date (+ grace) costs a fee (违约金): `lateFee.percent` of the
 *   unpaid part, within `minFen` and `maxFen`; fees bear no interest;
 * - a payment reduces the balance in the allocation order and counts toward the oldest unpaid
 *   minimum; the card is overdue from the due date of the oldest minimum not met.
 */

interface Statement {
  index: number
  statementDay: DayNumber
  dueOn: CivilDate
  dueDay: DayNumber
  /** The new minimum of this statement, split by component (fee, interest, compound, principal). */
  minimum: Amounts
  minimumPaid: Fen
  settledDay: DayNumber | null
  feeCharged: boolean
}

type CardComponent = Exclude<Component, 'penalty'>

export class CardSimulation {
  private readonly rate: Decimal
  private readonly postingDay: DayNumber
  private readonly firstChargeableDay: DayNumber
  /** What is owed now, billed (fee, interest, compound) and principal. */
  private readonly balance: Amounts = zeroAmounts()
  /** Exact accrual since posting: on principal (→ interest) and on billed interest (→ compound). */
  private interestAccrual = new Decimal(0)
  private compoundAccrual = new Decimal(0)
  private billed = { interest: 0, compound: 0 }
  private accruedTo: DayNumber
  private interestFree: boolean | null = null
  private readonly statements: Statement[] = []
  /** Fees charged since the last statement: the next one bills them. */
  private unbilledFees: Fen = 0
  private nextStatementDay: DayNumber
  private processedThrough: DayNumber
  private stopChargesFrom: DayNumber = Number.POSITIVE_INFINITY
  private settlement: Settlement | null = null
  private closedAs: Ledger['closed'] = false
  private overpaid: Fen = 0
  private readonly paid: Amounts = zeroAmounts()
  private readonly waived: Amounts = zeroAmounts()
  private readonly events: { day: DayNumber; event: LoanEvent }[]
  private nextEvent = 0
  private readonly paymentRecords: PaymentRecord[] = []
  private readonly eventRecords: EventRecord[] = []
  /** After a personalized installment plan (个性化分期): the plan, run as an installment loan. */
  private plan: { simulation: LoanSimulation; movedFen: Fen; day: DayNumber } | null = null
  private readonly timeline: TimelinePoint[] = []

  constructor(
    private readonly terms: LoanTerms,
    events: readonly LoanEvent[],
    private readonly options: LedgerOptions = {},
  ) {
    if (terms.kind !== 'credit_card' || terms.card === null)
      throw new RangeError('CardSimulation models credit cards')
    const firstPlan = events.findIndex((event) => event.type === 'agreed_plan')
    const beforePlan = firstPlan === -1 ? events : events.slice(0, firstPlan)
    if (beforePlan.some((event) => event.type === 'deferral')) {
      throw new RangeError('a card has no installments to defer: agree an installment plan first')
    }
    this.rate = new Decimal(terms.rate.value)
    this.postingDay = toDayNumber(terms.disbursedOn)
    this.accruedTo = this.postingDay
    this.processedThrough = this.postingDay - 1
    this.balance.principal = terms.principalFen
    this.nextStatementDay = toDayNumber(terms.card.statementOn)
    const firstDue = addDays(terms.card.statementOn, terms.card.dueDaysAfterStatement)
    this.firstChargeableDay = toDayNumber(firstDue) + terms.graceDays + 1
    this.events = events
      .map((event, order) => ({ day: toDayNumber(event.on), event, order }))
      .sort((a, b) => a.day - b.day || a.order - b.order)
  }

  pay(payment: Payment): PaymentRecord {
    const day = toDayNumber(payment.paidOn)
    if (day < this.processedThrough) throw new RangeError('payments must be applied in date order')
    this.runThrough(day)
    if (this.plan !== null) return this.withPlanIndexes(this.plan.simulation.pay(payment))
    this.accrue(day)
    const record: PaymentRecord = {
      ...(payment.id === undefined ? {} : { id: payment.id }),
      paidOn: payment.paidOn,
      amountFen: payment.amountFen,
      allocations: [],
      advanceFen: 0,
      fromAdvanceFen: 0,
      overpaidFen: 0,
      repaidEarly: false,
    }
    const settlement = this.settlement
    const counted = settlement?.applicable(day, payment.amountFen) ?? payment.amountFen
    let left = counted
    if (this.closedAs === false) {
      const payoff = this.payoff(day)
      if (left >= payoff && this.interestFree === null) {
        // Paid in full before the due date (+ grace): the interest-free period holds.
        this.interestFree = true
        this.interestAccrual = new Decimal(0)
      } else if (left > this.balanceTotal()) {
        // More than is billed: interest accrued so far is settled too.
        this.billAccrued(day, true)
      }
      left = this.payBalance(left, record, 0)
      if (this.balanceTotal() === 0 && this.accruedUnbilled(day) === 0) this.closedAs = 'repaid'
      this.countTowardMinimums(day, counted - left)
    }
    if (settlement?.count(day, counted) === true) {
      if (this.closedAs === false) this.forgiveEverything(day)
      else this.settlement = null
    }
    left += payment.amountFen - counted
    if (left > 0) {
      record.overpaidFen += left
      this.overpaid += left
    }
    this.paymentRecords.push(record)
    this.recordTimeline(day)
    return record
  }

  runThrough(target: DayNumber): void {
    for (;;) {
      const day = Math.min(
        this.events[this.nextEvent]?.day ?? Infinity,
        this.nextStatement(),
        this.nextFeeDay(),
      )
      if (day > target) break
      this.accrue(day)
      while (this.events[this.nextEvent]?.day === day)
        this.applyEvent(day, this.events[this.nextEvent++]!.event)
      if (this.nextStatement() === day) this.issueStatement(day)
      for (const statement of this.statements) {
        if (this.feeDayOf(statement) === day) this.chargeFee(statement)
      }
      this.recordTimeline(day)
    }
    if (target > this.processedThrough) this.processedThrough = target
  }

  ledger(asOf: CivilDate): Ledger {
    const day = toDayNumber(asOf)
    this.runThrough(day)
    if (this.plan !== null) return this.ledgerUnderPlan(asOf)
    this.accrue(day)
    const lines = this.statements.map((statement) => this.lineOf(statement, day))
    let overdueFen = 0
    let dueNowFen = 0
    let daysOverdue = 0
    let oldest: InstallmentLine | null = null
    for (const line of lines) {
      const owed = COMPONENTS.reduce((sum, c) => sum + line.outstanding[c], 0)
      if (line.status === 'upcoming') continue
      dueNowFen += owed
      if (line.daysOverdue > 0) {
        overdueFen += owed
        if (line.daysOverdue > daysOverdue) {
          daysOverdue = line.daysOverdue
          oldest = line
        }
      }
    }
    const outstanding = { ...this.balance, penalty: 0 }
    const accruedUnbilled = this.accruedUnbilled(day)
    const rate = this.stopped(day) || this.interestFree === true ? new Decimal(0) : this.rate
    const interestPerDay = rate.times(this.balance.principal)
    const compoundPerDay = rate.times(this.balance.interest + this.balance.compound)
    return {
      asOf,
      installments: lines,
      totals: {
        charged: {
          fee: this.balance.fee + this.paid.fee + this.waived.fee,
          penalty: 0,
          compound: this.billed.compound,
          interest: this.billed.interest,
          principal: this.terms.principalFen,
        },
        paid: { ...this.paid },
        waived: { ...this.waived },
        outstanding,
        movedToPlanFen: 0,
      },
      dueNowFen,
      overdueFen,
      notYetDue: { principalFen: 0, interestFen: accruedUnbilled },
      payoffFen: this.closedAs !== false ? 0 : this.settledPayoff(day),
      daysOverdue,
      oldestOverdueOn: oldest?.dueOn ?? null,
      stage: stageFor(daysOverdue, oldest?.status === 'grace'),
      dailyAccrual: {
        fen: roundToFen(interestPerDay.plus(compoundPerDay)),
        exactFen: interestPerDay.plus(compoundPerDay).round(6, Decimal.roundHalfUp).toString(),
        byComponent: {
          interest: roundToFen(interestPerDay),
          penalty: 0,
          compound: roundToFen(compoundPerDay),
        },
      },
      creditFen: 0,
      overpaidFen: this.overpaid,
      closed: this.closedAs,
      payments: this.paymentRecords,
      events: this.eventRecords,
      timeline: this.timeline,
    }
  }

  // ── statements, fees, accrual ────────────────────────────────────────────────────────────

  private nextStatement(): DayNumber {
    if (this.closedAs !== false || this.plan !== null) return Infinity
    const hasStatement = this.statements.length > 0
    const owes = COMPONENTS.some((c) => this.balance[c] > 0) || this.interestAccrual.gt(0)
    return !hasStatement || owes ? this.nextStatementDay : Infinity
  }

  private issueStatement(day: DayNumber): void {
    const card = this.terms.card!
    const index = this.statements.length
    const fresh = this.billAccrued(day, false)
    const arrears = this.statements.reduce(
      (sum, s) => sum + Math.max(0, this.minimumTotal(s) - s.minimumPaid),
      0,
    )
    const total = COMPONENTS.reduce((sum, c) => sum + this.balance[c], 0)
    const principalPart = Math.max(
      card.minimumFloorFen,
      roundToFen(new Decimal(card.minimumPercent).times(this.balance.principal)),
    )
    const room = Math.max(0, total - arrears)
    const minimum = zeroAmounts()
    let left = room
    for (const [component, amount] of [
      ['fee', fresh.fee],
      ['interest', fresh.interest],
      ['compound', fresh.compound],
      ['principal', Math.min(principalPart, this.balance.principal)],
    ] as const) {
      minimum[component] = Math.min(amount, left)
      left -= minimum[component]
    }
    const dueOn = addDays(fromDayNumber(day), card.dueDaysAfterStatement)
    this.statements.push({
      index,
      statementDay: day,
      dueOn,
      dueDay: toDayNumber(dueOn),
      minimum,
      minimumPaid: 0,
      settledDay: this.minimumSum(minimum) === 0 ? day : null,
      feeCharged: false,
    })
    this.nextStatementDay = toDayNumber(addMonths(card.statementOn, index + 1))
  }

  /** Bills interest accrued up to `day`; fees are billed as charged. Returns what the statement adds. */
  private billAccrued(
    day: DayNumber,
    all: boolean,
  ): Pick<Amounts, 'fee' | 'interest' | 'compound'> {
    const fee = this.unbilledFees
    this.unbilledFees = 0
    if (!all && this.interestFree === null && day < this.firstChargeableDay)
      return { fee, interest: 0, compound: 0 }
    const interest = roundToFen(this.interestAccrual) - this.billed.interest
    const compound = roundToFen(this.compoundAccrual) - this.billed.compound
    this.billed.interest += interest
    this.billed.compound += compound
    this.balance.interest += interest
    this.balance.compound += compound
    return { fee, interest, compound }
  }

  private feeDayOf(statement: Statement): DayNumber {
    if (statement.feeCharged || this.terms.lateFee.kind === 'none') return Infinity
    const day = statement.dueDay + this.terms.graceDays + 1
    return day >= this.stopChargesFrom ? Infinity : day
  }

  private nextFeeDay(): DayNumber {
    if (this.plan !== null) return Infinity
    let next = Infinity
    for (const statement of this.statements) next = Math.min(next, this.feeDayOf(statement))
    return next
  }

  private chargeFee(statement: Statement): void {
    statement.feeCharged = true
    const unpaid = this.minimumTotal(statement) - statement.minimumPaid
    if (unpaid <= 0 || this.closedAs !== false) return
    const fee = this.terms.lateFee
    let amount =
      fee.kind === 'fixed' ? fee.fixedFen : roundToFen(new Decimal(fee.percent).times(unpaid))
    amount = Math.max(fee.minFen, amount)
    if (fee.maxFen !== null) amount = Math.min(fee.maxFen, amount)
    this.balance.fee += amount
    this.unbilledFees += amount
  }

  /** Accrues nights up to `day` (exclusive); decides the interest-free question on its day. */
  private accrue(day: DayNumber): void {
    const end = Math.min(day, this.stopChargesFrom)
    if (
      this.interestFree !== true &&
      end > this.accruedTo &&
      this.closedAs === false &&
      this.plan === null
    ) {
      const nights = end - this.accruedTo
      this.interestAccrual = this.interestAccrual.plus(
        this.rate.times(this.balance.principal * nights),
      )
      this.compoundAccrual = this.compoundAccrual.plus(
        this.rate.times((this.balance.interest + this.balance.compound) * nights),
      )
    }
    if (day > this.accruedTo) this.accruedTo = day
    // A card forgiven by a settlement before its due date has had its interest billed and
    // waived: there is nothing left to decide (deciding would reset what was billed).
    if (this.interestFree === null && day >= this.firstChargeableDay && this.closedAs === false)
      this.decideInterestFree()
  }

  private decideInterestFree(): void {
    if (this.balance.principal === 0) {
      this.interestFree = true
      this.interestAccrual = new Decimal(0)
      return
    }
    this.interestFree = false
    if (this.terms.card!.interestOn === 'unpaid_part') {
      // Only what was left unpaid at the due date bears interest, from the posting date.
      const nights = Math.min(this.accruedTo, this.stopChargesFrom) - this.postingDay
      this.interestAccrual = this.rate.times(this.balance.principal * Math.max(0, nights))
    }
  }

  private accruedUnbilled(day: DayNumber): Fen {
    if (this.interestFree !== false && day < this.firstChargeableDay) return 0
    return (
      roundToFen(this.interestAccrual) -
      this.billed.interest +
      (roundToFen(this.compoundAccrual) - this.billed.compound)
    )
  }

  private payoff(day: DayNumber): Fen {
    return this.balanceTotal() + this.accruedUnbilled(day)
  }

  /** What clearing the card costs on `day`, at most what a settlement still asks for. */
  private settledPayoff(day: DayNumber): Fen {
    const payoff = this.payoff(day)
    return this.settlement?.capPayoff(payoff) ?? payoff
  }

  private balanceTotal(): Fen {
    return COMPONENTS.reduce((sum, c) => sum + this.balance[c], 0)
  }

  private stopped(day: DayNumber): boolean {
    return day >= this.stopChargesFrom
  }

  // ── payments ───────────────────────────────────────────────────────────────────────────

  private payBalance(amount: Fen, record: PaymentRecord, installmentIndex: number): Fen {
    let left = amount
    for (const component of this.terms.allocation.order) {
      if (component === 'penalty') continue
      const take = Math.min(left, this.balance[component as CardComponent])
      if (take <= 0) continue
      this.balance[component] -= take
      this.paid[component] += take
      left -= take
      record.allocations.push({ installmentIndex, component, amountFen: take })
    }
    return left
  }

  private countTowardMinimums(day: DayNumber, amount: Fen): void {
    let left = amount
    for (const statement of this.statements) {
      const unpaid = this.minimumTotal(statement) - statement.minimumPaid
      const take = Math.min(unpaid, left)
      statement.minimumPaid += take
      left -= take
      if (this.minimumTotal(statement) - statement.minimumPaid === 0) statement.settledDay ??= day
    }
    if (this.closedAs !== false) {
      for (const statement of this.statements) statement.settledDay ??= day
    }
  }

  private minimumTotal(statement: Statement): Fen {
    if (this.closedAs !== false) return statement.minimumPaid
    return this.minimumSum(statement.minimum)
  }

  private minimumSum(minimum: Amounts): Fen {
    return COMPONENTS.reduce((sum, c) => sum + minimum[c], 0)
  }

  // ── events ─────────────────────────────────────────────────────────────────────────────

  private applyEvent(day: DayNumber, event: LoanEvent): void {
    const record: EventRecord = { event, movedFen: 0, waivedFen: 0, forgivenFen: 0 }
    if (event.type === 'agreed_plan') {
      this.startPlan(day, event, record)
    } else if (event.type === 'waiver') {
      if (event.components.includes('interest') || event.components.includes('compound'))
        this.billAccrued(day, false)
      for (const component of event.components) {
        if (component === 'penalty') continue
        const amount = this.balance[component]
        this.balance[component] = 0
        this.waived[component] += amount
        record.waivedFen += amount
      }
      if (event.stopFurtherCharges) this.stopChargesFrom = Math.min(this.stopChargesFrom, day)
      this.relieveMinimums(day)
    } else if (event.type === 'settlement') {
      this.settlement = new Settlement(day, event.amountFen)
    }
    this.eventRecords.push(record)
  }

  /** After a waiver: no minimum asks for more than is left to pay. */
  private relieveMinimums(day: DayNumber): void {
    let room = COMPONENTS.reduce((sum, c) => sum + this.balance[c], 0)
    for (const statement of this.statements) {
      const unpaid = this.minimumSum(statement.minimum) - statement.minimumPaid
      const keep = Math.min(unpaid, room)
      room -= keep
      let cut = unpaid - keep
      for (const component of ['fee', 'interest', 'compound', 'principal'] as const) {
        const take = Math.min(cut, statement.minimum[component])
        statement.minimum[component] -= take
        cut -= take
      }
      if (this.minimumSum(statement.minimum) - statement.minimumPaid === 0)
        statement.settledDay ??= day
    }
  }

  private forgiveEverything(day: DayNumber): void {
    this.billAccrued(day, true)
    for (const component of COMPONENTS) {
      this.waived[component] += this.balance[component]
      this.balance[component] = 0
    }
    this.relieveMinimums(day)
    this.settlement = null
    this.closedAs = 'forgiven'
  }

  // ── personalized installment plan ──────────────────────────────────────────────────────

  /**
   * Everything owed (accrued interest billed) moves into the plan; the card stops billing, and
   * the plan runs as an installment loan from the plan's date under the card's own terms:
   * interest continues on overdue plan principal, and a missed plan installment costs the
   * card's 违约金 on what is overdue. Later events apply to the plan.
   */
  private startPlan(
    day: DayNumber,
    event: Extract<LoanEvent, { type: 'agreed_plan' }>,
    record: EventRecord,
  ): void {
    this.accrue(day)
    this.billAccrued(day, true)
    const moved = this.balanceTotal()
    for (const component of COMPONENTS) this.balance[component] = 0
    const principalFen = event.installments.reduce((sum, item) => sum + item.principalFen, 0)
    const lateFee = this.terms.lateFee
    const planTerms: LoanTerms = {
      ...this.terms,
      kind: 'installment',
      principalFen,
      disbursedOn: event.on,
      rateChanges: [],
      schedule: { method: 'custom', installments: event.installments },
      lateFee: {
        ...lateFee,
        kind: lateFee.kind === 'percent_of_unpaid_minimum' ? 'percent_of_overdue' : lateFee.kind,
      },
      card: null,
    }
    const later = this.events.slice(this.nextEvent).map((entry) => entry.event)
    this.nextEvent = this.events.length
    this.plan = {
      simulation: new LoanSimulation(planTerms, later, this.options),
      movedFen: moved,
      day,
    }
    record.movedFen = moved
    record.forgivenFen = moved - principalFen
  }

  private withPlanIndexes(record: PaymentRecord): PaymentRecord {
    const offset = this.statements.length
    return {
      ...record,
      allocations: record.allocations.map((a) => ({
        ...a,
        installmentIndex: a.installmentIndex + offset,
      })),
    }
  }

  private ledgerUnderPlan(asOf: CivilDate): Ledger {
    const plan = this.plan!
    const inner = plan.simulation.ledger(asOf)
    const offset = this.statements.length
    const statements = this.statements.map((statement) => {
      const line = this.lineOf(statement, plan.day)
      const unpaid = COMPONENTS.reduce((sum, c) => sum + line.outstanding[c], 0)
      return {
        ...line,
        status: 'restructured' as const,
        partiallyPaid: false,
        daysOverdue: 0,
        outstanding: zeroAmounts(),
        movedToPlanFen: unpaid,
      }
    })
    const totals = {
      charged: { ...inner.totals.charged },
      paid: { ...inner.totals.paid },
      waived: { ...inner.totals.waived },
      outstanding: inner.totals.outstanding,
      movedToPlanFen: plan.movedFen,
    }
    for (const c of COMPONENTS) {
      totals.paid[c] += this.paid[c]
      totals.waived[c] += this.waived[c]
    }
    return {
      ...inner,
      installments: [
        ...statements,
        ...inner.installments.map((line) => ({
          ...line,
          index: line.index + offset,
          origin: 'agreed_plan' as const,
        })),
      ],
      totals,
      overpaidFen: inner.overpaidFen + this.overpaid,
      payments: [
        ...this.paymentRecords,
        ...inner.payments.map((record) => this.withPlanIndexes(record)),
      ],
      events: [...this.eventRecords, ...inner.events],
      timeline: [...this.timeline, ...inner.timeline],
    }
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────

  private recordTimeline(day: DayNumber): void {
    if (!this.options.timeline) return
    const due = { ...this.balance }
    if (this.interestFree === false) {
      due.interest += roundToFen(this.interestAccrual) - this.billed.interest
      due.compound += roundToFen(this.compoundAccrual) - this.billed.compound
    }
    const point = { on: fromDayNumber(day), due, notYetDuePrincipalFen: 0 }
    if (this.timeline.at(-1)?.on === point.on) this.timeline[this.timeline.length - 1] = point
    else this.timeline.push(point)
  }

  private lineOf(statement: Statement, day: DayNumber): InstallmentLine {
    const charged = { ...statement.minimum }
    const paid = zeroAmounts()
    let left = statement.minimumPaid
    for (const component of ['fee', 'interest', 'compound', 'principal'] as const) {
      paid[component] = Math.min(left, charged[component])
      left -= paid[component]
    }
    const outstanding = zeroAmounts()
    if (this.closedAs === false) for (const c of COMPONENTS) outstanding[c] = charged[c] - paid[c]
    const owed = COMPONENTS.reduce((sum, c) => sum + outstanding[c], 0)
    const daysOverdue = owed > 0 && statement.dueDay < day ? day - statement.dueDay : 0
    return {
      index: statement.index,
      origin: 'contract',
      dueOn: statement.dueOn,
      status: this.statusOf(statement, day, owed, daysOverdue),
      partiallyPaid: owed > 0 && statement.minimumPaid > 0,
      daysOverdue,
      charged,
      paid,
      waived: zeroAmounts(),
      outstanding,
      movedToPlanFen: 0,
    }
  }

  private statusOf(
    statement: Statement,
    day: DayNumber,
    owed: Fen,
    daysOverdue: number,
  ): InstallmentStatus {
    if (
      this.closedAs === 'forgiven' &&
      owed === 0 &&
      statement.minimumPaid < this.minimumSum(statement.minimum)
    ) {
      return 'forgiven'
    }
    if (owed === 0) {
      const settled = statement.settledDay ?? statement.statementDay
      return settled <= statement.dueDay + this.terms.graceDays ? 'paid' : 'paid_late'
    }
    if (statement.dueDay > day) return 'upcoming'
    if (daysOverdue === 0) return 'due_today'
    return day > statement.dueDay + this.terms.graceDays ? 'overdue' : 'grace'
  }
}
