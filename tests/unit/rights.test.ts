import { describe, expect, it } from 'vitest'
import { isSourceId, SOURCES } from '@shared/engine/sources'
import { LENDER_KINDS, type LenderKind } from '@shared/engine/terms'
import { RIGHTS, rightsFor } from '@shared/playbook/rights'

const ids = (kind: LenderKind) => rightsFor(kind).map((right) => right.id)

const CARD_RULES = ['card-penalty-fee', 'card-personalized-installments']

describe('know your rights', () => {
  it('gives every rule a unique id, both languages and at least one existing source', () => {
    expect(new Set(RIGHTS.map((right) => right.id)).size).toBe(RIGHTS.length)
    for (const right of RIGHTS) {
      expect(right.sources.length, right.id).toBeGreaterThan(0)
      for (const source of right.sources) expect(isSourceId(source), source).toBe(true)
      expect(right.text['zh-CN'], right.id).toMatch(/[\u4e00-\u9fff]/)
      expect(right.text.en, right.id).not.toMatch(/[\u4e00-\u9fff]/)
      expect(right.kinds.length, right.id).toBeGreaterThan(0)
      for (const kind of right.kinds) expect(LENDER_KINDS).toContain(kind)
    }
  })

  it('cites art. 676 for overdue interest, for every kind of lender, and never art. 675', () => {
    const overdue = RIGHTS.find((right) => right.id === 'overdue-interest')!
    expect(overdue.sources).toContain('civil-code-676')
    expect(overdue.text['zh-CN']).toContain('第676条')
    expect(overdue.text.en).toContain('art. 676')
    expect(SOURCES['civil-code-676'].reference).toBe('民法典 第六百七十六条')
    for (const kind of LENDER_KINDS) expect(ids(kind)).toContain('overdue-interest')
    for (const right of RIGHTS) {
      expect(right.sources, right.id).not.toContain('civil-code-675')
      expect(right.text['zh-CN'], right.id).not.toMatch(/675|六百七十五/)
      expect(right.text.en, right.id).not.toContain('675')
    }
  })

  it('covers the research file’s protections', () => {
    const cited = new Set(RIGHTS.flatMap((right) => right.sources))
    for (const source of [
      'civil-code-676',
      'civil-code-677',
      'civil-code-678',
      'civil-code-670',
      'civil-code-680',
      'private-lending-4x-lpr',
      'financial-24pct-line',
      'card-penalty-5pct',
      'pboc-2016-111',
      'card-personalized-installments',
      'collection-standard-gbt-45251',
      'collection-third-parties',
      'complaint-lines',
      'credit-report-5-years',
      'credit-report-clock',
      'credit-report-codes',
      'civil-code-188',
      'consumer-protection-law',
    ] as const) {
      expect(cited.has(source), source).toBe(true)
    }
  })

  it('gives credit cards the card rules and no installment-loan articles', () => {
    const card = ids('credit_card')
    for (const rule of CARD_RULES) expect(card).toContain(rule)
    expect(card).toContain('financial-24pct')
    expect(card).toContain('collection-hours-and-calls')
    expect(card).toContain('credit-report-five-years')
    expect(card).not.toContain('private-4x-lpr')
    expect(card).not.toContain('no-pre-deducted-interest')
  })

  it('gives private loans the 4×LPR cap, and no card, collection-standard or credit-report rules', () => {
    const privateLoan = ids('private')
    expect(privateLoan).toContain('private-4x-lpr')
    expect(privateLoan).toContain('no-pre-deducted-interest')
    expect(privateLoan).toContain('limitation-period')
    expect(privateLoan).toContain('private-no-threats')
    for (const rule of [
      ...CARD_RULES,
      'financial-24pct',
      'collection-hours-and-calls',
      'credit-report-five-years',
      'credit-report-codes',
      'consumer-information',
    ]) {
      expect(privateLoan, rule).not.toContain(rule)
    }
  })

  it('gives WeBank the financial lenders’ rules but not the card or private-lending ones', () => {
    const webank = ids('webank')
    for (const rule of CARD_RULES) expect(webank).not.toContain(rule)
    expect(webank).not.toContain('private-4x-lpr')
    expect(webank).not.toContain('bank-penalty-rate')
    for (const rule of [
      'financial-24pct',
      'prepayment-actual-days',
      'extension-before-maturity',
      'collection-third-parties',
      'complaints',
      'credit-report-codes',
      'consumer-information',
    ]) {
      expect(webank).toContain(rule)
    }
  })

  it('gives bank loans the central bank’s penalty rate, and keeps the order of RIGHTS', () => {
    expect(ids('bank')).toContain('bank-penalty-rate')
    expect(ids('consumer_finance')).not.toContain('bank-penalty-rate')
    for (const kind of LENDER_KINDS) {
      const order = RIGHTS.map((right) => right.id).filter((id) => ids(kind).includes(id))
      expect(ids(kind)).toEqual(order)
      expect(ids(kind).length).toBeGreaterThanOrEqual(8)
    }
  })
})
