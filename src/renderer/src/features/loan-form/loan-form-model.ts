import { z } from 'zod'
import type { Loan, LoanInput } from '@shared/api/records'
import { loanInputSchema } from '@shared/api/records'
import type { CivilDate } from '@shared/dates'
import { PRESETS, presetTerms, type PresetId } from '@shared/engine/presets'
import {
  LENDER_KINDS,
  REPAYMENT_METHODS,
  type LenderKind,
  type LoanTerms,
  type RepaymentMethod,
} from '@shared/engine/terms'
import { Decimal, fenToYuanString, yuanToFen } from '@shared/money'

/**
 * The loan form's values and their translation to and from the API's LoanInput. The form holds
 * what the user types (yuan, percentages, whole numbers as text); `loanFormSchema` turns that
 * into a LoanInput (fen, fractions) and checks it with the API's own schema, so the form refuses
 * exactly what the backend would and names the field. Messages are i18n keys under `loanForm.errors`.
 */

export interface InstallmentRow {
  dueOn: CivilDate | null
  principalYuan: string
  interestYuan: string
}

export interface LoanFormValues {
  presetId: PresetId
  name: string
  lender: string
  lenderKind: LenderKind
  /** Set by the preset (or the stored terms): a credit card's terms differ in shape. */
  termsKind: LoanTerms['kind']
  principalYuan: string
  disbursedOn: CivilDate | null
  ratePercent: string
  ratePer: 'day' | 'year'
  dayCount: LoanTerms['dayCount']
  method: RepaymentMethod | 'custom'
  periods: string
  periodUnit: 'month' | 'day'
  periodLength: string
  firstDueOn: CivilDate | null
  installments: InstallmentRow[]
  graceDays: string
  penaltyMode: 'multiplier' | 'absolute'
  penaltyMultiplier: string
  penaltyRatePercent: string
  penaltyRatePer: 'day' | 'year'
  penaltyBasis: LoanTerms['penalty']['basis']
  contractInterestContinues: boolean
  compoundingEnabled: boolean
  compoundingRate: LoanTerms['compounding']['rate']
  lateFeeKind: LoanTerms['lateFee']['kind']
  lateFeeFixedYuan: string
  lateFeePercent: string
  lateFeeFrequency: LoanTerms['lateFee']['frequency']
  lateFeeMinYuan: string
  lateFeeMaxYuan: string
  cardStatementOn: CivilDate | null
  cardDueDays: string
  cardMinimumPercent: string
  cardMinimumFloorYuan: string
  cardInterestOn: 'full_balance' | 'unpaid_part'
  notes: string
}

export type LoanFormField = keyof LoanFormValues

/** Fraction "0.0005" → percent "0.05" (exact). */
export function fractionToPercent(fraction: string): string {
  return new Decimal(fraction).times(100).toString()
}

/** Percent "0.05" → fraction "0.0005" (exact: dividing by 100 only shifts the point). */
export function percentToFraction(percent: string): string {
  return new Decimal(percent).div(100).toString()
}

