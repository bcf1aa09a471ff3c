import { describe, expect, it } from 'vitest'
import { computeLedger } from '@shared/engine/ledger'
import { buildSchedule } from '@shared/engine/schedule'
import { loanTermsSchema } from '@shared/engine/terms'
import { installmentTerms, singleInstallment } from '../support/loan-terms'

describe('worked example: the domain file’s WeBank figures', () => {
  // 1,000 yuan of overdue principal at 0.05 % a day: contract interest 1000 × 0.0005 = 0.50 a day
  // continues, and the penalty is half the rate on top: 1000 × 0.0005 × 50 % = 0.25 a day.
  const terms = singleInstallment('2026-01-10', 100_000, 0, { graceDays: 0 })

  it('accrues 0.50 of interest and 0.25 of penalty a day on 1,000 overdue', () => {
    expect(loanTermsSchema.parse(terms)).toEqual(terms)
    const ledger = computeLedger(terms, [], [], '2026-01-11')
    expect(ledger.dailyAccrual.byComponent).toEqual({ interest: 50, penalty: 25, compound: 0 })
    expect(ledger.dailyAccrual.fen).toBe(75)
    // Ten days late: 10 × 0.50 = 5.00 of interest, 10 × 0.25 = 2.50 of penalty.
    const tenDays = computeLedger(terms, [], [], '2026-01-20')
    expect(tenDays.totals.outstanding).toMatchObject({
      principal: 100_000,
      interest: 500,
      penalty: 250,
    })
    expect(tenDays.daysOverdue).toBe(10)
  })

  it('accrues 2.50 + 1.25 = 3.75 a day on 5,000 overdue', () => {
    const ledger = computeLedger(
      singleInstallment('2026-01-10', 500_000, 0, { graceDays: 0 }),
      [],
      [],
      '2026-01-11',
    )
    expect(ledger.dailyAccrual).toMatchObject({
      fen: 375,
      byComponent: { interest: 250, penalty: 125 },
    })
  })
})

