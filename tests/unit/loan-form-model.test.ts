import { describe, expect, it } from 'vitest'
import { PRESET_IDS, presetTerms } from '@shared/engine/presets'
import {
  buildLoanInput,
  DEFAULT_HIDDEN_TERMS,
  formFieldFor,
  fractionToPercent,
  loanFormSchema,
  percentToFraction,
  valuesForPreset,
  valuesFromLoan,
  type LoanFormValues,
} from '../../src/renderer/src/features/loan-form/loan-form-model'

const TODAY = '2026-11-26'

function presetForm(id: (typeof PRESET_IDS)[number], overrides: Partial<LoanFormValues> = {}) {
  return {
    ...valuesForPreset(id, TODAY),
    name: '贷款',
    principalYuan: '10,000',
    disbursedOn: '2026-08-11',
    cardStatementOn: '2026-08-11',
    ...overrides,
  }
}

function parse(values: LoanFormValues) {
  return loanFormSchema(DEFAULT_HIDDEN_TERMS).safeParse(values)
}

describe('the loan form model', () => {
  it.each(PRESET_IDS)(
    'turns the %s preset with an amount and a date into exactly its terms',
    (id) => {
      const result = parse(presetForm(id))
      expect(result.success).toBe(true)
      const expected = presetTerms(id, { principalFen: 1_000_000, disbursedOn: '2026-08-11' })
      expect(result.data?.terms).toEqual(expected)
    },
  )

  it.each(PRESET_IDS)('reads the %s terms back unchanged from a stored loan', (id) => {
    const terms = presetTerms(id, { principalFen: 123_456, disbursedOn: '2025-01-31' })
    const loan = {
      id: 1,
      name: 'x',
      lender: '',
      lenderKind: 'other' as const,
      presetId: id,
      terms,
      notes: '',
      archived: false,
      createdAt: '',
      updatedAt: '',
    }
    const rebuilt = buildLoanInput(valuesFromLoan(loan), loan.terms)
    expect(rebuilt.issues).toEqual([])
    expect(rebuilt.input.terms).toEqual(terms)
  })

  it('converts percentages and fractions exactly', () => {
    expect(percentToFraction('0.05')).toBe('0.0005')
    expect(percentToFraction('4.35')).toBe('0.0435')
    expect(percentToFraction('0.0333333')).toBe('0.000333333')
    expect(fractionToPercent('0.0005')).toBe('0.05')
    expect(fractionToPercent('0.1')).toBe('10')
  })

  it('names the field of each typing problem, and builds nothing', () => {
    const result = parse(
      presetForm('webank', {
        name: ' ',
        principalYuan: '12.345',
        disbursedOn: null,
        ratePercent: 'abc',
      }),
    )
    expect(result.success).toBe(false)
    const byField = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    )
    expect(byField).toEqual({
      name: 'required',
      principalYuan: 'yuan',
      disbursedOn: 'required',
      ratePercent: 'percent',
    })
  })

  it('moves the API schema’s issues onto the form field they concern', () => {
    const tooHigh = parse(presetForm('webank', { ratePercent: '6' }))
    expect(tooHigh.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ratePercent', 'rateTooHigh'],
    ])
    const early = parse(presetForm('webank', { firstDueOn: '2026-08-01' }))
    expect(early.error?.issues.map((i) => i.path.join('.'))).toEqual(['firstDueOn'])
  })

  it('takes installments as the lender’s app shows them, and checks they add up', () => {
    const rows = [
      { dueOn: '2026-09-11', principalYuan: '5000', interestYuan: '150.5' },
      { dueOn: '2026-10-11', principalYuan: '5000', interestYuan: '75' },
    ]
    const ok = parse(presetForm('webank', { method: 'custom', installments: rows }))
    expect(ok.data?.terms.schedule).toEqual({
      method: 'custom',
      installments: [
        { dueOn: '2026-09-11', principalFen: 500_000, interestFen: 15_050 },
        { dueOn: '2026-10-11', principalFen: 500_000, interestFen: 7_500 },
      ],
    })
    const short = parse(
      presetForm('webank', {
        method: 'custom',
        installments: [{ ...rows[0]!, principalYuan: '4000' }],
      }),
    )
    expect(short.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['installments', 'installmentsSum'],
    ])
    const badRow = parse(
      presetForm('webank', {
        method: 'custom',
        installments: [{ ...rows[0]!, dueOn: null }, rows[1]!],
      }),
    )
    expect(badRow.error?.issues.map((i) => i.path.join('.'))).toEqual(['installments.0.dueOn'])
  })

  it('maps API field paths to form fields', () => {
    expect(formFieldFor(['terms', 'principalFen'])).toBe('principalYuan')
    expect(formFieldFor(['terms', 'schedule', 'installments', 2, 'interestFen'])).toBe(
      'installments.2.interestYuan',
    )
    expect(formFieldFor(['terms', 'allocation', 'order'])).toBe('root')
  })

  it('keeps what the user typed when the preset changes', () => {
    const typed = presetForm('webank', { name: '招行卡', lender: '招商银行' })
    const switched = valuesForPreset('credit_card', TODAY, typed)
    expect(switched).toMatchObject({
      presetId: 'credit_card',
      lenderKind: 'credit_card',
      name: '招行卡',
      lender: '招商银行',
      principalYuan: '10,000',
      disbursedOn: '2026-08-11',
    })
  })
})
