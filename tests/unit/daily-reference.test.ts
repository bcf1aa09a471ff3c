import { describe, expect, it } from 'vitest'
import type { LoanEvent, LoanTerms, Payment } from '@shared/engine/terms'
import { dailyReferenceLedger } from '../support/daily-reference'
import { singleInstallment } from '../support/loan-terms'

/*
 * Hand-derived checks of the daily reference itself. Unless a case says otherwise the loan is
 * 1,000.00 yuan (100000 fen) disbursed 2024-01-01, one custom installment due 2024-02-01 with
 * 1550 fen scheduled interest, a daily rate of 0.0005 (D = 1), penalty = 0.5 × contract rate on
 * overdue principal with contract interest continuing, no compounding, no fee, no grace.
 * Per overdue night on the full principal: interest 100000 × 0.0005 = 50 fen, penalty
 * 100000 × 0.00025 = 25 fen. 2024 is a leap year (February has 29 days).
 */

function terms(overrides: Partial<LoanTerms> = {}): LoanTerms {
  return singleInstallment('2024-02-01', 100000, 1550, {
    disbursedOn: '2024-01-01',
    graceDays: 0,
    ...overrides,
  })
}

const twoInstallments: LoanTerms['schedule'] = {
  method: 'custom',
  installments: [
    { dueOn: '2024-02-01', principalFen: 50000, interestFen: 1550 },
    { dueOn: '2024-03-01', principalFen: 50000, interestFen: 725 },
  ],
}

const pay = (paidOn: string, amountFen: number): Payment => ({ paidOn, amountFen })

function run(t: LoanTerms, asOf: string, payments: Payment[] = [], events: LoanEvent[] = []) {
  const result = dailyReferenceLedger(t, events, payments, asOf)
  return { result, first: result.installments[0]!, second: result.installments[1] }
}

describe('daily reference: overdue accrual', () => {
  it('accrues interest and penalty for each night from the due day to the night before asOf', () => {
    // asOf 2024-02-11: nights 02-01 … 02-10 = 10 nights → interest 10 × 50 = 500, penalty
    // 10 × 25 = 250. Charged interest = 1550 scheduled + 500. Days overdue 11 − 1 = 10.
    const { result, first } = run(terms(), '2024-02-11')
    expect(first.charged).toEqual({
      fee: 0,
      penalty: 250,
      compound: 0,
      interest: 2050,
      principal: 100000,
    })
    expect(first.outstanding).toEqual(first.charged)
    expect(first.daysOverdue).toBe(10)
    expect(result.daysOverdue).toBe(10)
    expect(result.creditFen).toBe(0)
    expect(result.overpaidFen).toBe(0)
  })

  it('accrues nothing at the due day itself', () => {
    const { first } = run(terms(), '2024-02-01')
    expect(first.charged).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 1550,
      principal: 100000,
    })
    expect(first.daysOverdue).toBe(0)
  })

  it('accrues exactly the night of the due day when paid a day late, then on what is left', () => {
    // Pay 101550 on 02-02. The night of 02-01 accrued: interest 50, penalty 25 (chargeable:
    // 02-02 > graceEnd 02-01). Allocation: penalty 25, interest 1550 + 50 = 1600, principal
    // 101550 − 25 − 1600 = 99925; 75 fen of principal remains.
    // asOf 02-22: nights 02-02 … 02-21 = 20 nights on Po = 75:
    //   interest 75 × 0.0005 × 20 = 0.75 → Σ = 50.75 → 51 → outstanding 51 − 50 = 1;
    //   penalty 75 × 0.00025 × 20 = 0.375 → Σ = 25.375 → 25 → outstanding 0.
    // Days overdue 22 − 1 = 21.
    const { first } = run(terms(), '2024-02-22', [pay('2024-02-02', 101550)])
    expect(first.paid).toEqual({
      fee: 0,
      penalty: 25,
      compound: 0,
      interest: 1600,
      principal: 99925,
    })
    expect(first.charged.interest).toBe(1550 + 51)
    expect(first.charged.penalty).toBe(25)
    expect(first.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 1,
      principal: 75,
    })
    expect(first.daysOverdue).toBe(21)
  })

  it('follows rate changes night by night', () => {
    // Rate 0.001 from 02-06: nights 02-01 … 02-05 at 50 / 25, nights 02-06 … 02-10 at
    // 100 / 50 → interest 250 + 500 = 750, penalty 125 + 250 = 375.
    const { first } = run(
      terms({ rateChanges: [{ from: '2024-02-06', value: '0.001' }] }),
      '2024-02-11',
    )
    expect(first.charged.interest).toBe(1550 + 750)
    expect(first.charged.penalty).toBe(375)
  })

  it('keeps annual-rate accruals exact and rounds only the total (ACT/360, compounding)', () => {
    // 18 % a year, ACT/360 → D = 360, Rc = 0.18, Rp = 0.09; contract interest does not
    // continue; penalty on principal + interest; compound at the contract rate; scheduled
    // interest 1500. 10 nights, Po = 100000, Io = 1500:
    //   penalty  = 101500 × 0.09 × 10 / 360 = 253.75 → 254
    //   compound = 1500 × 0.18 × 10 / 360 = 7.5 → 8 (rounding each night would give 10)
    //   interest = scheduled 1500 only.
    const t = terms({
      rate: { value: '0.18', per: 'year' },
      dayCount: 'ACT/360',
      schedule: {
        method: 'custom',
        installments: [{ dueOn: '2024-02-01', principalFen: 100000, interestFen: 1500 }],
      },
      penalty: {
        rate: { mode: 'multiplier', multiplier: '0.5' },
        basis: 'overdue_principal_and_interest',
        contractInterestContinues: false,
      },
      compounding: { enabled: true, rate: 'contract' },
    })
    const { first } = run(t, '2024-02-11')
    expect(first.charged).toEqual({
      fee: 0,
      penalty: 254,
      compound: 8,
      interest: 1500,
      principal: 100000,
    })
  })
})