describe('worked example: 10,000 WeBank loan over 10 periods, two months overdue (the seed article’s case)', () => {
  // Disbursed 2026-01-15, 0.05 % a day, equal principal (1,000 a period), due the 15th.
  // Interest for a period = remaining principal × 0.0005 × the period's days:
  //   #1 Jan 15 → Feb 15, 31 days: 10,000 × 0.0005 × 31 = 155.00
  //   #2 Feb 15 → Mar 15, 28 days:  9,000 × 0.0005 × 28 = 126.00
  //   #3 Mar 15 → Apr 15, 31 days:  8,000 × 0.0005 × 31 = 124.00
  // Nothing paid; on 2026-04-16 #1 is 60 days late, #2 32 days, #3 1 day (within the grace day).
  //   #1: interest on overdue principal 1,000 × 0.0005 × 60 = 30.00; penalty × 0.00025 × 60 = 15.00
  //       → 1,000 + 155 + 30 + 15 = 1,200.00
  //   #2: 1,000 × 0.0005 × 32 = 16.00; 1,000 × 0.00025 × 32 = 8.00 → 1,000 + 126 + 16 + 8 = 1,150.00
  //   #3: in grace, nothing charged yet → 1,000 + 124 = 1,124.00
  //   due now 3,474.00; stage: 60 days → code 2 (M2).
  //   Each further day: 3,000 of overdue principal × 0.075 % = 2.25 (1.50 interest + 0.75 penalty).
  //   Payoff today: 3,474.00 + 7,000 not yet due + 1 day of interest on it (3.50) = 10,477.50.
  const terms = installmentTerms()
  const asOf = '2026-04-16'

  it('builds the equal-principal schedule', () => {
    const schedule = buildSchedule(terms)
    expect(schedule).toHaveLength(10)
    expect(schedule.slice(0, 3)).toEqual([
      {
        dueOn: '2026-02-15',
        dueDay: expect.any(Number),
        principalFen: 100_000,
        interestFen: 15_500,
      },
      {
        dueOn: '2026-03-15',
        dueDay: expect.any(Number),
        principalFen: 100_000,
        interestFen: 12_600,
      },
      {
        dueOn: '2026-04-15',
        dueDay: expect.any(Number),
        principalFen: 100_000,
        interestFen: 12_400,
      },
    ])
    expect(schedule.reduce((sum, item) => sum + item.principalFen, 0)).toBe(1_000_000)
  })

  it('is M2 with 3,474.00 due and 2.25 added each day', () => {
    const ledger = computeLedger(terms, [], [], asOf)
    const [first, second, third, fourth] = ledger.installments
    expect(first).toMatchObject({ status: 'overdue', daysOverdue: 60 })
    expect(first?.outstanding).toEqual({
      fee: 0,
      penalty: 1_500,
      compound: 0,
      interest: 18_500,
      principal: 100_000,
    })
    expect(second?.outstanding).toEqual({
      fee: 0,
      penalty: 800,
      compound: 0,
      interest: 14_200,
      principal: 100_000,
    })
    expect(third).toMatchObject({ status: 'grace', daysOverdue: 1 })
    expect(third?.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 12_400,
      principal: 100_000,
    })
    expect(fourth?.status).toBe('upcoming')
    expect(ledger.dueNowFen).toBe(347_400)
    expect(ledger.stage).toEqual({ code: 2, label: 'M2', daysOverdue: 60 })
    expect(ledger.dailyAccrual).toMatchObject({
      fen: 225,
      byComponent: { interest: 150, penalty: 75, compound: 0 },
    })
    expect(ledger.payoffFen).toBe(1_047_750)
    expect(ledger.oldestOverdueOn).toBe('2026-02-15')
  })

  it('paying the 3,474.00 due brings it back to current, the third installment cleared within grace', () => {
    const ledger = computeLedger(terms, [], [{ paidOn: asOf, amountFen: 347_400 }], asOf)
    expect(ledger.stage.code).toBe('current')
    expect(ledger.dueNowFen).toBe(0)
    expect(ledger.installments.slice(0, 3).map((line) => line.status)).toEqual([
      'paid_late',
      'paid_late',
      'paid',
    ])
    const allocations = ledger.payments[0]?.allocations ?? []
    expect(allocations.reduce((sum, a) => sum + a.amountFen, 0)).toBe(347_400)
    // Oldest installment first, and within it fees → penalty → compound → interest → principal.
    expect(allocations.slice(0, 3)).toEqual([
      { installmentIndex: 0, component: 'penalty', amountFen: 1_500 },
      { installmentIndex: 0, component: 'interest', amountFen: 18_500 },
      { installmentIndex: 0, component: 'principal', amountFen: 100_000 },
    ])
    // A week later nothing more has accrued.
    expect(
      computeLedger(terms, [], [{ paidOn: asOf, amountFen: 347_400 }], '2026-04-23').dueNowFen,
    ).toBe(0)
  })

  it('paying the payoff quote clears the loan with interest to date only', () => {
    const ledger = computeLedger(terms, [], [{ paidOn: asOf, amountFen: 1_047_750 }], asOf)
    expect(ledger.closed).toBe('repaid')
    expect(ledger.payments[0]).toMatchObject({ repaidEarly: true, overpaidFen: 0, advanceFen: 0 })
    expect(ledger.installments[3]).toMatchObject({ status: 'prepaid' })
    expect(ledger.installments[3]?.paid).toMatchObject({ interest: 350, principal: 100_000 })
    expect(ledger.payoffFen).toBe(0)
  })
})

describe('grace day', () => {
  // 1,000 due 2026-03-10 with 5.00 of interest, one grace day.
  const terms = singleInstallment('2026-03-10', 100_000, 500, { graceDays: 1 })

  it('paying on the grace day costs nothing extra', () => {
    const ledger = computeLedger(
      terms,
      [],
      [{ paidOn: '2026-03-11', amountFen: 100_500 }],
      '2026-03-20',
    )
    expect(ledger.installments[0]).toMatchObject({ status: 'paid', daysOverdue: 0 })
    expect(ledger.totals.charged.penalty).toBe(0)
  })

  it('missing the grace day charges penalty from the due date: two nights', () => {
    // Due 03-10, paid 03-12: nights of 03-10 and 03-11 → interest 2 × 0.50, penalty 2 × 0.25.
    const before = computeLedger(terms, [], [], '2026-03-12')
    expect(before.totals.outstanding).toMatchObject({ interest: 600, penalty: 50 })
    expect(before.stage).toMatchObject({ code: 1, label: 'M1', daysOverdue: 2 })
  })
})

