import { describe, expect, it } from 'vitest'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { projectLedger } from '@shared/engine/projection'
import { SOURCES } from '@shared/engine/sources'
import type { LenderKind, LoanTerms } from '@shared/engine/terms'
import { formatFen } from '@shared/money'
import type { ContactFacts } from '@shared/playbook/contact-rules'
import { fillTemplate, generatePlan } from '@shared/playbook/generate'
import { loanState, NO_SITUATION, type LoanSituation } from '@shared/playbook/loan-state'
import { PLAYBOOK_KEYS } from '@shared/playbook/keys'
import { PLAYBOOK } from '@shared/playbook/playbook'

const TODAY = '2026-11-26'

function planFor(
  lenderKind: LenderKind,
  terms: LoanTerms,
  { contacts = [] as ContactFacts[], situation = NO_SITUATION as LoanSituation } = {},
) {
  const state = loanState({
    lenderKind,
    terms,
    events: [],
    payments: [],
    contacts,
    situation,
    today: TODAY,
  })
  return { state, items: generatePlan(state) }
}

const keys = (items: { key: string }[]) => items.map((item) => item.key)

const webank = (disbursedOn: string) =>
  presetTerms('webank', { principalFen: 1_000_000, disbursedOn })

/** What every loan in M1 or later gets, in this order (urgency 85 … 44). */
const LATE = [
  'pay-overdue-now',
  'contact-lender',
  'understand-consequences',
  'list-debts',
  'know-your-rights',
  'no-new-loans',
  'ask-family',
]

/** The seed's 微粒贷 two months overdue: M2 adds negotiation in writing and collection. */
const M2 = [
  'pay-overdue-now',
  'contact-lender',
  'understand-consequences',
  'deferral-with-documents',
  'official-channels',
  'keep-records',
  'collection-rules',
  'list-debts',
  'know-your-rights',
  'no-new-loans',
  'ask-family',
  'avoid-agents',
]

describe('the action plan for a table of loan states', () => {
  it('a loan paid up to date: nothing to do', () => {
    // First installment due 2026-12-01.
    const { state, items } = planFor('webank', webank('2026-11-01'))
    expect(state.stage).toBe('current')
    expect(items).toEqual([])
  })

  it('one day late, within the grace day: check it, and pay today', () => {
    const terms = webank('2026-10-25') // due 2026-11-25, one grace day
    const { state, items } = planFor('webank', terms)
    expect([state.stage, state.daysOverdue]).toEqual(['grace', 1])
    expect(keys(items)).toEqual(['check-really-overdue', 'pay-overdue-now'])
    const ledger = computeLedger(terms, [], [], TODAY)
    const check = items[0]!.text['zh-CN']
    expect(check.why).toContain('2026年11月25日')
    expect(check.why).toContain('宽限期是 1 天（到 2026年11月26日）')
    expect(items[1]!.text.en.title).toBe(
      `Pay the overdue ${formatFen(ledger.overdueFen, 'en')} first`,
    )
  })

  it('M1 (16 days late): pay, contact the lender, understand, list, rights, no new loans, family', () => {
    const { state, items } = planFor('webank', webank('2026-10-10'))
    expect(state.stage).toBe(1)
    expect(keys(items)).toEqual(LATE)
  })

  it('the seed’s 微粒贷 two months overdue (M2), with the engine’s figures', () => {
    const terms = webank('2026-09-10') // due 2026-10-10: 47 days overdue
    const { state, items } = planFor('webank', terms)
    expect([state.stage, state.daysOverdue]).toEqual([2, 47])
    expect(keys(items)).toEqual(M2)

    const ledger = computeLedger(terms, [], [], TODAY)
    const late = (l: typeof ledger) =>
      l.totals.charged.penalty + l.totals.charged.compound + l.totals.charged.fee
    const unpaid = projectLedger(terms, [], [], '2026-11-30')
    const paid = projectLedger(terms, [], [], '2026-11-30', [
      { paidOn: TODAY, amountFen: ledger.overdueFen },
    ])
    const stops = late(unpaid) - late(paid)
    expect(stops).toBeGreaterThan(0)
    expect(state.stopsByMonthEndFen).toBe(stops)
    const pay = items[0]!.text['zh-CN']
    expect(pay.title).toBe(`先把逾期的 ${formatFen(ledger.overdueFen, 'zh-CN')} 还上`)
    expect(pay.why).toBe(
      `逾期部分现在是 ${formatFen(ledger.overdueFen, 'zh-CN')}，每多等一天增加 ${formatFen(ledger.dailyAccrual.fen, 'zh-CN')}。` +
        `今天还上这 ${formatFen(ledger.overdueFen, 'zh-CN')}，到 2026年11月30日 能少付 ${formatFen(stops, 'zh-CN')} 的罚息、复利和违约金。`,
    )
    const understand = items[2]!.text.en.why
    expect(understand).toContain('stage M2, code 2 (31–60 days overdue)')
    expect(understand).toContain(formatFen(ledger.payoffFen, 'en'))
    expect(items[1]!.text['zh-CN'].why).toContain('已经逾期 47 天（M2）')
  })

  it('a credit card 100 days overdue (M4): the bank’s installment plan, legal help, and the 24% line', () => {
    const terms = presetTerms('credit_card', { principalFen: 2_000_000, disbursedOn: '2026-07-29' })
    const { state, items } = planFor('credit_card', terms)
    expect([state.stage, state.daysOverdue]).toEqual([4, 100])
    // Monthly compounding and a 5% fee on each unpaid minimum, over 100 days: above 24% a year.
    expect(state.capExceeded?.id).toBe('financial-24pct')
    expect(state.annualRate).toBeGreaterThan(0.24)
    expect(keys(items)).toEqual([
      'pay-overdue-now',
      'contact-lender',
      'understand-consequences',
      'card-installment-plan',
      'rate-above-legal-line',
      'official-channels',
      'keep-records',
      'get-legal-help',
      'collection-rules',
      'list-debts',
      'know-your-rights',
      'no-new-loans',
      'ask-family',
      'avoid-agents',
    ])
  })

  it('a private loan above 4× LPR: the legal line, with the rate and the cap', () => {
    const terms = presetTerms('private_loan', {
      principalFen: 5_000_000,
      disbursedOn: '2026-10-01', // repaid in one go on 2026-11-01: 25 days overdue
      periods: 1,
      rate: { value: '0.15', per: 'year' },
    })
    const { state, items } = planFor('private', terms)
    expect(state.stage).toBe(1)
    expect(state.capExceeded?.id).toBe('private-4x-lpr')
    expect(keys(items)).toEqual([
      'pay-overdue-now',
      'contact-lender',
      'understand-consequences',
      'rate-above-legal-line',
      'list-debts',
      'know-your-rights',
      'no-new-loans',
      'ask-family',
    ])
    const line = items[3]!.text
    expect(line['zh-CN'].why).toContain('高于 12% 这条线')
    expect(line.en.why).toMatch(/about 1[5-9](\.\d)?%, above the 12% line/)
  })

  it('a collection call logged at 23:00: complain first, and know the rules', () => {
    const contacts: ContactFacts[] = [
      {
        id: 1,
        occurredAt: '2026-11-20T23:00',
        channel: 'phone',
        direction: 'incoming',
        party: 'collector',
      },
    ]
    const { items } = planFor('webank', webank('2026-09-10'), { contacts })
    expect(keys(items)).toEqual([
      'complain-about-collection',
      'pay-overdue-now',
      'contact-lender',
      'understand-consequences',
      'collection-rules',
      'deferral-with-documents',
      'official-channels',
      'keep-records',
      'list-debts',
      'know-your-rights',
      'no-new-loans',
      'ask-family',
      'avoid-agents',
    ])
    expect(items[0]!.text['zh-CN'].why).toContain('有 1 次不合规（夜间催收）')
    expect(items[0]!.text.en.how).toContain('12378')
  })

  it('a declared hardship moves the deferral up; a lawsuit notice brings the court and a lawyer first', () => {
    const hardship = planFor('webank', webank('2026-10-10'), {
      situation: { hardship: 'job_loss', lawsuitNoticeOn: null },
    })
    expect(keys(hardship.items).slice(0, 4)).toEqual([
      'pay-overdue-now',
      'contact-lender',
      'deferral-with-documents',
      'understand-consequences',
    ])
    const sued = planFor('webank', webank('2026-09-10'), {
      situation: { hardship: null, lawsuitNoticeOn: '2026-11-20' },
    })
    expect(keys(sued.items).slice(0, 3)).toEqual([
      'answer-lawsuit',
      'get-legal-help',
      'pay-overdue-now',
    ])
    expect(sued.items[0]!.text['zh-CN'].why).toContain('2026年11月20日')
  })
})