/** The form's terms fields filled from terms (a preset's or a stored loan's). */
function termsToValues(
  terms: LoanTerms,
): Omit<LoanFormValues, 'presetId' | 'name' | 'lender' | 'lenderKind' | 'notes'> {
  const schedule = terms.schedule
  const custom = schedule.method === 'custom'
  const penaltyRate = terms.penalty.rate
  return {
    termsKind: terms.kind,
    principalYuan: fenToYuanString(terms.principalFen),
    disbursedOn: terms.disbursedOn,
    ratePercent: fractionToPercent(terms.rate.value),
    ratePer: terms.rate.per,
    dayCount: terms.dayCount,
    method: schedule.method,
    periods: custom ? '12' : String(schedule.periods),
    periodUnit: custom ? 'month' : schedule.periodUnit,
    periodLength: custom ? '1' : String(schedule.periodLength),
    firstDueOn: custom ? null : (schedule.firstDueOn ?? null),
    installments: custom
      ? schedule.installments.map((item) => ({
          dueOn: item.dueOn,
          principalYuan: fenToYuanString(item.principalFen),
          interestYuan: fenToYuanString(item.interestFen),
        }))
      : [],
    graceDays: String(terms.graceDays),
    penaltyMode: penaltyRate.mode,
    penaltyMultiplier: penaltyRate.mode === 'multiplier' ? penaltyRate.multiplier : '0.5',
    penaltyRatePercent:
      penaltyRate.mode === 'absolute' ? fractionToPercent(penaltyRate.rate.value) : '',
    penaltyRatePer: penaltyRate.mode === 'absolute' ? penaltyRate.rate.per : 'day',
    penaltyBasis: terms.penalty.basis,
    contractInterestContinues: terms.penalty.contractInterestContinues,
    compoundingEnabled: terms.compounding.enabled,
    compoundingRate: terms.compounding.rate,
    lateFeeKind: terms.lateFee.kind,
    lateFeeFixedYuan: fenToYuanString(terms.lateFee.fixedFen),
    lateFeePercent: fractionToPercent(terms.lateFee.percent),
    lateFeeFrequency: terms.lateFee.frequency,
    lateFeeMinYuan: fenToYuanString(terms.lateFee.minFen),
    lateFeeMaxYuan: terms.lateFee.maxFen === null ? '' : fenToYuanString(terms.lateFee.maxFen),
    cardStatementOn: terms.card?.statementOn ?? null,
    cardDueDays: String(terms.card?.dueDaysAfterStatement ?? 20),
    cardMinimumPercent: fractionToPercent(terms.card?.minimumPercent ?? '0.1'),
    cardMinimumFloorYuan: fenToYuanString(terms.card?.minimumFloorFen ?? 10_000),
    cardInterestOn: terms.card?.interestOn ?? 'full_balance',
  }
}

/** A stored loan as form values, for editing it. */
export function valuesFromLoan(loan: Loan): LoanFormValues {
  return {
    presetId: loan.presetId ?? 'custom',
    name: loan.name,
    lender: loan.lender,
    lenderKind: loan.lenderKind,
    notes: loan.notes,
    ...termsToValues(loan.terms),
  }
}

/**
 * The values of a fresh form for `presetId`: its terms defaults, with what the user already typed
 * (name, lender, amount, dates, custom installments) kept. The amount and date only seed the
 * preset; they are not checked here.
 */
export function valuesForPreset(
  presetId: PresetId,
  today: CivilDate,
  typed?: Pick<
    LoanFormValues,
    'name' | 'lender' | 'principalYuan' | 'disbursedOn' | 'notes' | 'installments'
  >,
): LoanFormValues {
  const terms = presetTerms(presetId, { principalFen: 1_000_000, disbursedOn: today })
  const values = termsToValues(terms)
  return {
    ...values,
    presetId,
    lenderKind: PRESETS[presetId].lenderKind,
    name: typed?.name ?? '',
    lender: typed?.lender ?? '',
    notes: typed?.notes ?? '',
    principalYuan: typed?.principalYuan ?? '',
    disbursedOn: typed?.disbursedOn ?? null,
    cardStatementOn: null,
    installments: typed?.installments ?? [],
  }
}

/** The rate-change and allocation terms the form does not show; kept from the loan or preset. */
export type HiddenTerms = Pick<LoanTerms, 'rateChanges' | 'allocation'>

export const DEFAULT_HIDDEN_TERMS: HiddenTerms = {
  rateChanges: [],
  allocation: {
    order: ['fee', 'penalty', 'compound', 'interest', 'principal'],
    scope: 'installment_first',
  },
}

const ERROR = {
  required: 'required',
  yuan: 'yuan',
  percent: 'percent',
  wholeNumber: 'wholeNumber',
  invalid: 'invalid',
} as const