describe('worked example: bank loan, penalty rate +50 % with compounding on overdue interest', () => {
  // 10,000 principal and 365.00 interest due 2026-03-01; contract 3.65 % a year, ACT/365, so
  // 0.01 % a day; penalty rate 1.5 × = 0.015 % a day on overdue principal (instead of the contract
  // rate); compound interest on the overdue 365.00 of interest at the penalty rate.
  // After 10 days: penalty 10,000 × 0.00015 × 10 = 15.00;
  //                compound 365 × 0.00015 × 10 = 0.5475 → 0.55 (half-up).
  const terms = singleInstallment('2026-03-01', 1_000_000, 36_500, {
    rate: { value: '0.0365', per: 'year' },
    graceDays: 0,
    penalty: {
      rate: { mode: 'multiplier', multiplier: '1.5' },
      basis: 'overdue_principal',
      contractInterestContinues: false,
    },
    compounding: { enabled: true, rate: 'penalty' },
  })

  it('charges 15.00 of penalty and 0.55 of compound interest after 10 days', () => {
    const ledger = computeLedger(terms, [], [], '2026-03-11')
    expect(ledger.totals.outstanding).toEqual({
      fee: 0,
      penalty: 1_500,
      compound: 55,
      interest: 36_500,
      principal: 1_000_000,
    })
  })

  it('stops compounding once the interest is paid, while the penalty goes on', () => {
    // Paying 365.55 on 03-11 goes fees → penalty → compound → interest: 15.00 + 0.55, leaving
    // 350.00 for the interest, so 15.00 of it stays overdue.
    const ledger = computeLedger(
      terms,
      [],
      [{ paidOn: '2026-03-11', amountFen: 36_555 }],
      '2026-03-21',
    )
    // Ten more days: compound accrues on the 15.00 left: exact total 0.5475 + 15 × 0.00015 × 10
    // (0.0225) = 0.57, of which 0.55 is paid → 0.02; penalty 10 more days → 15.00 again.
    expect(ledger.totals.outstanding).toEqual({
      fee: 0,
      penalty: 1_500,
      compound: 2,
      interest: 1_500,
      principal: 1_000_000,
    })
  })
})

describe('late fees', () => {
  it('charges 5 % of what is overdue once the grace days are over, each month, within min and cap', () => {
    const terms = singleInstallment('2026-03-10', 100_000, 0, {
      graceDays: 3,
      penalty: {
        rate: { mode: 'multiplier', multiplier: '0' },
        basis: 'overdue_principal',
        contractInterestContinues: false,
      },
      lateFee: {
        kind: 'percent_of_overdue',
        fixedFen: 0,
        percent: '0.05',
        frequency: 'each_period',
        minFen: 1_000,
        maxFen: 4_000,
      },
    })
    // Fee days: 03-10 + 3 + 1 = 03-14, then 04-14, 05-14. 5 % of 1,000 = 50.00, capped at 40.00.
    expect(computeLedger(terms, [], [], '2026-03-13').totals.outstanding.fee).toBe(0)
    expect(computeLedger(terms, [], [], '2026-03-14').totals.outstanding.fee).toBe(4_000)
    expect(computeLedger(terms, [], [], '2026-05-14').totals.outstanding.fee).toBe(12_000)
  })
})

