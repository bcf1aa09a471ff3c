import { describe, expect, it } from 'vitest'
import { Decimal } from '@shared/money'
import { LENDER_KINDS } from '@shared/engine/terms'
import { PRESET_IDS, PRESETS, presetTerms, WEBANK_PERIODS } from '@shared/engine/presets'
import { buildRateBook } from '@shared/engine/rates'
import { SOURCES, sourceHref, type Source } from '@shared/engine/sources'
import { loanTermsSchema, type LoanTerms } from '@shared/engine/terms'

const basics = { principalFen: 1_000_000, disbursedOn: '2025-03-15' }
const sources: [string, Source][] = Object.entries(SOURCES)

function at(terms: LoanTerms, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (value === null || typeof value !== 'object') return undefined
    return (value as Record<string, unknown>)[key]
  }, terms)
}

function nonEmpty(text: { 'zh-CN': string; en: string }) {
  expect(text['zh-CN'].trim()).not.toBe('')
  expect(text.en.trim()).not.toBe('')
}

describe('presets', () => {
  it('has one preset per id, with its own id and a known lender kind', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_IDS].sort())
    for (const id of PRESET_IDS) {
      expect(PRESETS[id].id).toBe(id)
      expect(LENDER_KINDS).toContain(PRESETS[id].lenderKind)
    }
  })

  it.each(PRESET_IDS)(
    '%s: the terms pass loanTermsSchema, also with given periods and rate',
    (id) => {
      const terms = presetTerms(id, basics)
      expect(loanTermsSchema.parse(terms)).toEqual(terms)
      expect(terms.principalFen).toBe(basics.principalFen)
      expect(terms.disbursedOn).toBe(basics.disbursedOn)
      const custom = presetTerms(id, {
        ...basics,
        periods: 5,
        rate: { value: '0.0003', per: 'day' },
      })
      expect(custom.rate).toEqual({ value: '0.0003', per: 'day' })
      if (custom.schedule.method !== 'custom' && id !== 'credit_card')
        expect(custom.schedule.periods).toBe(5)
    },
  )

  it.each(PRESET_IDS)(
    '%s: every field cites a known source, names a real path and has both texts',
    (id) => {
      const preset = PRESETS[id]
      const terms = presetTerms(id, basics)
      nonEmpty(preset.name)
      nonEmpty(preset.description)
      expect(preset.fields.length).toBeGreaterThan(0)
      for (const field of preset.fields) {
        expect(SOURCES, field.path).toHaveProperty(field.sourceId)
        expect(at(terms, field.path), field.path).not.toBeUndefined()
        expect(['C2', 'S1', 'U']).toContain(field.confidence)
        nonEmpty(field.note)
      }
    },
  )

  it.each(PRESET_IDS)('%s: overdue interest in general cites Civil Code art. 676', (id) => {
    const overdue = PRESETS[id].fields.filter((field) => field.path === 'penalty')
    expect(overdue.length).toBeGreaterThan(0)
    for (const field of overdue) expect(field.sourceId).toBe('civil-code-676')
  })

  it('custom: every field is labelled U', () => {
    for (const field of PRESETS.custom.fields) expect(field.confidence).toBe('U')
  })

  it('a credit card needs a daily rate', () => {
    expect(() =>
      presetTerms('credit_card', { ...basics, rate: { value: '0.18', per: 'year' } }),
    ).toThrow()
  })

  it('refuses a principal that is not a positive number of fen', () => {
    expect(() => presetTerms('webank', { ...basics, principalFen: 0 })).toThrow()
    expect(() => presetTerms('webank', { ...basics, principalFen: 1.5 })).toThrow()
  })
})