describe('daily reference: grace', () => {
  const graceTerms = terms({ graceDays: 1 })

  it('drops the accruals of an installment cleared within grace', () => {
    // graceEnd = 02-02. Paying 101550 on 02-02: accruals are not chargeable yet, so the
    // payment covers interest 1550 and principal 100000 exactly → cleared within grace:
    // the night of 02-01 (interest 50, penalty 25) is dropped for good.
    const { result, first } = run(graceTerms, '2024-02-11', [pay('2024-02-02', 101550)])
    expect(first.charged).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 1550,
      principal: 100000,
    })
    expect(first.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 0,
      principal: 0,
    })
    expect(first.daysOverdue).toBe(0)
    expect(result.overpaidFen).toBe(0)
  })

  it('charges nothing during grace and all accrual since the due day after it', () => {
    // asOf 02-02 (= graceEnd): one night accrued but not chargeable; still 1 day overdue.
    const inGrace = run(graceTerms, '2024-02-02').first
    expect(inGrace.charged.interest).toBe(1550)
    expect(inGrace.charged.penalty).toBe(0)
    expect(inGrace.daysOverdue).toBe(1)
    // asOf 02-11: all 10 nights chargeable, as without grace.
    const after = run(graceTerms, '2024-02-11').first
    expect(after.charged.interest).toBe(2050)
    expect(after.charged.penalty).toBe(250)
  })
})

describe('daily reference: late fees', () => {
  it('charges a percentage fee each period, rounded half up and clamped', () => {
    // 5 % of outstanding principal + interest, each month, min 1000, max 5100.
    // Fee day k=0: 02-01 + 0 grace + 1 = 02-02: one night accrued → interest 1550 + 50;
    //   5 % × (100000 + 1600) = 5080.
    // Fee day k=1: 03-01 + 1 = 03-02: nights 02-01 … 03-01 = 30 → interest 1550 + 1500;
    //   5 % × 103050 = 5152.5 → 5153 → capped at 5100.
    // asOf 03-02: fee 10180, interest 3050, penalty 30 × 25 = 750, 30 days overdue.
    const t = terms({
      lateFee: {
        kind: 'percent_of_overdue',
        fixedFen: 0,
        percent: '0.05',
        frequency: 'each_period',
        minFen: 1000,
        maxFen: 5100,
      },
    })
    const { first } = run(t, '2024-03-02')
    expect(first.charged).toEqual({
      fee: 10180,
      penalty: 750,
      compound: 0,
      interest: 3050,
      principal: 100000,
    })
    expect(first.daysOverdue).toBe(30)
    // The day before the second fee day only the first fee is charged.
    expect(run(t, '2024-03-01').first.charged.fee).toBe(5080)
    // Without the cap the second fee is 5153 (half up).
    const uncapped = terms({ lateFee: { ...t.lateFee, maxFen: null } })
    expect(run(uncapped, '2024-03-02').first.charged.fee).toBe(5080 + 5153)
  })

  it('charges a fixed fee once, after grace', () => {
    // Grace 3 days: the only fee day is 02-01 + 3 + 1 = 02-05.
    const t = terms({
      graceDays: 3,
      lateFee: {
        kind: 'fixed',
        fixedFen: 2000,
        percent: '0',
        frequency: 'once',
        minFen: 0,
        maxFen: null,
      },
    })
    expect(run(t, '2024-02-04').first.charged.fee).toBe(0)
    expect(run(t, '2024-02-05').first.charged.fee).toBe(2000)
    expect(run(t, '2024-06-01').first.charged.fee).toBe(2000)
    // Paid within grace (02-03: interest 1550 + principal 100000): never a fee.
    expect(run(t, '2024-06-01', [pay('2024-02-03', 101550)]).first.charged.fee).toBe(0)
  })
})