describe('worked example: a restructured loan', () => {
  // The seed loan, 3,474.00 due on 2026-04-16 (see above) and 7,000 not yet due. On 2026-04-20 the
  // lender agrees to a plan: 12 monthly installments of 875.00 principal from 2026-05-20, no
  // interest, which forgives the rest. On 04-20 what moves is everything outstanding:
  //   #1 1,000 + 155 + 1,000 × 0.00075 × 64 (= 48.00) → 1,203.00 (interest 32.00, penalty 16.00)
  //   #2 1,000 + 126 + 36 nights → 1,000 + 126 + 18 + 9 = 1,153.00
  //   #3 due 04-15, 5 nights, grace over → 1,000 + 124 + 2.50 + 1.25 = 1,127.75
  //   #4–#10 not yet due: 7,000 of principal and their scheduled interest.
  const terms = installmentTerms()
  const plan = {
    type: 'agreed_plan' as const,
    on: '2026-04-20',
    installments: Array.from({ length: 12 }, (_, k) => ({
      dueOn: `${k < 8 ? 2026 : 2027}-${String(((4 + k) % 12) + 1).padStart(2, '0')}-20`,
      principalFen: 87_500,
      interestFen: 0,
    })),
  }

  it('closes the old installments, follows the plan from its date and reports what it forgives', () => {
    const ledger = computeLedger(terms, [plan], [], '2026-05-01')
    const old = ledger.installments.filter((line) => line.origin === 'contract')
    expect(old.every((line) => line.status === 'restructured')).toBe(true)
    expect(old.slice(0, 3).map((line) => line.movedToPlanFen)).toEqual([120_300, 115_300, 112_775])
    // #4–#10: 7,000 × 0.0005 × 30 = 105.00, 6,000 × 31 = 93.00, 5,000 × 30 = 75.00, 4,000 × 31 = 62.00,
    // 3,000 × 31 = 46.50, 2,000 × 30 = 30.00, 1,000 × 31 = 15.50 (× 0.0005 each).
    const scheduledInterestAfter = [10_500, 9_300, 7_500, 6_200, 4_650, 3_000, 1_550].reduce(
      (a, b) => a + b,
      0,
    )
    expect(ledger.events[0]?.movedFen).toBe(
      120_300 + 115_300 + 112_775 + 700_000 + scheduledInterestAfter,
    )
    expect(ledger.events[0]?.forgivenFen).toBe(ledger.events[0]!.movedFen - 1_050_000)
    expect(ledger.stage.code).toBe('current')
    expect(ledger.dueNowFen).toBe(0)
    expect(ledger.installments.filter((line) => line.origin === 'agreed_plan')).toHaveLength(12)
  })

  it('a missed plan installment is overdue under the same penalty terms', () => {
    // 875.00 due 05-20 unpaid on 05-30: 10 nights × 875 × 0.00075 = 6.5625 → interest 4.38, penalty 2.19
    const ledger = computeLedger(terms, [plan], [], '2026-05-30')
    expect(ledger.stage).toMatchObject({ code: 1, daysOverdue: 10 })
    expect(ledger.totals.outstanding).toMatchObject({
      principal: 87_500,
      interest: 438,
      penalty: 219,
    })
  })

  it('a waiver that stops charges freezes the penalty (停息)', () => {
    // On 04-17 the penalty charged is 1,000 × 0.00025 × 61, × 33 and × 2 nights: 15.25 + 8.25 + 0.50.
    const waiver = {
      type: 'waiver' as const,
      on: '2026-04-17',
      components: ['penalty' as const],
      stopFurtherCharges: true,
    }
    const ledger = computeLedger(terms, [waiver], [], '2026-06-16')
    expect(ledger.totals.outstanding.penalty).toBe(0)
    expect(ledger.dailyAccrual.fen).toBe(0)
    expect(ledger.events[0]?.waivedFen).toBe(1_525 + 825 + 50)
    // The interest accrued on overdue principal up to the waiver stays owed, and stops there.
    const overdueInterest = (asOf: string) =>
      computeLedger(terms, [waiver], [], asOf)
        .installments.slice(0, 3)
        .map((line) => line.outstanding.interest)
    expect(overdueInterest('2026-06-16')).toEqual(overdueInterest('2026-04-17'))
  })

  it('a settlement discount forgives the rest once its amount is paid', () => {
    const settlement = { type: 'settlement' as const, on: '2026-04-20', amountFen: 800_000 }
    const ledger = computeLedger(
      terms,
      [settlement],
      [
        { paidOn: '2026-04-20', amountFen: 500_000 },
        { paidOn: '2026-05-01', amountFen: 300_000 },
      ],
      '2026-06-01',
    )
    expect(ledger.closed).toBe('forgiven')
    expect(ledger.dueNowFen).toBe(0)
    expect(ledger.payoffFen).toBe(0)
    expect(ledger.overpaidFen).toBe(0)
  })

  it('a deferral after a plan moves installments repaid early, as it would without the plan', () => {
    // Everything is repaid on 02-01, before the first due date (02-15). A plan on 03-01 adds one
    // 100.00 installment due 03-10, and on the same day a deferral moves what is not yet due by
    // a month: the plan's installment and the contract's installments repaid early alike.
    const repaidOn = '2026-02-01'
    const payoff = computeLedger(terms, [], [], repaidOn).payoffFen
    const events = [
      {
        type: 'agreed_plan' as const,
        on: '2026-03-01',
        installments: [{ dueOn: '2026-03-10', principalFen: 10_000, interestFen: 0 }],
      },
      { type: 'deferral' as const, on: '2026-03-01', months: 1 },
    ]
    const dueDates = (asOf: string) =>
      computeLedger(terms, events, [{ paidOn: repaidOn, amountFen: payoff }], asOf)
        .installments.filter((line) => line.dueOn >= '2026-03-01')
        .map((line) => `${line.origin} ${line.dueOn}`)
    expect(dueDates('2026-03-02')).toEqual([
      'agreed_plan 2026-04-10',
      'contract 2026-04-15',
      'contract 2026-05-15',
      'contract 2026-06-15',
      'contract 2026-07-15',
      'contract 2026-08-15',
      'contract 2026-09-15',
      'contract 2026-10-15',
      'contract 2026-11-15',
      'contract 2026-12-15',
    ])
  })

  it('a payment that repays the loan early still counts toward a settlement a later plan reopens', () => {
    // A settlement of 12,000 on 04-20, above what clearing the loan costs that day: the 11,000
    // paid that day repays the loan early (the rest is overpaid) and counts 11,000 toward the
    // settlement. A plan on 05-01 reopens the loan with 5,000 due 06-01. Of the 5,000 paid then,
    // only the 1,000 the settlement still needs is applied; the settlement is reached, the plan's
    // other 4,000 is forgiven, and 4,000 of the payment is overpaid.
    const settlement = { type: 'settlement' as const, on: '2026-04-20', amountFen: 1_200_000 }
    const reopening = {
      type: 'agreed_plan' as const,
      on: '2026-05-01',
      installments: [{ dueOn: '2026-06-01', principalFen: 500_000, interestFen: 0 }],
    }
    const clearing = computeLedger(terms, [], [], '2026-04-20').payoffFen
    const ledger = computeLedger(
      terms,
      [settlement, reopening],
      [
        { paidOn: '2026-04-20', amountFen: 1_100_000 },
        { paidOn: '2026-06-01', amountFen: 500_000 },
      ],
      '2026-06-10',
    )
    const planLine = ledger.installments.find((line) => line.origin === 'agreed_plan')
    expect(planLine?.paid.principal).toBe(100_000)
    expect(planLine?.waived.principal).toBe(400_000)
    expect(ledger.closed).toBe('forgiven')
    expect(ledger.overpaidFen).toBe(1_100_000 - clearing + 400_000)
  })
})