describe('preset defaults', () => {
  it('webank: 0.05 %/day, equal principal, 10 months, 1 day grace, 0.5× penalty on top', () => {
    const terms = presetTerms('webank', basics)
    expect(terms.kind).toBe('installment')
    expect(terms.rate).toEqual({ value: '0.0005', per: 'day' })
    expect(terms.schedule).toMatchObject({
      method: 'equal_principal',
      periods: 10,
      periodUnit: 'month',
    })
    expect(WEBANK_PERIODS).toContain(10)
    expect(terms.graceDays).toBe(1)
    expect(terms.compounding.enabled).toBe(false)
    expect(terms.lateFee.kind).toBe('none')
    expect(terms.card).toBeNull()
    expect(terms.allocation).toEqual({
      order: ['fee', 'penalty', 'compound', 'interest', 'principal'],
      scope: 'installment_first',
    })
  })

  it('webank: overdue principal costs 1.5× the contract rate in all', () => {
    const terms = presetTerms('webank', basics)
    const { penalty } = terms
    expect(penalty.rate.mode).toBe('multiplier')
    if (penalty.rate.mode !== 'multiplier') return
    const contract = new Decimal(terms.rate.value)
    const overdue = penalty.contractInterestContinues
      ? contract.plus(contract.times(penalty.rate.multiplier))
      : contract.times(penalty.rate.multiplier)
    expect(overdue.eq(contract.times('1.5'))).toBe(true)
    // The same through the engine's rate book: interest 1× + penalty 0.5× per day on 5,000 yuan
    // overdue at 0.05 % = 2.50 + 1.25 = 3.75 yuan a day.
    const book = buildRateBook(terms)
    const period = book.periods[0]!
    const perDayFen = period.contract.plus(period.penalty).times(500_000).div(book.divisor)
    expect(perDayFen.eq(375)).toBe(true)
  })

  it('credit_card: 5 % of the unpaid minimum, at least RMB 10, 3 days grace, card terms', () => {
    const terms = presetTerms('credit_card', { ...basics, periods: 24 })
    expect(terms.kind).toBe('credit_card')
    expect(terms.schedule).toEqual({
      method: 'bullet',
      periods: 1,
      periodUnit: 'month',
      periodLength: 1,
    })
    expect(terms.graceDays).toBe(3)
    expect(terms.penalty).toEqual({
      rate: { mode: 'multiplier', multiplier: '0' },
      basis: 'overdue_principal',
      contractInterestContinues: true,
    })
    expect(terms.lateFee).toEqual({
      kind: 'percent_of_unpaid_minimum',
      percent: '0.05',
      fixedFen: 0,
      frequency: 'each_period',
      minFen: 1000,
      maxFen: null,
    })
    expect(terms.card).toEqual({
      statementOn: basics.disbursedOn,
      dueDaysAfterStatement: 20,
      minimumPercent: '0.1',
      minimumFloorFen: 10000,
      interestOn: 'full_balance',
    })
  })

  it('bank_installment and custom: contract + 50 %, compounding at the penalty rate', () => {
    for (const id of ['bank_installment', 'custom'] as const) {
      const terms = presetTerms(id, basics)
      expect(terms.rate).toEqual({ value: '0.0435', per: 'year' })
      expect(terms.dayCount).toBe('ACT/365')
      expect(terms.schedule).toMatchObject({ method: 'equal_installment', periods: 12 })
      expect(terms.graceDays).toBe(0)
      expect(terms.penalty).toEqual({
        rate: { mode: 'multiplier', multiplier: '1.5' },
        basis: 'overdue_principal',
        contractInterestContinues: false,
      })
      expect(terms.compounding).toEqual({ enabled: true, rate: 'penalty' })
    }
  })

  it('consumer_finance: 1.5× on the overdue amount, no compounding', () => {
    const terms = presetTerms('consumer_finance', basics)
    expect(terms.rate).toEqual({ value: '0.0005', per: 'day' })
    expect(terms.penalty).toEqual({
      rate: { mode: 'multiplier', multiplier: '1.5' },
      basis: 'overdue_principal_and_interest',
      contractInterestContinues: false,
    })
    expect(terms.compounding.enabled).toBe(false)
  })

  it('private_loan: 12 %/year, one repayment after 12 months, contract rate when overdue', () => {
    const terms = presetTerms('private_loan', basics)
    expect(terms.rate).toEqual({ value: '0.12', per: 'year' })
    expect(terms.schedule).toMatchObject({ method: 'bullet', periods: 12 })
    expect(terms.penalty).toEqual({
      rate: { mode: 'multiplier', multiplier: '1' },
      basis: 'overdue_principal',
      contractInterestContinues: false,
    })
    expect(terms.compounding.enabled).toBe(false)
  })
})