describe('daily reference: allocation', () => {
  // A due 02-01 and B due 02-02, each 50000 principal and 1000 interest; pay 3000 on 02-02.
  // On 02-02, A has one night: interest 50000 × 0.0005 = 25, penalty 12.5 → 13 (chargeable);
  // B falls due that day: interest 1000, nothing accrued.
  const t = terms({
    schedule: {
      method: 'custom',
      installments: [
        { dueOn: '2024-02-01', principalFen: 50000, interestFen: 1000 },
        { dueOn: '2024-02-02', principalFen: 50000, interestFen: 1000 },
      ],
    },
  })

  it('pays the oldest installment in full first (installment_first)', () => {
    // A: penalty 13, interest 1025, principal 3000 − 13 − 1025 = 1962; B: nothing.
    const { first, second } = run(t, '2024-02-02', [pay('2024-02-02', 3000)])
    expect(first.paid).toEqual({
      fee: 0,
      penalty: 13,
      compound: 0,
      interest: 1025,
      principal: 1962,
    })
    expect(second!.paid).toEqual({ fee: 0, penalty: 0, compound: 0, interest: 0, principal: 0 })
  })

  it('pays each component across installments first (component_first)', () => {
    // Penalty: A 13; interest: A 1025, B 1000; principal: A 3000 − 13 − 1025 − 1000 = 962.
    const ct = terms({ ...t, allocation: { ...t.allocation, scope: 'component_first' } })
    const { first, second } = run(ct, '2024-02-02', [pay('2024-02-02', 3000)])
    expect(first.paid).toEqual({ fee: 0, penalty: 13, compound: 0, interest: 1025, principal: 962 })
    expect(second!.paid).toEqual({ fee: 0, penalty: 0, compound: 0, interest: 1000, principal: 0 })
  })
})

describe('daily reference: paying ahead', () => {
  const t = terms({ schedule: twoInstallments })

  it('repays early: principal + interest accrued since the last due day; the rest is overpaid', () => {
    // 02-01: 51550 pays installment 1 exactly (no credit, nothing left over).
    // 02-11: 50300, nothing due → L = 50300. Payoff of installment 2: 50000 + interest for
    // nights 02-01 … 02-10 = 10 × 50000 × 0.0005 = 250 → 50250 ≤ 50300: repaid early, its
    // interest becomes 250, overpaid 50. On 03-01 nothing is owed.
    const { result, second } = run(t, '2024-03-10', [
      pay('2024-02-01', 51550),
      pay('2024-02-11', 50300),
    ])
    expect(second!.charged).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 250,
      principal: 50000,
    })
    expect(second!.paid).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 250,
      principal: 50000,
    })
    expect(second!.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 0,
      principal: 0,
    })
    expect(result.overpaidFen).toBe(50)
    expect(result.creditFen).toBe(0)
    expect(result.daysOverdue).toBe(0)
  })

  it('keeps a smaller advance as credit and applies it on the due day, interest first', () => {
    // 02-01: 61550 → installment 1 takes 51550, L = 10000 < payoff 50000 (0 nights since
    // 02-01) → credit 10000. On 03-01 installment 2 takes interest 725, principal 9275.
    const payments = [pay('2024-02-01', 61550)]
    const before = run(t, '2024-02-29', payments)
    expect(before.result.creditFen).toBe(10000)
    expect(before.second!.paid.principal).toBe(0)
    const on = run(t, '2024-03-01', payments)
    expect(on.result.creditFen).toBe(0)
    expect(on.second!.paid).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 725,
      principal: 9275,
    })
    expect(on.second!.outstanding.principal).toBe(40725)
  })
})

