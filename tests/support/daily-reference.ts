import { addDays, addMonths, toDayNumber } from '@shared/dates'
import { buildSchedule } from '@shared/engine/schedule'
import {
  COMPONENTS,
  type Component,
  type LoanEvent,
  type LoanTerms,
  type Payment,
  type Rate,
} from '@shared/engine/terms'
import { Decimal, divideToFen, roundToFen } from '@shared/money'

/**
 * A deliberately naive reference for the ledger rules of docs/engine-rules.md: it walks every
 * calendar day from disbursement to `asOf` and applies the rules one day at a time. Property
 * tests compare the event-based engine with it to the fen. It shares nothing with the engine
 * but the schedule, the money and date helpers and the terms types.
 *
 * A day d, in order:
 *   1. restructuring events dated d (in the order given);
 *   2. installments falling due on d take advance credit (interest, then principal);
 *   3. fee days on d;
 *   4. payments dated d (in the order given);
 *   5. unless d is asOf, the night of d accrues on the balances after d's payments, for every
 *      open installment with dueDay ≤ d, unless charges were stopped on or before d.
 */

export interface ReferenceInstallment {
  /** Current due date (after deferrals). */
  dueOn: string
  origin: 'contract' | 'agreed_plan'
  /** Charged amounts at asOf (frozen at the closing day for a closed installment). */
  charged: Record<Component, number>
  paid: Record<Component, number>
  waived: Record<Component, number>
  /** 0 for installments closed into an agreed plan. */
  outstanding: Record<Component, number>
  /** Total outstanding moved into an agreed plan when it closed (0 otherwise). */
  movedToPlanFen: number
  daysOverdue: number
}

export interface ReferenceResult {
  /** Contract installments in schedule order, then agreed-plan installments in the order given. */
  installments: ReferenceInstallment[]
  creditFen: number
  overpaidFen: number
  /** The largest of the installments' days overdue. */
  daysOverdue: number
}

interface Installment {
  /** Creation order: schedule order, then plan installments in the order given. */
  order: number
  origin: 'contract' | 'agreed_plan'
  dueOn: string
  principalFen: number
  /** Scheduled interest (replaced by the accrued interest on early repayment). */
  interestFen: number
  /** Length of one fee period. */
  feePeriod: { unit: 'month' | 'day'; length: number }
  paid: Record<Component, number>
  waived: Record<Component, number>
  feesFen: number
  /** Exact accrual numerators (divide by D for the amount). */
  interestAccrual: Decimal
  penaltyAccrual: Decimal
  compoundAccrual: Decimal
  clearedWithinGrace: boolean
  /** The day it was closed (into an agreed plan, or forgiven by a settlement); null while open. */
  closedOn: number | null
  closedInto: 'plan' | 'settlement' | null
  movedToPlanFen: number
}

interface Settlement {
  remainingFen: number
  active: boolean
}

function zeros(): Record<Component, number> {
  return { fee: 0, penalty: 0, compound: 0, interest: 0, principal: 0 }
}

