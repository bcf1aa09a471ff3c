import type { LocalizedText, SourceId } from '../engine/sources'
import { LENDER_KINDS, type LenderKind } from '../engine/terms'

/**
 * "Know your rights": the rules that protect a borrower, per kind of lender, each resting on
 * entries of SOURCES (from the research file `shared/domain/china-overdue-rules.md`). The texts
 * are our own summaries, not quotations. Overdue interest is Civil Code art. 676; article 675
 * (the repayment term) is never cited for it.
 */

export interface Right {
  id: string
  text: LocalizedText
  /** At least one; every id is an entry of SOURCES. */
  sources: readonly SourceId[]
  /** The kinds of lender it applies to. */
  kinds: readonly LenderKind[]
}

/** Lenders regulated as financial institutions (and "other", which may well be one). */
const FINANCIAL: readonly LenderKind[] = [
  'webank',
  'credit_card',
  'bank',
  'consumer_finance',
  'other',
]
/** Loans repaid in installments from a disbursed principal (not a card's revolving balance). */
const INSTALLMENT_LOANS: readonly LenderKind[] = [
  'webank',
  'bank',
  'consumer_finance',
  'private',
  'other',
]
const ALL: readonly LenderKind[] = LENDER_KINDS

export const RIGHTS: readonly Right[] = [
  {
    id: 'overdue-interest',
    text: {
      'zh-CN':
        '逾期利息只能按合同的约定或国家的有关规定计算（《民法典》第676条）。合同里没有写明的费用，可以要求对方说明依据。',
      en: 'Overdue interest may only be charged as the contract or the state’s rules provide (Civil Code art. 676). For any charge the contract does not name, you may ask what it rests on.',
    },
    sources: ['civil-code-676'],
    kinds: ALL,
  },
  {
    id: 'high-interest-banned',
    text: {
      'zh-CN':
        '法律禁止高利放贷，借款利率不得违反国家规定；没有约定利息的，不付利息（《民法典》第680条）。',
      en: 'Usurious lending is banned and rates must follow the state’s rules; where no interest was agreed, none is owed (Civil Code art. 680).',
    },
    sources: ['civil-code-680'],
    kinds: ALL,
  },
  {
    id: 'no-pre-deducted-interest',
    text: {
      'zh-CN':
        '利息不得预先从本金中扣除。放款时先扣了利息的（砍头息），本金只按你实际收到的金额计算（《民法典》第670条）。',
      en: 'Interest may not be taken off the principal in advance. If it was deducted when the money was paid out, the principal is only what you actually received (Civil Code art. 670).',
    },
    sources: ['civil-code-670'],
    kinds: INSTALLMENT_LOANS,
  },
  {
    id: 'prepayment-actual-days',
    text: {
      'zh-CN': '提前还款的，利息只按实际借款的天数计算（《民法典》第677条）。',
      en: 'If you repay early, interest is owed only for the days you actually had the money (Civil Code art. 677).',
    },
    sources: ['civil-code-677'],
    kinds: INSTALLMENT_LOANS,
  },
  {
    id: 'extension-before-maturity',
    text: {
      'zh-CN':
        '在还款期限届满之前，你可以申请展期；展期需要出借人同意，所以要尽早提出（《民法典》第678条）。',
      en: 'Before the loan falls due you may ask for an extension; the lender has to agree, so ask early (Civil Code art. 678).',
    },
    sources: ['civil-code-678'],
    kinds: INSTALLMENT_LOANS,
  },
  {
    id: 'bank-penalty-rate',
    text: {
      'zh-CN':
        '银行贷款逾期的罚息利率，是在合同利率的基础上加收30%–50%，从逾期之日起计收；罚息利率高于此的，可以要求银行说明依据。',
      en: 'A bank loan’s penalty rate is the contract rate plus 30% to 50%, charged from the day it fell overdue; if yours is higher, you may ask the bank what it rests on.',
    },
    sources: ['pboc-2003-251'],
    kinds: ['bank'],
  },
  {
    id: 'financial-24pct',
    text: {
      'zh-CN':
        '向银行、消费金融公司、网贷平台等金融机构借款的，法院常以年化24%作为全部成本（利息、复利、罚息、违约金和各种费用合计）的上限；超出的部分，可以主张不予支持。这一上限所依据的文件原文没有找到，具体请咨询当地律师。',
      en: 'For loans from banks, consumer finance companies and lending platforms, courts often treat 24% a year as the limit on the whole cost (interest, compound interest, penalty interest, penalty fees and other charges together); you may contest anything above it. The document behind this limit could not be found: ask a local lawyer.',
    },
    sources: ['financial-24pct-line', 'loan-facilitation-2025'],
    kinds: FINANCIAL,
  },
  {
    id: 'private-4x-lpr',
    text: {
      'zh-CN':
        '个人之间的借款（民间借贷），利率不得超过合同成立时一年期LPR的4倍；按2025年5月起的LPR 3.0%，就是年化12%。超出的利息，法院不予支持。',
      en: 'Between individuals (private lending), the rate may not exceed 4× the one-year LPR when the contract was made; with the 3.0% LPR in force since May 2025, that is 12% a year. Courts do not enforce interest above it.',
    },
    sources: ['private-lending-4x-lpr', 'lpr-2025-05'],
    kinds: ['private', 'other'],
  },
  {
    id: 'card-penalty-fee',
    text: {
      'zh-CN':
        '信用卡已取消滞纳金，逾期改收违约金，常见为最低还款额未还部分的5%；违约金和其他费用不计利息，也不收超限费。',
      en: 'Credit cards no longer charge a late fee: the charge for being late is a penalty fee, usually 5% of the unpaid part of the minimum payment; no interest may be charged on penalty fees or other fees, and there is no over-limit fee.',
    },
    sources: ['card-penalty-5pct', 'pboc-2016-111'],
    kinds: ['credit_card'],
  },
  {
    id: 'card-personalized-installments',
    text: {
      'zh-CN':
        '欠款超出还款能力、但本人有还款意愿的，可以向发卡银行申请个性化分期，最长5年；银行可以同意，但不是必须同意。按协议还款期间，银行停止催收。',
      en: 'If you owe more than you can pay but want to repay, you may ask the card issuer for a personalized installment plan of up to 5 years; the bank may agree but does not have to. While you keep to the agreement, collection stops.',
    },
    sources: ['card-personalized-installments'],
    kinds: ['credit_card'],
  },
  {
    id: 'collection-hours-and-calls',
    text: {
      'zh-CN':
        '晚上10点到早上8点不得催收（另有约定的除外）；放贷机构和催收机构合计，每天接通的催收电话不超过3次；只能找你本人催收。',
      en: 'No collection between 22:00 and 08:00 unless you agreed to it; at most 3 connected collection calls a day, lender and agencies together; and only you may be contacted.',
    },
    sources: ['collection-standard-gbt-45251'],
    kinds: FINANCIAL,
  },
  {
    id: 'collection-third-parties',
    text: {
      'zh-CN':
        '催收不得找与债务无关的第三人（家人、同事、通讯录联系人），也不得向他们透露你的债务。',
      en: 'Collectors may not pursue people unrelated to the debt (family, colleagues, your contacts) or tell them about it.',
    },
    sources: ['collection-third-parties'],
    kinds: FINANCIAL,
  },
  {
    id: 'complaints',
    text: {
      'zh-CN':
        '遇到违规收费或暴力催收，先向放贷机构投诉；没有解决的，拨打12378（金融监管总局）或12363（人民银行，征信问题）；受到威胁或暴力，立即拨打110。',
      en: 'For unlawful charges or abusive collection, complain to the lender first; if that does not help, call 12378 (the financial regulator) or 12363 (the central bank, for credit-report problems); for threats or violence, call 110 at once.',
    },
    sources: ['complaint-lines'],
    kinds: FINANCIAL,
  },
  {
    id: 'private-no-threats',
    text: {
      'zh-CN': '遇到威胁、骚扰或暴力讨债，不论对方是机构还是个人，都可以拨打110报警。',
      en: 'Whoever the lender is, an institution or a person, you can call the police on 110 about threats, harassment or violence over a debt.',
    },
    sources: ['complaint-lines'],
    kinds: ['private'],
  },
  {
    id: 'credit-report-five-years',
    text: {
      'zh-CN':
        '征信上的不良记录，自不良行为终止之日起保存5年，期满删除；欠款不还，记录就一直保留，所以还清才开始计算5年。你可以对自己的记录附加说明。',
      en: 'A negative record stays on your credit report for 5 years from the end of the bad behavior, then it is deleted; an unpaid debt stays, so the five years start only when it is repaid. You may add a statement of your own to the record.',
    },
    sources: ['credit-report-5-years', 'credit-report-clock'],
    kinds: FINANCIAL,
  },
  {
    id: 'credit-report-codes',
    text: {
      'zh-CN':
        '征信每月的还款记录用代码表示逾期时长：1为逾期1–30天，2为31–60天，依此类推，7为180天以上；还清后显示C（结清）。',
      en: 'Each month of the credit report carries a code for how long the payment is overdue: 1 is 1–30 days, 2 is 31–60, and so on to 7 for over 180; once repaid it shows C (settled).',
    },
    sources: ['credit-report-codes'],
    kinds: FINANCIAL,
  },
  {
    id: 'limitation-period',
    text: {
      'zh-CN':
        '出借人起诉的诉讼时效为三年，从其知道或应当知道权利受损之日起算，最长不超过二十年（《民法典》第188条）。',
      en: 'The lender has three years to sue, from when it knew or should have known of the harm, and twenty years at most (Civil Code art. 188).',
    },
    sources: ['civil-code-188'],
    kinds: ALL,
  },
  {
    id: 'consumer-information',
    text: {
      'zh-CN':
        '作为消费者，你有权知道借款的真实利率、各项费用和计算方法，有权自主选择是否接受某项服务；可以要求放贷机构说明。',
      en: 'As a consumer, you have the right to know the loan’s real rate, every charge and how it is calculated, and to choose freely whether to accept a service; you may ask the lender to explain.',
    },
    sources: ['consumer-protection-law'],
    kinds: FINANCIAL,
  },
]

/** The rules for one kind of lender, in the order of RIGHTS. */
export function rightsFor(kind: LenderKind): Right[] {
  return RIGHTS.filter((right) => right.kinds.includes(kind))
}