/** Where an issue on a LoanInput path shows in the form. */
export function formFieldFor(path: readonly PropertyKey[]): string {
  const key = path.map(String).join('.')
  const exact: Record<string, LoanFormField> = {
    name: 'name',
    lender: 'lender',
    lenderKind: 'lenderKind',
    presetId: 'presetId',
    notes: 'notes',
    'terms.principalFen': 'principalYuan',
    'terms.disbursedOn': 'disbursedOn',
    'terms.rate': 'ratePercent',
    'terms.rate.value': 'ratePercent',
    'terms.rate.per': 'ratePer',
    'terms.schedule.periods': 'periods',
    'terms.schedule.periodLength': 'periodLength',
    'terms.schedule.firstDueOn': 'firstDueOn',
    'terms.schedule.installments': 'installments',
    'terms.graceDays': 'graceDays',
    'terms.penalty.rate.multiplier': 'penaltyMultiplier',
    'terms.penalty.rate.rate.value': 'penaltyRatePercent',
    'terms.penalty.rate.rate': 'penaltyRatePercent',
    'terms.lateFee.fixedFen': 'lateFeeFixedYuan',
    'terms.lateFee.percent': 'lateFeePercent',
    'terms.lateFee.minFen': 'lateFeeMinYuan',
    'terms.lateFee.maxFen': 'lateFeeMaxYuan',
    'terms.card': 'cardStatementOn',
    'terms.card.statementOn': 'cardStatementOn',
    'terms.card.dueDaysAfterStatement': 'cardDueDays',
    'terms.card.minimumPercent': 'cardMinimumPercent',
    'terms.card.minimumFloorFen': 'cardMinimumFloorYuan',
  }
  const found = exact[key]
  if (found !== undefined) return found
  const installment =
    /^terms\.schedule\.installments\.(\d+)\.(dueOn|principalFen|interestFen)$/.exec(key)
  if (installment !== null) {
    const column = { dueOn: 'dueOn', principalFen: 'principalYuan', interestFen: 'interestYuan' }[
      installment[2] as 'dueOn' | 'principalFen' | 'interestFen'
    ]
    return `installments.${installment[1]}.${column}`
  }
  return 'root'
}

/** The message key for an issue the API's schema raised on a built LoanInput. */
function apiIssueKey(path: readonly PropertyKey[], code: string): string {
  const key = path.map(String).join('.')
  if (key === 'terms.schedule.installments') return 'installmentsSum'
  if (key.endsWith('dueOn') && code === 'custom') return 'dateOrder'
  if (key === 'terms.card.statementOn') return 'statementBeforeDisbursement'
  if (key === 'terms.rate.value' || key === 'terms.rate') return 'rateTooHigh'
  if (key === 'terms.rate.per') return 'cardDailyRate'
  if (key === 'name') return 'required'
  if (code === 'too_big') return 'tooBig'
  if (code === 'too_small') return 'tooSmall'
  return ERROR.invalid
}

type Issues = { path: (string | number)[]; message: string }[]

function tryFen(text: string, path: string, issues: Issues, { optional = false } = {}): number {
  if (text.trim() === '') {
    if (!optional) issues.push({ path: [path], message: ERROR.required })
    return 0
  }
  try {
    return yuanToFen(text)
  } catch {
    issues.push({ path: path.split('.'), message: ERROR.yuan })
    return 0
  }
}

function tryPercent(text: string, path: string, issues: Issues): string {
  if (!/^\d{1,6}(\.\d{1,10})?$/.test(text.trim())) {
    issues.push({ path: [path], message: text.trim() === '' ? ERROR.required : ERROR.percent })
    return '0'
  }
  return percentToFraction(text.trim())
}

function tryWhole(text: string, path: string, issues: Issues): number {
  if (!/^\d{1,6}$/.test(text.trim())) {
    issues.push({ path: [path], message: text.trim() === '' ? ERROR.required : ERROR.wholeNumber })
    return 0
  }
  return Number(text.trim())
}