describe('worked example: a credit card whose minimum is missed over three statements', () => {
  // 10,000 of spending posted 2026-01-05; statement 01-10, due 20 days later (01-30), 3 grace
  // days; 0.05 % a day from the posting date on the whole balance (全额计息), billed monthly and
  // compounding; minimum 10 % of principal (at least 100) + interest and fees billed; 违约金 5 % of
  // the unpaid minimum, at least 10. Nothing is paid.
  //   S0 01-10: minimum 1,000.00. Grace ends 02-02: from 02-03 interest counts from 01-05, and
  //             the S0 fee is 5 % × 1,000 = 50.00.
  //   S1 02-10: interest 01-05 → 02-10, 36 nights × 5.00 = 180.00; minimum 50 + 180 + 1,000 =
  //             1,230.00, due 03-02; fee on 03-06: 5 % × 1,230 = 61.50.
  //   S2 03-10: interest 28 × 5.00 = 140.00; compound on the billed 180.00: 180 × 0.0005 × 28 =
  //             2.52; minimum 61.50 + 140 + 2.52 + 1,000 = 1,204.02, due 03-30; fee on 04-03:
  //             5 % × 1,204.02 = 60.201 → 60.20.
  //   S3 04-10: interest 31 × 5.00 = 155.00; compound on 322.52: 4.99906 for 31 nights → cumulative
  //             2.52 + 4.99906 = 7.51906 → 7.52 billed in all, 5.00 now; minimum 60.20 + 155 + 5 +
  //             1,000 = 1,220.20, due 04-30.
  //   On 04-10: 70 days past the first due date → code 3 (M3); the unpaid minimums of S0–S2 are
  //   3,434.02 overdue; fees 171.70; the balance is 10,000 + 475.00 + 7.52 + 171.70 = 10,654.22.
  const terms = installmentTerms({
    kind: 'credit_card',
    disbursedOn: '2026-01-05',
    schedule: { method: 'bullet', periods: 1, periodUnit: 'month', periodLength: 1 },
    graceDays: 3,
    penalty: {
      rate: { mode: 'multiplier', multiplier: '0' },
      basis: 'overdue_principal',
      contractInterestContinues: true,
    },
    lateFee: {
      kind: 'percent_of_unpaid_minimum',
      fixedFen: 0,
      percent: '0.05',
      frequency: 'each_period',
      minFen: 1_000,
      maxFen: null,
    },
    card: {
      statementOn: '2026-01-10',
      dueDaysAfterStatement: 20,
      minimumPercent: '0.1',
      minimumFloorFen: 10_000,
      interestOn: 'full_balance',
    },
  })

  it('is M3 with three unpaid minimums, fees and monthly compounding', () => {
    expect(loanTermsSchema.parse(terms)).toEqual(terms)
    const ledger = computeLedger(terms, [], [], '2026-04-10')
    expect(ledger.installments.map((line) => [line.dueOn, line.status])).toEqual([
      ['2026-01-30', 'overdue'],
      ['2026-03-02', 'overdue'],
      ['2026-03-30', 'overdue'],
      ['2026-04-30', 'upcoming'],
    ])
    expect(
      ledger.installments.map((line) => Object.values(line.charged).reduce((a, b) => a + b)),
    ).toEqual([100_000, 123_000, 120_402, 122_020])
    expect(ledger.stage).toEqual({ code: 3, label: 'M3', daysOverdue: 70 })
    expect(ledger.overdueFen).toBe(343_402)
    expect(ledger.totals.outstanding).toEqual({
      fee: 17_170,
      penalty: 0,
      compound: 752,
      interest: 47_500,
      principal: 1_000_000,
    })
    expect(ledger.payoffFen).toBe(1_065_422)
    // Each day adds 10,000 × 0.05 % + 482.52 × 0.05 % = 5.00 + 0.24126 → 5.24.
    expect(ledger.dailyAccrual).toMatchObject({
      fen: 524,
      byComponent: { interest: 500, compound: 24 },
    })
  })

  it('paying the overdue minimums makes it current again', () => {
    const ledger = computeLedger(
      terms,
      [],
      [{ paidOn: '2026-04-10', amountFen: 343_402 }],
      '2026-04-10',
    )
    expect(ledger.stage.code).toBe('current')
    expect(ledger.totals.outstanding.principal).toBe(1_000_000 - (343_402 - 17_170 - 752 - 47_500))
  })

  it('paying the statement in full by the due date costs no interest at all', () => {
    const ledger = computeLedger(
      terms,
      [],
      [{ paidOn: '2026-01-30', amountFen: 1_000_000 }],
      '2026-06-01',
    )
    expect(ledger.closed).toBe('repaid')
    expect(ledger.totals.charged.interest).toBe(0)
    expect(ledger.installments[0]?.status).toBe('paid')
  })

  it('a personalized installment plan (个性化分期) takes over the whole balance', () => {
    // On 04-10 the bank agrees 12 monthly installments of 880.00 principal (10,560.00; the
    // balance of 10,654.22 less 94.22 forgiven), from 05-10, no interest.
    const plan = {
      type: 'agreed_plan' as const,
      on: '2026-04-10',
      installments: Array.from({ length: 12 }, (_, k) => ({
        dueOn: `${k < 8 ? 2026 : 2027}-${String(((4 + k) % 12) + 1).padStart(2, '0')}-10`,
        principalFen: 88_000,
        interestFen: 0,
      })),
    }
    const ledger = computeLedger(terms, [plan], [], '2026-05-20')
    expect(ledger.events[0]).toMatchObject({
      movedFen: 1_065_422,
      forgivenFen: 1_065_422 - 1_056_000,
    })
    const statements = ledger.installments.filter((line) => line.origin === 'contract')
    // The plan comes before the 04-10 statement (events open the day): three statements close.
    expect(statements.map((line) => line.status)).toEqual([
      'restructured',
      'restructured',
      'restructured',
    ])
    // The first plan installment, 880.00 due 05-10, is 10 days late: interest goes on at 0.05 %
    // a day on it: 880 × 0.0005 × 10 = 4.40; its 违约金 comes after the 3 grace days, on 05-14:
    // 5 % of what is then overdue, 880 + 4 nights of interest (1.76) → 44.088 → 44.09.
    expect(ledger.stage).toMatchObject({ code: 1, daysOverdue: 10 })
    expect(ledger.totals.outstanding).toEqual({
      fee: 4_409,
      penalty: 0,
      compound: 0,
      interest: 440,
      principal: 88_000,
    })
    const paid = computeLedger(
      terms,
      [plan],
      [{ paidOn: '2026-05-20', amountFen: 92_849 }],
      '2026-05-20',
    )
    expect(paid.stage.code).toBe('current')
    expect(paid.installments.find((line) => line.origin === 'agreed_plan')?.status).toBe(
      'paid_late',
    )
  })

  it('under a settlement, a payment applies only what the settlement still needs', () => {
    // On 01-20 (no interest yet: the due date is 01-30) the bank settles for 6,000. Of 8,000
    // paid that day, 6,000 pays principal, 2,000 is overpaid, and the other 4,000 is forgiven.
    const settlement = { type: 'settlement' as const, on: '2026-01-20', amountFen: 600_000 }
    const ledger = computeLedger(
      terms,
      [settlement],
      [{ paidOn: '2026-01-20', amountFen: 800_000 }],
      '2026-02-01',
    )
    expect(ledger.payments[0]?.allocations).toEqual([
      { installmentIndex: 0, component: 'principal', amountFen: 600_000 },
    ])
    expect(ledger.overpaidFen).toBe(200_000)
    expect(ledger.totals.waived.principal).toBe(400_000)
    expect(ledger.closed).toBe('forgiven')
  })

  it('a card settled before its due date stays settled past it', () => {
    // Settled on 01-20 for 6,000, paid that day: the interest accrued since 01-05 (15 nights ×
    // 5.00 = 75.00) is billed and forgiven with the rest. Passing the due date (and its grace,
    // 02-03) and a later waiver change none of it.
    const settlement = { type: 'settlement' as const, on: '2026-01-20', amountFen: 600_000 }
    const waiver = {
      type: 'waiver' as const,
      on: '2026-02-10',
      components: ['interest' as const],
      stopFurtherCharges: false,
    }
    const ledger = computeLedger(
      terms,
      [settlement, waiver],
      [{ paidOn: '2026-01-20', amountFen: 600_000 }],
      '2026-03-01',
    )
    expect(ledger.totals.charged.interest).toBe(7_500)
    expect(ledger.totals.waived.interest).toBe(7_500)
    expect(ledger.totals.outstanding).toEqual({
      fee: 0,
      penalty: 0,
      compound: 0,
      interest: 0,
      principal: 0,
    })
  })

  it('with 剩余计息, only the part left unpaid at the due date bears interest', () => {
    // 9,000 paid on 01-30 leaves 1,000: interest from 01-05 on 1,000 only: to 02-10, 36 × 0.50 = 18.00.
    const unpaidPart = { ...terms, card: { ...terms.card!, interestOn: 'unpaid_part' as const } }
    const ledger = computeLedger(
      unpaidPart,
      [],
      [{ paidOn: '2026-01-30', amountFen: 900_000 }],
      '2026-02-10',
    )
    expect(ledger.totals.charged.interest).toBe(1_800)
    const full = computeLedger(
      terms,
      [],
      [{ paidOn: '2026-01-30', amountFen: 900_000 }],
      '2026-02-10',
    )
    // 全额计息: 10,000 × 0.0005 × 25 nights (01-05 → 01-30) + 1,000 × 0.0005 × 11 = 125.00 + 5.50.
    expect(full.totals.charged.interest).toBe(13_050)
  })
})