describe('daily reference: restructuring', () => {
  it('waives the named components and stops all further charges (停息)', () => {
    // Fixed fee 2000 each month: fee days 02-02 (charged) and 03-02 (after the stop: none).
    // Waiver 02-11 of penalty and interest with stop: outstanding then is penalty 250 and
    // interest 2050 (10 nights) → waived. The night of 02-11 and later accrue nothing.
    const t = terms({
      lateFee: {
        kind: 'fixed',
        fixedFen: 2000,
        percent: '0',
        frequency: 'each_period',
        minFen: 0,
        maxFen: null,
      },
    })
    const waiver: LoanEvent = {
      type: 'waiver',
      on: '2024-02-11',
      components: ['penalty', 'interest'],
      stopFurtherCharges: true,
    }
    const { result, first } = run(t, '2024-03-05', [], [waiver])
    expect(first.charged).toEqual({
      fee: 2000,
      penalty: 250,
      compound: 0,
      interest: 2050,
      principal: 100000,
    })
    expect(first.waived).toEqual({
      fee: 0,
      penalty: 250,
      compound: 0,
      interest: 2050,
      principal: 0,
    })
    expect(first.outstanding).toEqual({
      fee: 2000,
      penalty: 0,
      compound: 0,
      interest: 0,
      principal: 100000,
    })
    expect(result.daysOverdue).toBe(33) // 02-01 → 03-01 is 29 days, + 4 to 03-05
    // Without the stop, accrual goes on: 10 more nights to 02-21 → interest 2550, 500 unwaived.
    const going = run(t, '2024-02-21', [], [{ ...waiver, stopFurtherCharges: false }]).first
    expect(going.charged.interest).toBe(2550)
    expect(going.outstanding.interest).toBe(500)
  })

  it('moves due dates by whole months on a deferral', () => {
    // Deferral of 1 month on 01-15: due 03-01. asOf 03-03: nights 03-01, 03-02.
    const deferral: LoanEvent = { type: 'deferral', on: '2024-01-15', months: 1 }
    const { first } = run(terms(), '2024-03-03', [], [deferral])
    expect(first.dueOn).toBe('2024-03-01')
    expect(first.charged.interest).toBe(1550 + 100)
    expect(first.charged.penalty).toBe(50)
    expect(first.daysOverdue).toBe(2)
  })

  it('closes open installments into an agreed plan, whose installments then run on the same terms', () => {
    // 02-11: outstanding principal 100000 + interest 2050 + penalty 250 = 102300 moves.
    // Plan: 51400 due 03-11, 51400 due 04-11. asOf 03-15: plan 1 has 4 nights on 51400:
    // interest 4 × 25.7 = 102.8 → 103, penalty 4 × 12.85 = 51.4 → 51.
    const plan: LoanEvent = {
      type: 'agreed_plan',
      on: '2024-02-11',
      installments: [
        { dueOn: '2024-03-11', principalFen: 51400, interestFen: 0 },
        { dueOn: '2024-04-11', principalFen: 51400, interestFen: 0 },
      ],
    }
    const { result } = run(terms(), '2024-03-15', [], [plan])
    const [contract, plan1, plan2] = result.installments
    expect(contract!.movedToPlanFen).toBe(102300)
    expect(contract!.charged).toEqual({
      fee: 0,
      penalty: 250,
      compound: 0,
      interest: 2050,
      principal: 100000,
    })
    expect(contract!.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 0,
      principal: 0,
    })
    expect(contract!.daysOverdue).toBe(0)
    expect(plan1!.origin).toBe('agreed_plan')
    expect(plan1!.charged).toEqual({
      fee: 0,
      penalty: 51,
      compound: 0,
      interest: 103,
      principal: 51400,
    })
    expect(plan1!.daysOverdue).toBe(4)
    expect(plan2!.outstanding.principal).toBe(51400)
    expect(plan2!.daysOverdue).toBe(0)
    expect(result.daysOverdue).toBe(4)
  })

  it('forgives everything once the settlement amount is paid; the excess is overpaid', () => {
    // Settlement of 60000 from 02-11. 02-11: 40000 pays penalty 250, interest 2050,
    // principal 37700 → Po = 62300. Nights 02-11 … 02-14 (4) on 62300: interest 31.15/night
    // → 500 + 124.6 = 624.6 → 625 (125 unpaid); penalty 15.575/night → 250 + 62.3 → 312
    // (62 unpaid). 02-15: 30000, of which 20000 counts: penalty 62, interest 125, principal
    // 19813; the settlement is reached: principal 62300 − 19813 = 42487 forgiven, 10000 overpaid.
    const settlement: LoanEvent = { type: 'settlement', on: '2024-02-11', amountFen: 60000 }
    const { result, first } = run(
      terms(),
      '2024-03-01',
      [pay('2024-02-11', 40000), pay('2024-02-15', 30000)],
      [settlement],
    )
    expect(first.charged).toEqual({
      fee: 0,
      penalty: 312,
      compound: 0,
      interest: 2175,
      principal: 100000,
    })
    expect(first.paid).toEqual({
      fee: 0,
      penalty: 312,
      compound: 0,
      interest: 2175,
      principal: 57513,
    })
    expect(first.waived).toEqual({ fee: 0, penalty: 0, compound: 0, interest: 0, principal: 42487 })
    expect(first.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 0,
      principal: 0,
    })
    expect(result.overpaidFen).toBe(10000)
    expect(result.daysOverdue).toBe(0)
  })

  it('refuses credit cards', () => {
    expect(() =>
      dailyReferenceLedger({ ...terms(), kind: 'credit_card' }, [], [], '2024-02-01'),
    ).toThrow()
  })
})
