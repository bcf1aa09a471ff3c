import { describe, expect, it } from 'vitest'
import { addMonths } from '@shared/dates'
import { computeLedger } from '@shared/engine/ledger'
import { presetTerms } from '@shared/engine/presets'
import { isSourceId } from '@shared/engine/sources'
import { formatFen } from '@shared/money'
import {
  BLANK,
  buildLetter,
  DOCUMENT_IDS,
  evenPlan,
  LETTER_DOCUMENTS,
  letterFigures,
  planTotals,
  type LetterInput,
} from '@shared/playbook/letter'

/**
 * The negotiation letter from a 微粒贷 loan two months overdue: the engine's figures formatted as
 * the interface formats money, the plan, the hardship in the user's words and the attachments.
 */

const TODAY = '2026-05-20'
// The first installment fell due a month after disbursement, 46 days before today: M2.
const terms = presetTerms('webank', { principalFen: 1_000_000, disbursedOn: '2026-03-05' })
const ledger = computeLedger(terms, [], [], TODAY)
const figures = letterFigures(terms, ledger)
const HARDSHIP = '今年三月公司裁员，我失去了工作，目前靠打零工维持生活，每月收入约三千元。'

function input(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    loanName: '微粒贷',
    lender: '微众银行',
    lenderKind: 'webank',
    borrowerName: '张三',
    figures,
    hardship: HARDSHIP,
    plan: evenPlan(ledger.payoffFen, 12, '2026-06-20'),
    ...overrides,
  }
}

describe('the figures and the default plan', () => {
  it('takes the engine’s figures of a loan two months overdue', () => {
    expect(ledger.stage.label).toBe('M2')
    expect(figures).toEqual({
      asOf: TODAY,
      principalFen: 1_000_000,
      disbursedOn: '2026-03-05',
      overdueFen: ledger.overdueFen,
      payoffFen: ledger.payoffFen,
      daysOverdue: ledger.daysOverdue,
    })
    expect(figures.overdueFen).toBeGreaterThan(0)
    expect(figures.daysOverdue).toBeGreaterThan(30)
  })

  it('splits the payoff evenly, the odd fen in the first installment, to the fen', () => {
    for (const [payoff, months] of [
      [1_000_000, 12],
      [1_000_001, 12],
      [999_999, 7],
      [5, 3],
      [123_457, 1],
    ] as const) {
      const plan = evenPlan(payoff, months, '2026-06-20')
      expect(planTotals(plan).totalFen, `${payoff}/${months}`).toBe(payoff)
      expect(plan.monthlyFen).toBe(Math.floor(payoff / months))
      if (payoff % months === 0 || months === 1) expect(plan.firstFen).toBeUndefined()
      else expect(plan.firstFen).toBe(plan.monthlyFen + (payoff % months))
    }
    expect(planTotals(evenPlan(100, 3, '2026-01-31')).lastDueOn).toBe('2026-03-31')
  })
})

describe('the letter in Chinese', () => {
  const plan = evenPlan(ledger.payoffFen, 12, '2026-06-20')
  const letter = buildLetter(input({ plan }), 'zh-CN')

  it('is a 协商还款申请书 addressed to the lender, from the applicant', () => {
    expect(letter.title).toBe('协商还款申请书')
    expect(letter.body.startsWith('致：微众银行\n')).toBe(true)
    expect(letter.body).toContain('申请人：张三')
    expect(letter.body).toContain(`身份证号码：${BLANK}`)
    expect(letter.body).toContain('\n\u3000\u3000此致\n敬礼！\n')
    expect(letter.body).toContain(`申请人（签名）：${BLANK}`)
    expect(letter.body).toContain('日期：2026年5月20日')
  })

  it('states what was borrowed and what is overdue, as the engine computes it', () => {
    expect(letter.body).toContain('2026年3月5日')
    expect(letter.body).toContain(formatFen(1_000_000, 'zh-CN'))
    expect(letter.body).toContain(`已逾期${figures.daysOverdue}天`)
    expect(letter.body).toContain(`逾期未还金额为${formatFen(figures.overdueFen, 'zh-CN')}`)
    expect(letter.body).toContain(`共需还款${formatFen(figures.payoffFen, 'zh-CN')}`)
  })

  it('quotes the hardship in the user’s words', () => {
    expect(letter.body).toContain(`二、逾期原因\n\u3000\u3000${HARDSHIP}\n`)
    const twoParagraphs = buildLetter(input({ hardship: '第一段\n\n  第二段已缩进' }), 'zh-CN')
    expect(twoParagraphs.body).toContain('二、逾期原因\n\u3000\u3000第一段\n\n  第二段已缩进\n')
  })

  it('proposes the plan and asks to stop penalty interest while it is kept', () => {
    const { lastDueOn, totalFen } = planTotals(plan)
    expect(lastDueOn).toBe(addMonths('2026-06-20', 11))
    expect(letter.body).toContain('自2026年6月20日起，分12期按月还款')
    expect(letter.body).toContain(`每期还款${formatFen(plan.monthlyFen, 'zh-CN')}`)
    expect(letter.body).toContain('至2027年5月20日还清')
    expect(letter.body).toContain(`合计${formatFen(totalFen, 'zh-CN')}`)
    expect(letter.body).toContain('停息挂账')
    expect(letter.body).toContain('本人承诺')
  })

  it('names an odd first installment', () => {
    const odd = { months: 3, firstDueOn: '2026-06-20', monthlyFen: 100_000, firstFen: 100_002 }
    const body = buildLetter(input({ plan: odd }), 'zh-CN').body
    expect(body).toContain(
      `首期还款${formatFen(100_002, 'zh-CN')}，其后每期还款${formatFen(100_000, 'zh-CN')}`,
    )
    expect(body).toContain(`合计${formatFen(300_002, 'zh-CN')}`)
  })

  it('lists every document as an attachment, or the ones chosen', () => {
    const attachments = LETTER_DOCUMENTS.map((doc, index) => `${index + 1}. ${doc.text['zh-CN']}`)
    expect(letter.body).toContain(`附件：\n${attachments.join('\n')}\n`)
    const some = buildLetter(input({ attachments: ['id_card', 'bank_statements'] }), 'zh-CN')
    expect(some.body).toContain('附件：\n1. 身份证复印件（正反面）\n2. 最近3–6个月的银行流水\n')
    expect(some.body).not.toContain('收入证明')
    expect(buildLetter(input({ attachments: [] }), 'zh-CN').body).not.toContain('附件')
  })

  it('leaves blanks and prompts where the user has written nothing', () => {
    const body = buildLetter(input({ borrowerName: ' ', hardship: '', lender: '' }), 'zh-CN').body
    expect(body.startsWith('致：微众银行\n')).toBe(true)
    expect(body).toContain(`申请人：${BLANK}`)
    expect(body).toContain('（请在这里用自己的话写明逾期的原因')
  })

  it('says so when the loan is not overdue yet, and words a card as a card', () => {
    const current = buildLetter(
      input({ figures: { ...figures, daysOverdue: 0, overdueFen: 0 } }),
      'zh-CN',
    ).body
    expect(current).toContain('尚未逾期')
    expect(current).not.toContain('已逾期')
    const card = buildLetter(input({ lenderKind: 'credit_card', lender: '' }), 'zh-CN').body
    expect(card).toContain('致：信用卡发卡银行')
    expect(card).toContain('信用卡')
    expect(card).toContain(`透支消费${formatFen(1_000_000, 'zh-CN')}`)
  })
})