export function dailyReferenceLedger(
  terms: LoanTerms,
  events: LoanEvent[],
  payments: Payment[],
  asOf: string,
): ReferenceResult {
  if (terms.kind === 'credit_card')
    throw new Error('the daily reference does not model credit cards')

  const startDay = toDayNumber(terms.disbursedOn)
  const endDay = toDayNumber(asOf)
  for (const item of [...events.map((e) => e.on), ...payments.map((p) => p.paidOn)]) {
    if (toDayNumber(item) < startDay) throw new Error(`${item} is before disbursement`)
  }

  // ---- Rates (numerators over the common divisor D) ----------------------------------------
  const penaltyRate = terms.penalty.rate
  const annual =
    terms.rate.per === 'year' ||
    (penaltyRate.mode === 'absolute' && penaltyRate.rate.per === 'year')
  const D = annual ? (terms.dayCount === 'ACT/360' ? 360 : 365) : 1
  const numeratorOf = (rate: Rate): Decimal =>
    rate.per === 'day' ? new Decimal(rate.value).times(D) : new Decimal(rate.value)
  const rateChanges = terms.rateChanges.map((c) => ({ day: toDayNumber(c.from), value: c.value }))
  const Rc = (day: number): Decimal => {
    let value = terms.rate.value
    for (const change of rateChanges) if (change.day <= day) value = change.value
    return numeratorOf({ value, per: terms.rate.per })
  }
  const Rp = (day: number): Decimal =>
    penaltyRate.mode === 'multiplier'
      ? Rc(day).times(penaltyRate.multiplier)
      : numeratorOf(penaltyRate.rate)
  const Ro = (day: number): Decimal =>
    terms.penalty.contractInterestContinues ? Rc(day).plus(Rp(day)) : Rp(day)
  const Rk = (day: number): Decimal =>
    !terms.compounding.enabled
      ? new Decimal(0)
      : terms.compounding.rate === 'penalty'
        ? Ro(day)
        : Rc(day)

  // ---- State --------------------------------------------------------------------------------
  const installments: Installment[] = []
  const newInstallment = (
    origin: Installment['origin'],
    dueOn: string,
    principalFen: number,
    interestFen: number,
    feePeriod: Installment['feePeriod'],
  ): Installment => ({
    order: installments.length,
    origin,
    dueOn,
    principalFen,
    interestFen,
    feePeriod,
    paid: zeros(),
    waived: zeros(),
    feesFen: 0,
    interestAccrual: new Decimal(0),
    penaltyAccrual: new Decimal(0),
    compoundAccrual: new Decimal(0),
    clearedWithinGrace: false,
    closedOn: null,
    closedInto: null,
    movedToPlanFen: 0,
  })
  const contractFeePeriod: Installment['feePeriod'] =
    terms.schedule.method === 'custom'
      ? { unit: 'month', length: 1 }
      : { unit: terms.schedule.periodUnit, length: terms.schedule.periodLength }
  for (const item of buildSchedule(terms)) {
    installments.push(
      newInstallment(
        'contract',
        item.dueOn,
        item.principalFen,
        item.interestFen,
        contractFeePeriod,
      ),
    )
  }

  let creditFen = 0
  let overpaidFen = 0
  /** First day on which charges are stopped (停息), or null. */
  let stoppedFrom: number | null = null
  const settlements: Settlement[] = []

  const isStopped = (day: number): boolean => stoppedFrom !== null && day >= stoppedFrom
  const dueDayOf = (inst: Installment): number => toDayNumber(inst.dueOn)
  const graceEndOf = (inst: Installment): number => dueDayOf(inst) + terms.graceDays
  const isOpen = (inst: Installment): boolean => inst.closedOn === null
  /** Earliest due day first, then creation (schedule) order. */
  const oldestFirst = (list: Installment[]): Installment[] =>
    [...list].sort((a, b) => dueDayOf(a) - dueDayOf(b) || a.order - b.order)

  /** Charged amounts at day t (a closed installment's stay as they were on its closing day). */
  const chargedAt = (inst: Installment, t: number): Record<Component, number> => {
    const day = inst.closedOn === null ? t : Math.min(t, inst.closedOn)
    const chargeable = !inst.clearedWithinGrace && day > graceEndOf(inst)
    return {
      fee: inst.feesFen,
      penalty: chargeable ? divideToFen(inst.penaltyAccrual, D) : 0,
      compound: chargeable ? divideToFen(inst.compoundAccrual, D) : 0,
      interest: inst.interestFen + (chargeable ? divideToFen(inst.interestAccrual, D) : 0),
      principal: inst.principalFen,
    }
  }
  const outstandingAt = (inst: Installment, t: number): Record<Component, number> => {
    const charged = chargedAt(inst, t)
    const result = zeros()
    for (const c of COMPONENTS) result[c] = charged[c] - inst.paid[c] - inst.waived[c]
    return result
  }
  const totalOf = (amounts: Record<Component, number>): number =>
    COMPONENTS.reduce((sum, c) => sum + amounts[c], 0)

  /**
   * After a payment or advance credit: an installment whose principal and interest are fully paid
   * on a day ≤ its graceEnd is cleared within grace; its accruals are dropped for good.
   */
  const markClearedWithinGrace = (day: number, candidates: Installment[]): void => {
    for (const inst of candidates) {
      if (!isOpen(inst) || inst.clearedWithinGrace) continue
      if (dueDayOf(inst) > day || day > graceEndOf(inst)) continue
      const out = outstandingAt(inst, day)
      if (out.principal <= 0 && out.interest <= 0) {
        inst.clearedWithinGrace = true
        inst.interestAccrual = new Decimal(0)
        inst.penaltyAccrual = new Decimal(0)
        inst.compoundAccrual = new Decimal(0)
      }
    }
  }

  // ---- Fee days -----------------------------------------------------------------------------
  const feeDaysCache = new Map<string, Set<number>>()
  /** Fee days (≤ asOf) of an installment with its current due date. */
  const feeDaysOf = (inst: Installment): Set<number> => {
    const key = `${inst.dueOn}|${inst.feePeriod.unit}|${inst.feePeriod.length}`
    let days = feeDaysCache.get(key)
    if (days === undefined) {
      days = new Set<number>()
      for (let k = 0; ; k++) {
        const periodStart =
          inst.feePeriod.unit === 'month'
            ? addMonths(inst.dueOn, k * inst.feePeriod.length)
            : addDays(inst.dueOn, k * inst.feePeriod.length)
        const day = toDayNumber(addDays(periodStart, terms.graceDays + 1))
        if (day > endDay) break
        days.add(day)
        if (terms.lateFee.frequency === 'once') break
      }
      feeDaysCache.set(key, days)
    }
    return days
  }
  const feeAmount = (base: number): number => {
    const fee = terms.lateFee
    let amount =
      fee.kind === 'fixed' ? fee.fixedFen : roundToFen(new Decimal(fee.percent).times(base))
    amount = Math.max(amount, fee.minFen)
    if (fee.maxFen !== null) amount = Math.min(amount, fee.maxFen)
    return amount
  }

  // ---- Restructuring events -----------------------------------------------------------------
  const applyEvent = (event: LoanEvent, day: number): void => {
    switch (event.type) {
      case 'agreed_plan': {
        for (const inst of installments) {
          if (!isOpen(inst)) continue
          const moved = totalOf(outstandingAt(inst, day))
          if (moved <= 0) continue
          inst.movedToPlanFen = moved
          inst.closedOn = day
          inst.closedInto = 'plan'
        }
        for (const item of event.installments) {
          if (toDayNumber(item.dueOn) < day) {
            throw new Error(
              `agreed plan of ${event.on}: installment due ${item.dueOn} is in the past`,
            )
          }
          installments.push(
            newInstallment('agreed_plan', item.dueOn, item.principalFen, item.interestFen, {
              unit: 'month',
              length: 1,
            }),
          )
        }
        return
      }
      case 'deferral': {
        for (const inst of installments) {
          if (isOpen(inst) && dueDayOf(inst) >= day)
            inst.dueOn = addMonths(inst.dueOn, event.months)
        }
        return
      }
      case 'waiver': {
        // Installments due on the event day have not fallen due yet (events come first).
        for (const inst of installments) {
          if (!isOpen(inst) || dueDayOf(inst) >= day) continue
          const out = outstandingAt(inst, day)
          for (const c of event.components) inst.waived[c] += Math.max(0, out[c])
        }
        if (event.stopFurtherCharges && stoppedFrom === null) stoppedFrom = day
        return
      }
      case 'settlement': {
        // A new settlement agreement replaces any earlier one.
        for (const earlier of settlements) earlier.active = false
        settlements.push({ remainingFen: event.amountFen, active: true })
        return
      }
    }
  }

  // ---- Payments -----------------------------------------------------------------------------
  const allocate = (amount: number, day: number): void => {
    let left = amount
    const due = oldestFirst(installments.filter((i) => isOpen(i) && dueDayOf(i) <= day))
    const take = (inst: Installment, c: Component): void => {
      const out = outstandingAt(inst, day)[c]
      const amountTaken = Math.max(0, Math.min(out, left))
      inst.paid[c] += amountTaken
      left -= amountTaken
    }
    if (terms.allocation.scope === 'installment_first') {
      for (const inst of due) for (const c of terms.allocation.order) take(inst, c)
    } else {
      for (const c of terms.allocation.order) for (const inst of due) take(inst, c)
    }
    markClearedWithinGrace(day, due)

    // What is left goes to the installments not yet due.
    const notYetDue = oldestFirst(
      installments.filter((i) => {
        if (!isOpen(i) || dueDayOf(i) <= day) return false
        const out = outstandingAt(i, day)
        return out.principal > 0 || out.interest > 0
      }),
    )
    if (notYetDue.length === 0) {
      overpaidFen += left
      return
    }
    const principal = notYetDue.reduce((sum, i) => sum + outstandingAt(i, day).principal, 0)
    // Agreed-plan installments carry the interest the plan set; only contract principal accrues.
    const contractPrincipal = notYetDue
      .filter((i) => i.origin === 'contract')
      .reduce((sum, i) => sum + outstandingAt(i, day).principal, 0)
    let since = startDay
    for (const inst of installments) {
      const dueDay = dueDayOf(inst)
      if (dueDay <= day && dueDay > since) since = dueDay
    }
    let accrual = new Decimal(0)
    for (let night = since; night < day; night++) {
      if (!isStopped(night)) accrual = accrual.plus(Rc(night).times(contractPrincipal))
    }
    const accruedInterest = divideToFen(accrual, D)
    const payoff = principal + accruedInterest
    if (payoff > 0 && creditFen + left >= payoff) {
      notYetDue.forEach((inst, index) => {
        inst.interestFen = index === 0 ? accruedInterest : 0
        const out = outstandingAt(inst, day)
        inst.paid.interest += out.interest
        inst.paid.principal += out.principal
      })
      overpaidFen += creditFen + left - payoff
      creditFen = 0
    } else {
      creditFen += left
    }
  }

  const forgiveEverything = (day: number): void => {
    for (const inst of installments) {
      if (!isOpen(inst)) continue
      const out = outstandingAt(inst, day)
      for (const c of COMPONENTS) inst.waived[c] += Math.max(0, out[c])
      inst.closedOn = day
      inst.closedInto = 'settlement'
    }
    // An advance held when the settlement is reached is used up by it.
    creditFen = 0
  }

  const applyPayment = (amount: number, day: number): void => {
    const active = settlements.filter((s) => s.active)
    if (active.length === 0) {
      allocate(amount, day)
      return
    }
    const needed = Math.min(...active.map((s) => s.remainingFen))
    const counted = Math.min(amount, needed)
    allocate(counted, day)
    for (const s of active) s.remainingFen -= counted
    if (counted === needed) {
      forgiveEverything(day)
      overpaidFen += amount - counted
      for (const s of settlements) s.active = false
    }
  }

  // ---- The day loop -------------------------------------------------------------------------
  for (let day = startDay; day <= endDay; day++) {
    // 1. Restructuring events.
    for (const event of events) if (toDayNumber(event.on) === day) applyEvent(event, day)

    // 2. Installments falling due take advance credit: interest, then principal.
    const fallingDue = oldestFirst(installments.filter((i) => isOpen(i) && dueDayOf(i) === day))
    for (const inst of fallingDue) {
      for (const c of ['interest', 'principal'] as const) {
        const amount = Math.max(0, Math.min(creditFen, outstandingAt(inst, day)[c]))
        inst.paid[c] += amount
        creditFen -= amount
      }
    }
    markClearedWithinGrace(day, fallingDue)

    // 3. Fee days.
    if (terms.lateFee.kind !== 'none' && !isStopped(day)) {
      for (const inst of oldestFirst(installments)) {
        if (!isOpen(inst) || inst.clearedWithinGrace || dueDayOf(inst) > day) continue
        if (!feeDaysOf(inst).has(day)) continue
        const out = outstandingAt(inst, day)
        const base = out.principal + out.interest
        if (base > 0) inst.feesFen += feeAmount(base)
      }
    }

    // 4. Payments.
    for (const payment of payments) {
      if (toDayNumber(payment.paidOn) === day) applyPayment(payment.amountFen, day)
    }

    // 5. The night of this day (not the night of asOf: the ledger is "at asOf").
    if (day === endDay || isStopped(day)) continue
    for (const inst of installments) {
      if (!isOpen(inst) || inst.clearedWithinGrace || dueDayOf(inst) > day) continue
      const Po = inst.principalFen - inst.paid.principal - inst.waived.principal
      const Io = Math.max(0, inst.interestFen - inst.paid.interest - inst.waived.interest)
      const base = terms.penalty.basis === 'overdue_principal' ? Po : Po + Io
      if (terms.penalty.contractInterestContinues) {
        inst.interestAccrual = inst.interestAccrual.plus(Rc(day).times(Po))
      }
      inst.penaltyAccrual = inst.penaltyAccrual.plus(Rp(day).times(base))
      inst.compoundAccrual = inst.compoundAccrual.plus(Rk(day).times(Io))
    }
  }

  // ---- The ledger at asOf -------------------------------------------------------------------
  const result = installments.map((inst): ReferenceInstallment => {
    const charged = chargedAt(inst, endDay)
    const outstanding = inst.closedInto === 'plan' ? zeros() : outstandingAt(inst, endDay)
    const anything = COMPONENTS.some((c) => outstanding[c] > 0)
    const dueDay = dueDayOf(inst)
    return {
      dueOn: inst.dueOn,
      origin: inst.origin,
      charged,
      paid: { ...inst.paid },
      waived: { ...inst.waived },
      outstanding,
      movedToPlanFen: inst.movedToPlanFen,
      daysOverdue: anything && dueDay < endDay ? endDay - dueDay : 0,
    }
  })
  return {
    installments: result,
    creditFen,
    overpaidFen,
    daysOverdue: result.reduce((max, i) => Math.max(max, i.daysOverdue), 0),
  }
}