describe('the playbook as data', () => {
  it('every item has both languages, a title and reasons, and only known placeholders', () => {
    const known = new Set([
      'overdue',
      'daily',
      'stops',
      'payoff',
      'lateCharged',
      'monthEnd',
      'oldestDue',
      'graceEnds',
      'graceDays',
      'days',
      'stage',
      'code',
      'rate',
      'cap',
      'lawsuitOn',
      'violationCount',
      'violations',
    ])
    for (const item of PLAYBOOK) {
      for (const language of ['zh-CN', 'en'] as const) {
        const text = item.text[language]
        for (const part of [text.title, text.why, text.how, ...text.prepare]) {
          expect(part.trim(), `${item.key} ${language}`).not.toBe('')
          for (const [, name] of part.matchAll(/{{(\w+)}}/g))
            expect(known, item.key).toContain(name)
        }
      }
      expect(item.text['zh-CN'].title).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(new Set(PLAYBOOK.map((item) => item.key)).size).toBe(PLAYBOOK.length)
    // The stored names are exactly the playbook's keys.
    expect(PLAYBOOK.map((item) => item.key).sort()).toEqual([...PLAYBOOK_KEYS].sort())
  })

  it('every item has a source line; overdue interest cites Civil Code art. 676, never 675', () => {
    for (const item of PLAYBOOK) {
      expect(item.sources.length, item.key).toBeGreaterThan(0)
      for (const id of item.sources) expect(SOURCES, item.key).toHaveProperty(id)
      expect(item.sources, item.key).not.toContain('civil-code-675')
    }
    for (const key of ['pay-overdue-now', 'understand-consequences', 'know-your-rights']) {
      expect(PLAYBOOK.find((item) => item.key === key)?.sources).toContain('civil-code-676')
    }
    const understand = PLAYBOOK.find((item) => item.key === 'understand-consequences')!
    expect(understand.text['zh-CN'].how).toContain('第六百七十六条')
    expect(understand.text.en.how).toContain('art. 676')
  })

  it('refuses a placeholder it has no value for', () => {
    expect(() => fillTemplate('{{nope}}', {})).toThrow(/nope/)
  })
})
