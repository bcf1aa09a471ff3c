import {
  addDays,
  addMonths,
  fromDayNumber,
  toDayNumber,
  type CivilDate,
  type DayNumber,
} from '../dates'
import { Decimal, divideToFen, roundToFen, type Fen } from '../money'
import { buildRateBook, type RateBook } from './rates'
import { buildSchedule } from './schedule'
import { Settlement } from './settlement'
import { stageFor } from './stages'
import {
  sumAmounts,
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
import { COMPONENTS, type Component, type LoanEvent, type LoanTerms, type Payment } from './terms'

/**
 * Installment loans: the event-based ledger (docs/engine-rules.md is its specification). Time jumps from one
 * happening to the next — a due day, a fee day, a restructuring, a payment — and accrual over
 * the days between is one multiplication, because between happenings every base is constant.
 * Its cost therefore grows with the number of happenings, not of days.
 */

type Closed = 'open' | 'moved_to_plan' | 'repaid_early' | 'forgiven'

interface Bucket {
  index: number
  origin: 'contract' | 'agreed_plan'
  dueOn: CivilDate
  dueDay: DayNumber
  principal: Fen
  interest: Fen
  interestAccrual: Decimal
  penaltyAccrual: Decimal
  compoundAccrual: Decimal
  /** The three accruals rounded to the fen; null until asked for after a change (reads far outnumber writes). */
  accruedFen: { interest: Fen; penalty: Fen; compound: Fen } | null
  accruedTo: DayNumber
  fees: Fen
  feeDaysPassed: number
  nextFeeDay: DayNumber
  paid: Amounts
  waived: Amounts
  clearedInGrace: boolean
  closed: Closed
  /** The day it was moved into a plan or forgiven: what it was charged stays as of then. */
  closedDay: DayNumber
  movedToPlan: Fen
  /** The day its outstanding last became zero; null while something is owed. */
  settledDay: DayNumber | null
}

const NEVER = Number.POSITIVE_INFINITY
const ZERO = new Decimal(0)

function byDueDay(a: Bucket, b: Bucket): number {
  return a.dueDay - b.dueDay || a.index - b.index
}

/** One loan, simulated forward: feed it payments in date order, then read the ledger. */
export class LoanSimulation {
  private readonly book: RateBook
  private readonly buckets: Bucket[] = []
  /** Not yet due, by due day. */
  private pending: Bucket[] = []
  /** Due and still open, by due day. */
  private openDue: Bucket[] = []
  private readonly events: { day: DayNumber; event: LoanEvent }[]
  private nextEvent = 0
  /** Start-of-day happenings are done for every day ≤ this. */
  private processedThrough: DayNumber
  private lastDueDay: DayNumber
  private credit: Fen = 0
  private overpaid: Fen = 0
  private stopChargesFrom: DayNumber = NEVER
  private settlement: Settlement | null = null
  private closedAs: Ledger['closed'] = false
  private readonly paymentRecords: PaymentRecord[] = []
  private readonly eventRecords: EventRecord[] = []
  private readonly timeline: TimelinePoint[] = []

  constructor(
    private readonly terms: LoanTerms,
    events: readonly LoanEvent[],
    private readonly options: LedgerOptions = {},
  ) {
    if (terms.kind !== 'installment')
      throw new RangeError('LoanSimulation models installment loans; see card.ts')
    this.book = buildRateBook(terms)
    const start = toDayNumber(terms.disbursedOn)
    this.processedThrough = start - 1
    this.lastDueDay = start
    for (const item of buildSchedule(terms)) {
      this.addBucket('contract', item.dueOn, item.principalFen, item.interestFen)
    }
    this.events = events
      .map((event, order) => ({ day: toDayNumber(event.on), event, order }))
      .sort((a, b) => a.day - b.day || a.order - b.order)
    if (this.events.some((entry) => entry.day < start)) {
      throw new RangeError('an event is dated before the disbursement')
    }
  }

  /** Applies one payment; payments must come in date order. */
  pay(payment: Payment): PaymentRecord {
    const day = toDayNumber(payment.paidOn)
    if (day < this.processedThrough) throw new RangeError('payments must be applied in date order')
    if (day < toDayNumber(this.terms.disbursedOn))
      throw new RangeError('a payment is dated before the disbursement')
    this.runThrough(day)
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
    const left = this.allocateToDue(day, counted, record)
    if (this.closedAs !== false) this.addOverpaid(left, record)
    else this.allocateRemainder(day, left, record)
    this.addOverpaid(payment.amountFen - counted, record)
    if (settlement?.count(day, counted) === true) {
      if (this.closedAs === false) this.forgiveEverything(day)
      else this.settlement = null
    }
    this.paymentRecords.push(record)
    this.recordTimeline(day)
    return record
  }

  /** Does every start-of-day happening (events, due dates, fees) up to and including `target`. */
  runThrough(target: DayNumber): void {
    for (;;) {
      const day = Math.min(this.nextEventDay(), this.nextDueDay(), this.nextFeeDay())
      if (day > target) break
      this.processDay(day)
    }
    if (target > this.processedThrough) this.processedThrough = target
  }

  ledger(asOf: CivilDate): Ledger {
    const day = toDayNumber(asOf)
    this.runThrough(day)
    for (const bucket of this.openDue) this.accrue(bucket, day)
    const lines = [...this.buckets].sort(byDueDay).map((bucket) => this.lineOf(bucket, day))
    const totals = {
      charged: zeroAmounts(),
      paid: zeroAmounts(),
      waived: zeroAmounts(),
      outstanding: zeroAmounts(),
    }
    let overdueFen = 0
    let daysOverdue = 0
    let oldest: InstallmentLine | null = null
    const notYetDue = { principalFen: 0, interestFen: 0 }
    for (const line of lines) {
      if (line.status === 'upcoming' || line.status === 'prepaid') {
        notYetDue.principalFen += line.outstanding.principal
        notYetDue.interestFen += line.outstanding.interest
        for (const c of COMPONENTS) totals.paid[c] += line.paid[c]
        continue
      }
      for (const c of COMPONENTS) {
        totals.charged[c] += line.charged[c]
        totals.paid[c] += line.paid[c]
        totals.waived[c] += line.waived[c]
        totals.outstanding[c] += line.outstanding[c]
      }
      if (line.daysOverdue > 0) {
        overdueFen += sumAmounts(line.outstanding)
        if (line.daysOverdue > daysOverdue) {
          daysOverdue = line.daysOverdue
          oldest = line
        }
      }
    }
    const dueNowFen = sumAmounts(totals.outstanding)
    const movedToPlanFen = lines.reduce((sum, line) => sum + line.movedToPlanFen, 0)
    const nothingLeft =
      this.openDue.length === 0 && this.pending.every((bucket) => bucket.closed !== 'open')
    const inGrace = oldest !== null && oldest.status === 'grace'
    const payoff =
      this.closedAs !== false ? 0 : Math.max(0, dueNowFen + this.notYetDuePayoff(day) - this.credit)
    return {
      asOf,
      installments: lines,
      totals: { ...totals, movedToPlanFen },
      dueNowFen,
      overdueFen,
      notYetDue,
      payoffFen: this.settlement?.capPayoff(payoff) ?? payoff,
      daysOverdue,
      oldestOverdueOn: oldest?.dueOn ?? null,
      stage: stageFor(daysOverdue, inGrace),
      dailyAccrual: this.dailyAccrual(day),
      creditFen: this.credit,
      overpaidFen: this.overpaid,
      closed: this.closedAs === false && nothingLeft ? 'repaid' : this.closedAs,
      payments: this.paymentRecords,
      events: this.eventRecords,
      timeline: this.timeline,
    }
  }

  // ── happenings ─────────────────────────────────────────────────────────────────────────

  private nextEventDay(): DayNumber {
    return this.events[this.nextEvent]?.day ?? NEVER
  }

  private nextDueDay(): DayNumber {
    return this.pending[0]?.dueDay ?? NEVER
  }

  private nextFeeDay(): DayNumber {
    let next = NEVER
    for (const bucket of this.openDue) if (bucket.nextFeeDay < next) next = bucket.nextFeeDay
    return next
  }

  private processDay(day: DayNumber): void {
    while (this.nextEventDay() === day) this.applyEvent(day, this.events[this.nextEvent++]!.event)
    while (this.nextDueDay() === day) this.fallDue(this.pending.shift()!)
    for (const bucket of this.openDue) if (bucket.nextFeeDay === day) this.chargeFee(bucket, day)
    this.recordTimeline(day)
  }

  private fallDue(bucket: Bucket): void {
    this.lastDueDay = Math.max(this.lastDueDay, bucket.dueDay)
    if (bucket.closed !== 'open') return
    if (this.credit > 0) {
      for (const component of ['interest', 'principal'] as const) {
        const take = Math.min(this.credit, this.scheduledOutstanding(bucket, component))
        bucket.paid[component] += take
        this.credit -= take
      }
    }
    if (this.principalAndInterestOutstanding(bucket, bucket.dueDay) === 0) {
      bucket.settledDay = bucket.dueDay
      return
    }
    bucket.nextFeeDay = this.feeDay(bucket)
    this.openDue.push(bucket)
  }

  private chargeFee(bucket: Bucket, day: DayNumber): void {
    bucket.feeDaysPassed += 1
    const fee = this.terms.lateFee
    const base = this.principalAndInterestOutstanding(bucket, day)
    if (base > 0) {
      this.accrue(bucket, day)
      const outstandingBase =
        this.outstanding(bucket, 'principal', day) + this.outstanding(bucket, 'interest', day)
      let amount =
        fee.kind === 'fixed'
          ? fee.fixedFen
          : roundToFen(new Decimal(fee.percent).times(outstandingBase))
      amount = Math.max(fee.minFen, amount)
      if (fee.maxFen !== null) amount = Math.min(fee.maxFen, amount)
      bucket.fees += amount
      bucket.settledDay = null
    }
    bucket.nextFeeDay = base > 0 ? this.feeDay(bucket) : NEVER
  }

  /** The next fee day of an open overdue installment, or never. */
  private feeDay(bucket: Bucket): DayNumber {
    const fee = this.terms.lateFee
    const k = bucket.feeDaysPassed
    if (fee.kind === 'none' || bucket.clearedInGrace || bucket.closed !== 'open') return NEVER
    if (fee.frequency === 'once' && k > 0) return NEVER
    const schedule = this.terms.schedule
    const base =
      schedule.method !== 'custom' && bucket.origin === 'contract' && schedule.periodUnit === 'day'
        ? addDays(bucket.dueOn, k * schedule.periodLength)
        : addMonths(
            bucket.dueOn,
            k *
              (schedule.method !== 'custom' && bucket.origin === 'contract'
                ? schedule.periodLength
                : 1),
          )
    const day = toDayNumber(base) + this.terms.graceDays + 1
    return day >= this.stopChargesFrom ? NEVER : day
  }

  // ── accrual ────────────────────────────────────────────────────────────────────────────

  /** Brings an installment's accruals up to (not including) the night of `day`. */
  private accrue(bucket: Bucket, day: DayNumber): void {
    const end = Math.min(day, this.stopChargesFrom)
    if (end > bucket.accruedTo && bucket.closed === 'open' && !bucket.clearedInGrace) {
      const principal = bucket.principal - bucket.paid.principal - bucket.waived.principal
      const interest = this.scheduledOutstanding(bucket, 'interest')
      if (principal > 0 || interest > 0)
        this.accrueSpan(bucket, bucket.accruedTo, end, principal, interest)
    }
    if (day > bucket.accruedTo) bucket.accruedTo = day
  }

  private accrueSpan(
    bucket: Bucket,
    from: DayNumber,
    to: DayNumber,
    principal: Fen,
    interest: Fen,
  ): void {
    const { penalty } = this.terms
    const penaltyBase = penalty.basis === 'overdue_principal' ? principal : principal + interest
    const periods = this.book.periods
    for (let i = 0; i < periods.length; i++) {
      const period = periods[i]!
      const spanStart = Math.max(from, period.from)
      const spanEnd = Math.min(to, periods[i + 1]?.from ?? NEVER)
      if (spanEnd <= spanStart) continue
      const days = spanEnd - spanStart
      if (penalty.contractInterestContinues && principal > 0) {
        bucket.interestAccrual = bucket.interestAccrual.plus(
          period.contract.times(principal * days),
        )
      }
      if (penaltyBase > 0 && !period.penalty.eq(ZERO)) {
        bucket.penaltyAccrual = bucket.penaltyAccrual.plus(period.penalty.times(penaltyBase * days))
      }
      if (interest > 0 && !period.compound.eq(ZERO)) {
        bucket.compoundAccrual = bucket.compoundAccrual.plus(period.compound.times(interest * days))
      }
    }
    bucket.accruedFen = null
  }

  /** The accruals rounded to the fen (the rounding rule), worked out once after each change. */
  private accruedFen(bucket: Bucket): { interest: Fen; penalty: Fen; compound: Fen } {
    if (bucket.accruedFen === null) {
      const divisor = this.book.divisor
      bucket.accruedFen = {
        interest: divideToFen(bucket.interestAccrual, divisor),
        penalty: divideToFen(bucket.penaltyAccrual, divisor),
        compound: divideToFen(bucket.compoundAccrual, divisor),
      }
    }
    return bucket.accruedFen
  }

  private dailyAccrual(day: DayNumber): Ledger['dailyAccrual'] {
    const byNumerator = { interest: ZERO, penalty: ZERO, compound: ZERO }
    if (day < this.stopChargesFrom) {
      const period = this.book.periods.findLast((p) => p.from <= day) ?? this.book.periods[0]!
      const { penalty } = this.terms
      for (const bucket of this.openDue) {
        if (bucket.clearedInGrace || bucket.closed !== 'open') continue
        const principal = bucket.principal - bucket.paid.principal - bucket.waived.principal
        const interest = this.scheduledOutstanding(bucket, 'interest')
        const penaltyBase = penalty.basis === 'overdue_principal' ? principal : principal + interest
        if (penalty.contractInterestContinues) {
          byNumerator.interest = byNumerator.interest.plus(period.contract.times(principal))
        }
        byNumerator.penalty = byNumerator.penalty.plus(period.penalty.times(penaltyBase))
        byNumerator.compound = byNumerator.compound.plus(period.compound.times(interest))
      }
    }
    const total = byNumerator.interest.plus(byNumerator.penalty).plus(byNumerator.compound)
    const divisor = this.book.divisor
    return {
      fen: divideToFen(total, divisor),
      exactFen: new Decimal(total).div(divisor).round(6, Decimal.roundHalfUp).toString(),
      byComponent: {
        interest: divideToFen(byNumerator.interest, divisor),
        penalty: divideToFen(byNumerator.penalty, divisor),
        compound: divideToFen(byNumerator.compound, divisor),
      },
    }
  }

  // ── amounts ────────────────────────────────────────────────────────────────────────────

  private chargeable(bucket: Bucket, day: DayNumber): boolean {
    const asOf = Math.min(day, bucket.closedDay)
    return !bucket.clearedInGrace && asOf > bucket.dueDay + this.terms.graceDays
  }

  private charged(bucket: Bucket, component: Component, day: DayNumber): Fen {
    switch (component) {
      case 'principal':
        return bucket.principal
      case 'fee':
        return bucket.fees
      case 'interest':
        return (
          bucket.interest + (this.chargeable(bucket, day) ? this.accruedFen(bucket).interest : 0)
        )
      case 'penalty':
        return this.chargeable(bucket, day) ? this.accruedFen(bucket).penalty : 0
      case 'compound':
        return this.chargeable(bucket, day) ? this.accruedFen(bucket).compound : 0
    }
  }

  private outstanding(bucket: Bucket, component: Component, day: DayNumber): Fen {
    if (bucket.closed === 'moved_to_plan') return 0
    return this.charged(bucket, component, day) - bucket.paid[component] - bucket.waived[component]
  }

  /** Scheduled principal or interest not yet paid or waived (payments meet scheduled interest first). */
  private scheduledOutstanding(bucket: Bucket, component: 'principal' | 'interest'): Fen {
    const scheduled = component === 'principal' ? bucket.principal : bucket.interest
    return Math.max(0, scheduled - bucket.paid[component] - bucket.waived[component])
  }

  private principalAndInterestOutstanding(bucket: Bucket, day: DayNumber): Fen {
    return this.outstanding(bucket, 'principal', day) + this.outstanding(bucket, 'interest', day)
  }

  private totalOutstanding(bucket: Bucket, day: DayNumber): Fen {
    let total = 0
    for (const component of COMPONENTS) total += this.outstanding(bucket, component, day)
    return total
  }

  // ── payments ───────────────────────────────────────────────────────────────────────────

  private allocateToDue(day: DayNumber, amount: Fen, record: PaymentRecord): Fen {
    let left = amount
    // Installments are brought up to date only when the payment reaches them: with the oldest
    // paid first, a payment usually touches one or two of them, however many are overdue.
    const take = (bucket: Bucket, component: Component) => {
      if (left === 0) return
      this.accrue(bucket, day)
      const owed = this.outstanding(bucket, component, day)
      if (owed <= 0) return
      const paid = Math.min(owed, left)
      bucket.paid[component] += paid
      left -= paid
      record.allocations.push({ installmentIndex: bucket.index, component, amountFen: paid })
    }
    const { order, scope } = this.terms.allocation
    if (scope === 'installment_first') {
      for (const bucket of this.openDue) for (const component of order) take(bucket, component)
    } else {
      for (const component of order) for (const bucket of this.openDue) take(bucket, component)
    }
    this.settleOpenDue(day, true)
    return left
  }

  /** After a payment: grace clearing, and dropping installments with nothing left to owe or accrue. */
  private settleOpenDue(day: DayNumber, byPayment: boolean): void {
    this.openDue = this.openDue.filter((bucket) => {
      // Only a payment clears an installment within its grace days (a waiver does not).
      if (
        byPayment &&
        !bucket.clearedInGrace &&
        !this.chargeable(bucket, day) &&
        this.principalAndInterestOutstanding(bucket, day) === 0
      ) {
        bucket.clearedInGrace = true
        bucket.interestAccrual = ZERO
        bucket.penaltyAccrual = ZERO
        bucket.compoundAccrual = ZERO
        bucket.accruedFen = { interest: 0, penalty: 0, compound: 0 }
        bucket.nextFeeDay = NEVER
      }
      // Nothing owed means no principal or interest left either, so nothing more can accrue or
      // be charged — unless accrual from within the grace days is still to be charged.
      const pendingGraceCharges =
        !bucket.clearedInGrace &&
        !this.chargeable(bucket, day) &&
        !(
          bucket.interestAccrual.eq(ZERO) &&
          bucket.penaltyAccrual.eq(ZERO) &&
          bucket.compoundAccrual.eq(ZERO)
        )
      const done = this.totalOutstanding(bucket, day) === 0 && !pendingGraceCharges
      if (done) bucket.settledDay ??= day
      else bucket.settledDay = null
      return !done
    })
  }

  private addOverpaid(amount: Fen, record: PaymentRecord): void {
    record.overpaidFen += amount
    this.overpaid += amount
  }

  /**
   * What a payment leaves after everything due: repays the installments not yet due when it
   * (with the advance already held) covers their payoff, else joins the advance. Checked on
   * every payment, so an advance that has come to cover the payoff settles the loan too.
   */
  private allocateRemainder(day: DayNumber, left: Fen, record: PaymentRecord): void {
    if (left === 0 && this.credit === 0) return
    const future = this.pending.filter(
      (bucket) =>
        bucket.closed === 'open' &&
        this.scheduledOutstanding(bucket, 'principal') +
          this.scheduledOutstanding(bucket, 'interest') >
          0,
    )
    if (future.length === 0) {
      this.addOverpaid(left, record)
      return
    }
    const accruedInterest = this.interestAccruedOnNotYetDue(day)
    const principal = future.reduce(
      (sum, bucket) => sum + this.scheduledOutstanding(bucket, 'principal'),
      0,
    )
    const payoff = principal + accruedInterest
    if (payoff === 0 || this.credit + left < payoff) {
      this.credit += left
      record.advanceFen += left
      return
    }
    future.forEach((bucket, position) => {
      bucket.interest = position === 0 ? accruedInterest : 0
      for (const component of ['interest', 'principal'] as const) {
        const amount = this.scheduledOutstanding(bucket, component)
        bucket.paid[component] += amount
        if (amount > 0)
          record.allocations.push({ installmentIndex: bucket.index, component, amountFen: amount })
      }
      bucket.closed = 'repaid_early'
      bucket.settledDay = day
    })
    record.repaidEarly = true
    record.fromAdvanceFen = this.credit
    const excess = this.credit + left - payoff
    this.credit = 0
    this.addOverpaid(excess, record)
    if (this.openDue.length === 0) this.closedAs = 'repaid'
  }

  /**
   * Interest at the contract rate on contract principal not yet due, since the latest due day
   * (or disbursement), until charges stop. Agreed-plan installments carry the interest the plan
   * set, so their principal accrues nothing here.
   */
  private interestAccruedOnNotYetDue(day: DayNumber): Fen {
    const principal = this.pending
      .filter((bucket) => bucket.closed === 'open' && bucket.origin === 'contract')
      .reduce((sum, bucket) => sum + this.scheduledOutstanding(bucket, 'principal'), 0)
    if (principal === 0) return 0
    let accrued = ZERO
    const periods = this.book.periods
    for (let i = 0; i < periods.length; i++) {
      const from = Math.max(this.lastDueDay, periods[i]!.from)
      const to = Math.min(day, this.stopChargesFrom, periods[i + 1]?.from ?? NEVER)
      if (to > from) accrued = accrued.plus(periods[i]!.contract.times(principal * (to - from)))
    }
    return divideToFen(accrued, this.book.divisor)
  }

  private notYetDuePayoff(day: DayNumber): Fen {
    const principal = this.pending
      .filter((bucket) => bucket.closed === 'open')
      .reduce((sum, bucket) => sum + this.scheduledOutstanding(bucket, 'principal'), 0)
    return principal + this.interestAccruedOnNotYetDue(day)
  }

  // ── restructuring ──────────────────────────────────────────────────────────────────────

  private applyEvent(day: DayNumber, event: LoanEvent): void {
    for (const bucket of this.openDue) this.accrue(bucket, day)
    const record: EventRecord = { event, movedFen: 0, waivedFen: 0, forgivenFen: 0 }
    switch (event.type) {
      case 'agreed_plan': {
        for (const bucket of [...this.openDue, ...this.pending]) {
          if (bucket.closed !== 'open') continue
          const moved = this.totalOutstanding(bucket, day)
          bucket.closed = 'moved_to_plan'
          bucket.closedDay = day
          bucket.movedToPlan = moved
          bucket.nextFeeDay = NEVER
          record.movedFen += moved
        }
        this.openDue = []
        // Installments repaid early stay: a later deferral moves them as it would without a plan.
        this.pending = this.pending.filter((bucket) => bucket.closed !== 'moved_to_plan')
        let planPrincipal = 0
        for (const item of event.installments) {
          if (toDayNumber(item.dueOn) < day)
            throw new RangeError('an agreed plan installment falls due before the plan')
          this.addBucket('agreed_plan', item.dueOn, item.principalFen, item.interestFen)
          planPrincipal += item.principalFen
        }
        record.forgivenFen = record.movedFen - planPrincipal
        this.closedAs = false
        break
      }
      case 'deferral': {
        for (const bucket of this.pending) {
          if (bucket.closed === 'forgiven') continue
          bucket.dueOn = addMonths(bucket.dueOn, event.months)
          bucket.dueDay = toDayNumber(bucket.dueOn)
          bucket.accruedTo = bucket.dueDay
        }
        this.pending.sort(byDueDay)
        break
      }
      case 'waiver': {
        for (const bucket of this.openDue) {
          for (const component of event.components) {
            const owed = this.outstanding(bucket, component, day)
            bucket.waived[component] += owed
            record.waivedFen += owed
          }
        }
        if (event.stopFurtherCharges) {
          this.stopChargesFrom = Math.min(this.stopChargesFrom, day)
          for (const bucket of this.openDue) bucket.nextFeeDay = this.feeDay(bucket)
        }
        this.settleOpenDue(day, false)
        break
      }
      case 'settlement': {
        this.settlement = new Settlement(day, event.amountFen)
        break
      }
    }
    this.eventRecords.push(record)
  }

  private forgiveEverything(day: DayNumber): void {
    for (const bucket of this.openDue) {
      this.accrue(bucket, day)
      for (const component of COMPONENTS)
        bucket.waived[component] += this.outstanding(bucket, component, day)
      bucket.closed = 'forgiven'
      bucket.closedDay = day
      bucket.settledDay = day
    }
    for (const bucket of this.pending) {
      if (bucket.closed !== 'open') continue
      bucket.waived.principal += this.scheduledOutstanding(bucket, 'principal')
      bucket.waived.interest += this.scheduledOutstanding(bucket, 'interest')
      bucket.closed = 'forgiven'
      bucket.closedDay = day
      bucket.settledDay = day
    }
    this.openDue = []
    // An advance held when the settlement is reached counts as paid toward it: it is used up.
    this.credit = 0
    this.settlement = null
    this.closedAs = 'forgiven'
  }

  // ── bookkeeping ────────────────────────────────────────────────────────────────────────

  private addBucket(
    origin: Bucket['origin'],
    dueOn: CivilDate,
    principal: Fen,
    interest: Fen,
  ): void {
    const dueDay = toDayNumber(dueOn)
    const bucket: Bucket = {
      index: this.buckets.length,
      origin,
      dueOn,
      dueDay,
      principal,
      interest,
      interestAccrual: ZERO,
      penaltyAccrual: ZERO,
      compoundAccrual: ZERO,
      accruedFen: { interest: 0, penalty: 0, compound: 0 },
      accruedTo: dueDay,
      fees: 0,
      feeDaysPassed: 0,
      nextFeeDay: NEVER,
      paid: zeroAmounts(),
      waived: zeroAmounts(),
      clearedInGrace: false,
      closed: 'open',
      closedDay: NEVER,
      movedToPlan: 0,
      settledDay: null,
    }
    this.buckets.push(bucket)
    const last = this.pending.at(-1)
    this.pending.push(bucket)
    if (last !== undefined && byDueDay(last, bucket) > 0) this.pending.sort(byDueDay)
  }

  private recordTimeline(day: DayNumber): void {
    if (!this.options.timeline) return
    const due = zeroAmounts()
    for (const bucket of this.openDue) {
      this.accrue(bucket, day)
      for (const component of COMPONENTS) due[component] += this.outstanding(bucket, component, day)
    }
    const point = {
      on: fromDayNumber(day),
      due,
      notYetDuePrincipalFen: this.pending
        .filter((bucket) => bucket.closed === 'open')
        .reduce((sum, bucket) => sum + this.scheduledOutstanding(bucket, 'principal'), 0),
    }
    const last = this.timeline.at(-1)
    if (last?.on === point.on) this.timeline[this.timeline.length - 1] = point
    else this.timeline.push(point)
  }

  private lineOf(bucket: Bucket, day: DayNumber): InstallmentLine {
    const notYetDue = bucket.dueDay > day
    const charged = zeroAmounts()
    const outstanding = zeroAmounts()
    for (const component of COMPONENTS) {
      charged[component] = notYetDue
        ? component === 'principal' || component === 'interest'
          ? this.charged(bucket, component, day)
          : 0
        : this.charged(bucket, component, day)
      outstanding[component] =
        bucket.closed === 'moved_to_plan'
          ? 0
          : charged[component] - bucket.paid[component] - bucket.waived[component]
    }
    const owed = sumAmounts(outstanding)
    const paidAnything = sumAmounts(bucket.paid) > 0
    const daysOverdue = !notYetDue && owed > 0 && bucket.dueDay < day ? day - bucket.dueDay : 0
    return {
      index: bucket.index,
      origin: bucket.origin,
      dueOn: bucket.dueOn,
      status: this.statusOf(bucket, day, owed, daysOverdue),
      partiallyPaid: owed > 0 && paidAnything,
      daysOverdue,
      charged,
      paid: { ...bucket.paid },
      waived: { ...bucket.waived },
      outstanding,
      movedToPlanFen: bucket.movedToPlan,
    }
  }

  private statusOf(
    bucket: Bucket,
    day: DayNumber,
    owed: Fen,
    daysOverdue: number,
  ): InstallmentStatus {
    if (bucket.closed === 'moved_to_plan') return 'restructured'
    if (bucket.closed === 'forgiven') return 'forgiven'
    if (bucket.closed === 'repaid_early') return 'prepaid'
    if (bucket.dueDay > day) return 'upcoming'
    if (owed === 0) {
      const settled = bucket.settledDay ?? bucket.dueDay
      return settled <= bucket.dueDay + this.terms.graceDays ? 'paid' : 'paid_late'
    }
    if (daysOverdue === 0) return 'due_today'
    return this.chargeable(bucket, day) ? 'overdue' : 'grace'
  }
}