/** Builds the LoanInput, or lists what is wrong by form field (message = i18n key). */
export function buildLoanInput(
  values: LoanFormValues,
  hidden: HiddenTerms,
): { input: LoanInput; issues: Issues } {
  const issues: Issues = []
  const isCard = values.termsKind === 'credit_card'
  if (values.disbursedOn === null) issues.push({ path: ['disbursedOn'], message: ERROR.required })
  if (isCard && values.cardStatementOn === null) {
    issues.push({ path: ['cardStatementOn'], message: ERROR.required })
  }
  const schedule: LoanTerms['schedule'] =
    values.method === 'custom'
      ? {
          method: 'custom',
          installments: values.installments.map((row, index) => {
            if (row.dueOn === null) {
              issues.push({ path: ['installments', index, 'dueOn'], message: ERROR.required })
            }
            return {
              dueOn: row.dueOn ?? '',
              principalFen: tryFen(
                row.principalYuan,
                `installments.${index}.principalYuan`,
                issues,
              ),
              interestFen: tryFen(row.interestYuan, `installments.${index}.interestYuan`, issues, {
                optional: true,
              }),
            }
          }),
        }
      : {
          method: values.method,
          periods: tryWhole(values.periods, 'periods', issues),
          periodUnit: values.periodUnit,
          periodLength: tryWhole(values.periodLength, 'periodLength', issues),
          ...(values.firstDueOn === null ? {} : { firstDueOn: values.firstDueOn }),
        }
  if (values.method === 'custom' && values.installments.length === 0) {
    issues.push({ path: ['installments'], message: 'installmentsNone' })
  }
  const terms: LoanTerms = {
    kind: isCard ? 'credit_card' : 'installment',
    principalFen: tryFen(values.principalYuan, 'principalYuan', issues),
    disbursedOn: values.disbursedOn ?? '',
    rate: { value: tryPercent(values.ratePercent, 'ratePercent', issues), per: values.ratePer },
    dayCount: values.dayCount,
    rateChanges: hidden.rateChanges,
    schedule: isCard
      ? { method: 'bullet', periods: 1, periodUnit: 'month', periodLength: 1 }
      : schedule,
    graceDays: tryWhole(values.graceDays, 'graceDays', issues),
    penalty: {
      rate:
        values.penaltyMode === 'multiplier'
          ? { mode: 'multiplier', multiplier: values.penaltyMultiplier.trim() }
          : {
              mode: 'absolute',
              rate: {
                value: tryPercent(values.penaltyRatePercent, 'penaltyRatePercent', issues),
                per: values.penaltyRatePer,
              },
            },
      basis: values.penaltyBasis,
      contractInterestContinues: values.contractInterestContinues,
    },
    compounding: { enabled: values.compoundingEnabled, rate: values.compoundingRate },
    lateFee: {
      kind: values.lateFeeKind,
      fixedFen: tryFen(values.lateFeeFixedYuan, 'lateFeeFixedYuan', issues, { optional: true }),
      percent: tryPercent(values.lateFeePercent || '0', 'lateFeePercent', issues),
      frequency: values.lateFeeFrequency,
      minFen: tryFen(values.lateFeeMinYuan, 'lateFeeMinYuan', issues, { optional: true }),
      maxFen:
        values.lateFeeMaxYuan.trim() === ''
          ? null
          : tryFen(values.lateFeeMaxYuan, 'lateFeeMaxYuan', issues),
    },
    allocation: hidden.allocation,
    card: isCard
      ? {
          statementOn: values.cardStatementOn ?? '',
          dueDaysAfterStatement: tryWhole(values.cardDueDays, 'cardDueDays', issues),
          minimumPercent: tryPercent(values.cardMinimumPercent, 'cardMinimumPercent', issues),
          minimumFloorFen: tryFen(values.cardMinimumFloorYuan, 'cardMinimumFloorYuan', issues, {
            optional: true,
          }),
          interestOn: values.cardInterestOn,
        }
      : null,
  }
  const input: LoanInput = {
    name: values.name.trim(),
    lender: values.lender.trim(),
    lenderKind: values.lenderKind,
    presetId: values.presetId,
    notes: values.notes,
    terms,
  }
  return { input, issues }
}

const formShape = z.custom<LoanFormValues>()

/**
 * The react-hook-form schema: form values in, a valid LoanInput out. Typing problems come first
 * (an amount that is not yuan); when there are none, the API's schema judges the whole input and
 * each of its issues is moved onto the form field it concerns.
 */
export function loanFormSchema(hidden: HiddenTerms) {
  return formShape.transform((values, ctx): LoanInput => {
    const { input, issues } = buildLoanInput(values, hidden)
    if (values.name.trim() === '') issues.push({ path: ['name'], message: ERROR.required })
    if (issues.length > 0) {
      for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue })
      return z.NEVER
    }
    const checked = loanInputSchema.safeParse(input)
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        ctx.addIssue({
          code: 'custom',
          path: formFieldFor(issue.path).split('.'),
          message: apiIssueKey(issue.path, issue.code),
        })
      }
      return z.NEVER
    }
    return input
  })
}

export const FORM_LENDER_KINDS = LENDER_KINDS
export const FORM_METHODS = [...REPAYMENT_METHODS, 'custom'] as const