describe('the letter in English', () => {
  const plan = { months: 6, firstDueOn: '2026-06-20', monthlyFen: 150_000 }
  const letter = buildLetter(input({ plan, borrowerName: 'Li Lei' }), 'en')

  it('is the same letter, translated', () => {
    expect(letter.title).toBe('Application for a Negotiated Repayment Plan')
    expect(letter.body.startsWith('To: 微众银行\n')).toBe(true)
    expect(letter.body).toContain('Applicant: Li Lei')
    expect(letter.body).toContain(`On March 5, 2026 I borrowed ${formatFen(1_000_000, 'en')}`)
    expect(letter.body).toContain(`${figures.daysOverdue} days overdue`)
    expect(letter.body).toContain(`${formatFen(figures.overdueFen, 'en')} overdue and unpaid`)
    expect(letter.body).toContain(`would take ${formatFen(figures.payoffFen, 'en')}`)
    expect(letter.body).toContain(`2. Why I fell behind\n${HARDSHIP}\n`)
    expect(letter.body).toContain(
      `6 monthly installments of ${formatFen(150_000, 'en')}, from June 20, 2026 to November 20, 2026: ${formatFen(900_000, 'en')} in all.`,
    )
    expect(letter.body).toContain('stop charging penalty interest')
    expect(letter.body).toContain('I promise')
    const odd = { months: 3, firstDueOn: '2026-06-20', monthlyFen: 100_000, firstFen: 100_002 }
    expect(buildLetter(input({ plan: odd }), 'en').body).toContain(
      `3 monthly installments from June 20, 2026 to August 20, 2026: the first of ${formatFen(100_002, 'en')}, then ${formatFen(100_000, 'en')} a month; ${formatFen(300_002, 'en')} in all.`,
    )
    const attachments = LETTER_DOCUMENTS.map((doc, index) => `${index + 1}. ${doc.text.en}`)
    expect(letter.body).toContain(`Attachments:\n${attachments.join('\n')}\n`)
    expect(letter.body).toContain('Date: May 20, 2026')
    // No Chinese of the letter's own in the translation: only what the user typed.
    const own = letter.body
      .replaceAll('微众银行', '')
      .replaceAll('微粒贷', '')
      .replace(HARDSHIP, '')
    expect(own).not.toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('the documents checklist', () => {
  it('has the six documents, each in both languages, citing the negotiation documents', () => {
    expect(LETTER_DOCUMENTS.map((doc) => doc.id)).toEqual([...DOCUMENT_IDS])
    expect(DOCUMENT_IDS).toEqual([
      'id_card',
      'contract',
      'repayment_records',
      'income_proof',
      'hardship_proof',
      'bank_statements',
    ])
    for (const doc of LETTER_DOCUMENTS) {
      expect(doc.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      expect(doc.hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      expect(doc.text.en).toMatch(/^[\x20-\x7e’–]+$/)
      expect(doc.sources).toContain('negotiation-documents')
      for (const source of doc.sources) expect(isSourceId(source)).toBe(true)
    }
    const hardship = LETTER_DOCUMENTS.find((doc) => doc.id === 'hardship_proof')!
    for (const word of ['失业', '疾病', '家庭']) expect(hardship.text['zh-CN']).toContain(word)
  })
})