describe('SOURCES', () => {
  it.each(sources)('%s: its id, texts and confidence', (key, source) => {
    expect(source.id).toBe(key)
    nonEmpty(source.title)
    if (source.note) nonEmpty(source.note)
    expect(['C2', 'S1', 'U']).toContain(source.confidence)
  })

  it.each(sources)('%s: has urls or a reference, written out in full', (_key, source) => {
    expect(source.urls.length > 0 || source.reference.trim() !== '').toBe(true)
    expect(source.reference.trim()).not.toBe('')
    for (const url of source.urls) {
      expect(url).not.toMatch(/^(wf|ln)\//)
      expect(url).not.toMatch(/^https?:/)
      const href = sourceHref(url)
      if (href !== null) expect(href).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+(\/|$)/i)
    }
  })

  it('expands the research file’s abbreviations', () => {
    expect(SOURCES['card-penalty-5pct'].urls).toContain(
      'wodefinance.com/Creditcardoverdue/imvieizume.html',
    )
    expect(SOURCES['card-grace-3-days'].urls).toEqual([
      'lnmlw.com/Loanconsultation/hqwvnwagbn.html',
    ])
  })

  it('no source gives article 675 as the overdue-interest article', () => {
    expect(SOURCES['civil-code-676'].reference).toBe('民法典 第六百七十六条')
    for (const [, source] of sources) {
      const cites675 = /675|六百七十五/.test(source.reference)
      const aboutOverdueInterest =
        /逾期利息|overdue interest/i.test(source.title['zh-CN'] + source.title.en) ||
        /逾期未还款|late repayment/i.test(source.title['zh-CN'] + source.title.en)
      if (cites675) expect(aboutOverdueInterest, source.id).toBe(false)
      if (aboutOverdueInterest && /民法典/.test(source.reference)) {
        expect(source.reference, source.id).toBe('民法典 第六百七十六条')
      }
    }
  })

  it('covers the facts the app relies on', () => {
    const required = [
      'civil-code-676',
      'civil-code-188',
      'civil-code-670',
      'civil-code-677',
      'civil-code-678',
      'civil-code-680',
      'pboc-2016-111',
      'card-rate-cap-removed-2021',
      'card-penalty-5pct',
      'card-full-balance-interest',
      'card-grace-3-days',
      'pboc-2003-251',
      'webank-rate',
      'webank-penalty',
      'webank-grace',
      'consumer-finance-1.5x',
      'private-lending-4x-lpr',
      'financial-24pct-line',
      'lpr-2025-05',
      'credit-report-codes',
      'credit-report-5-years',
      'collection-standard-gbt-45251',
      'complaint-lines',
      'card-personalized-installments',
    ]
    for (const id of required) expect(SOURCES, id).toHaveProperty(id)
    expect(SOURCES['pboc-2016-111'].reference).toBe('银发〔2016〕111号')
    expect(SOURCES['pboc-2003-251'].reference).toBe('银发〔2003〕251号')
    expect(SOURCES['credit-report-5-years'].reference).toContain('第十六条')
    expect(SOURCES['card-full-balance-interest'].confidence).toBe('U')
    expect(SOURCES['card-grace-3-days'].confidence).toBe('S1')
    expect(SOURCES['financial-24pct-line'].confidence).toBe('U')
  })

  it('sourceHref links full addresses and leaves descriptions as text', () => {
    expect(sourceHref('wodefinance.com/Creditcardoverdue/imvieizume.html')).toBe(
      'https://wodefinance.com/Creditcardoverdue/imvieizume.html',
    )
    expect(sourceHref('spglobal.com 2025-05-20')).toBeNull()
  })
})
