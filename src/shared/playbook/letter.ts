import { sketchPlan } from '../charts/waiting'
import { addMonths, type CivilDate } from '../dates'
import type { Ledger } from '../engine/ledger-types'
import type { LocalizedText, SourceId } from '../engine/sources'
import type { LenderKind, LoanTerms } from '../engine/terms'
import { formatFen, type Fen } from '../money'

/**
 * The negotiation letter (协商还款申请书): a plain-text draft built from the loan, the engine's
 * figures, the hardship in the user's own words and the plan they propose. The user edits it,
 * then copies it or saves it as a PDF. Chinese is the letter the lender reads; the English one
 * is a translation so that an English-speaking user knows what they are sending.
 *
 * Everything here is pure: the same input gives the same text.
 */

export type LetterLanguage = 'zh-CN' | 'en'

/** A document to attach to the letter, from the negotiation practice the research file records. */
export interface LetterDocument {
  id: DocumentId
  text: LocalizedText
  /** What it is for, or where to get it. */
  hint: LocalizedText
  sources: readonly SourceId[]
}

export const DOCUMENT_IDS = [
  'id_card',
  'contract',
  'repayment_records',
  'income_proof',
  'hardship_proof',
  'bank_statements',
] as const
export type DocumentId = (typeof DOCUMENT_IDS)[number]

const NEGOTIATION_DOCUMENTS: readonly SourceId[] = ['negotiation-documents']

/** The documents to gather before sending the letter, in the order they are usually attached. */
export const LETTER_DOCUMENTS: readonly LetterDocument[] = [
  {
    id: 'id_card',
    text: { 'zh-CN': '身份证复印件（正反面）', en: 'A copy of the ID card (both sides)' },
    hint: {
      'zh-CN': '证明申请人就是借款人本人。',
      en: 'Shows that you are the borrower.',
    },
    sources: NEGOTIATION_DOCUMENTS,
  },
  {
    id: 'contract',
    text: {
      'zh-CN': '借款合同，或App中的借款详情页截图',
      en: 'The loan contract, or screenshots of the loan page in the lender’s app',
    },
    hint: {
      'zh-CN': '写明借款金额、日期、利率和还款方式；信用卡可附最近的账单。',
      en: 'It shows the amount, the date, the rate and how it is repaid; for a card, the latest statement.',
    },
    sources: NEGOTIATION_DOCUMENTS,
  },
  {
    id: 'repayment_records',
    text: { 'zh-CN': '还款记录', en: 'Repayment records' },
    hint: {
      'zh-CN': '已经还过的每一笔，证明你一直在尽力还款。',
      en: 'Every payment made so far: it shows you have been trying to repay.',
    },
    sources: NEGOTIATION_DOCUMENTS,
  },
  {
    id: 'income_proof',
    text: { 'zh-CN': '收入证明', en: 'Proof of income' },
    hint: {
      'zh-CN': '单位开具的收入证明、工资条，或现在的工作状况说明。',
      en: 'An employer’s income certificate, pay slips, or a note on your current work.',
    },
    sources: NEGOTIATION_DOCUMENTS,
  },
  {
    id: 'hardship_proof',
    text: {
      'zh-CN': '困难证明：失业、疾病或家庭困难',
      en: 'Proof of hardship: unemployment, illness or family hardship',
    },
    hint: {
      'zh-CN': '如离职证明、失业登记、诊断书和医疗费票据、社区或村委会出具的困难证明。',
      en: 'Such as a termination letter, an unemployment registration, a diagnosis and medical bills, or a hardship certificate from your residents’ or village committee.',
    },
    sources: NEGOTIATION_DOCUMENTS,
  },
  {
    id: 'bank_statements',
    text: {
      'zh-CN': '最近3–6个月的银行流水',
      en: 'Bank statements for the last 3–6 months',
    },
    hint: {
      'zh-CN': '说明你现在的收支，方案每月的金额从何而来。',
      en: 'They show what comes in and goes out, and where the monthly amount will come from.',
    },
    sources: NEGOTIATION_DOCUMENTS,
  },
]

/** The engine's figures the letter states, all on `asOf`. */
export interface LetterFigures {
  asOf: CivilDate
  principalFen: Fen
  disbursedOn: CivilDate
  overdueFen: Fen
  payoffFen: Fen
  daysOverdue: number
}

/** A loan's figures for the letter, from its terms and the engine's ledger (`computeLedger`). */
export function letterFigures(
  terms: Pick<LoanTerms, 'principalFen' | 'disbursedOn'>,
  ledger: Ledger,
) {
  return {
    asOf: ledger.asOf,
    principalFen: terms.principalFen,
    disbursedOn: terms.disbursedOn,
    overdueFen: ledger.overdueFen,
    payoffFen: ledger.payoffFen,
    daysOverdue: ledger.daysOverdue,
  } satisfies LetterFigures
}

/**
 * The plan the user proposes: `months` monthly installments from `firstDueOn`, each of
 * `monthlyFen` except the first, which is `firstFen` when given (the even split puts the odd fen
 * there).
 */
export interface LetterPlan {
  months: number
  firstDueOn: CivilDate
  monthlyFen: Fen
  firstFen?: Fen
}

/**
 * The default plan: today's payoff split evenly over `months` (as `sketchPlan` splits it, with no
 * fee), the leftover fen in the first installment.
 */
export function evenPlan(payoffFen: Fen, months: number, firstDueOn: CivilDate): LetterPlan {
  const { installments } = sketchPlan(payoffFen, months, firstDueOn, '0')
  const first = installments[0]?.principalFen ?? 0
  const monthly = installments[1]?.principalFen ?? first
  return first === monthly
    ? { months, firstDueOn, monthlyFen: monthly }
    : { months, firstDueOn, monthlyFen: monthly, firstFen: first }
}

/** What the plan pays in all, and its last due date. */
export function planTotals(plan: LetterPlan): { totalFen: Fen; lastDueOn: CivilDate } {
  const first = plan.firstFen ?? plan.monthlyFen
  return {
    totalFen: first + plan.monthlyFen * (plan.months - 1),
    lastDueOn: addMonths(plan.firstDueOn, plan.months - 1),
  }
}

export interface LetterInput {
  loanName: string
  /** The lender as the user wrote it; empty: the letter names the kind of lender. */
  lender: string
  lenderKind: LenderKind
  /** The applicant; empty leaves a line to fill in by hand. */
  borrowerName: string
  figures: LetterFigures
  /** Why the loan fell behind, in the user's words; empty leaves a prompt to replace. */
  hardship: string
  plan: LetterPlan
  /** The documents listed as attachments (all of them unless given). */
  attachments?: readonly DocumentId[]
  /** The date the letter is signed; the figures' date unless given. */
  date?: CivilDate
}

export interface Letter {
  title: string
  body: string
}

/** The blank the applicant fills in by hand (ID number, phone, signature). */
export const BLANK = '________________'

const TITLE: LocalizedText = {
  'zh-CN': '协商还款申请书',
  en: 'Application for a Negotiated Repayment Plan',
}

/** How the letter addresses the lender when the user has not named it. */
const LENDER_BY_KIND: Record<LenderKind, LocalizedText> = {
  webank: { 'zh-CN': '微众银行', en: 'WeBank' },
  credit_card: { 'zh-CN': '信用卡发卡银行', en: 'the card issuer' },
  bank: { 'zh-CN': '贷款银行', en: 'the lending bank' },
  consumer_finance: { 'zh-CN': '消费金融公司', en: 'the consumer finance company' },
  private: { 'zh-CN': '出借人', en: 'the lender' },
  other: { 'zh-CN': '放款机构', en: 'the lender' },
}

function formatDate(date: CivilDate, language: LetterLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  )
}

/** The letter as plain text, ready to edit: `title` and `body` (lines separated by "\n"). */
export function buildLetter(input: LetterInput, language: LetterLanguage): Letter {
  const money = (fen: Fen) => formatFen(fen, language)
  const date = (day: CivilDate) => formatDate(day, language)
  const lender =
    input.lender.trim() === '' ? LENDER_BY_KIND[input.lenderKind][language] : input.lender.trim()
  const name = input.borrowerName.trim() === '' ? BLANK : input.borrowerName.trim()
  const hardship = input.hardship.trim()
  const wanted = new Set(input.attachments ?? DOCUMENT_IDS)
  const attachments = LETTER_DOCUMENTS.filter((doc) => wanted.has(doc.id)).map(
    (doc) => doc.text[language],
  )
  const plan = input.plan
  const { totalFen, lastDueOn } = planTotals(plan)
  const parts: LetterParts = {
    lender,
    loanName: input.loanName.trim(),
    name,
    card: input.lenderKind === 'credit_card',
    figures: input.figures,
    hardship,
    plan,
    totalFen,
    lastDueOn,
    attachments,
    signedOn: input.date ?? input.figures.asOf,
    money,
    date,
  }
  const body = language === 'zh-CN' ? chineseBody(parts) : englishBody(parts)
  return { title: TITLE[language], body }
}

interface LetterParts {
  lender: string
  loanName: string
  name: string
  card: boolean
  figures: LetterFigures
  hardship: string
  plan: LetterPlan
  totalFen: Fen
  lastDueOn: CivilDate
  attachments: string[]
  signedOn: CivilDate
  money: (fen: Fen) => string
  date: (day: CivilDate) => string
}

/** A Chinese paragraph starts two characters in. */
const INDENT = '\u3000\u3000'

/** The user's text as they wrote it, each paragraph indented unless it already is. */
function indentParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' || /^\s/.test(line) ? line : INDENT + line))
    .join('\n')
}

function chineseBody(p: LetterParts): string {
  const f = p.figures
  const product = p.loanName === '' ? '' : `（${p.loanName}）`
  const borrowed = p.card
    ? `本人持有贵方发行的信用卡${product}，自${p.date(f.disbursedOn)}起透支消费${p.money(f.principalFen)}。`
    : `本人于${p.date(f.disbursedOn)}向贵方借款${product}，借款本金${p.money(f.principalFen)}。`
  const standing =
    f.daysOverdue > 0
      ? `截至${p.date(f.asOf)}，该笔欠款已逾期${f.daysOverdue}天，逾期未还金额为${p.money(f.overdueFen)}；如一次性结清，共需还款${p.money(f.payoffFen)}。`
      : `截至${p.date(f.asOf)}，该笔欠款尚未逾期，但本人预计无法按原约定按时还款；如一次性结清，共需还款${p.money(f.payoffFen)}。`
  const first = p.plan.firstFen ?? p.plan.monthlyFen
  const each =
    first === p.plan.monthlyFen
      ? `每期还款${p.money(p.plan.monthlyFen)}`
      : `首期还款${p.money(first)}，其后每期还款${p.money(p.plan.monthlyFen)}`
  const planLine =
    p.plan.months === 1
      ? `于${p.date(p.plan.firstDueOn)}一次性还款${p.money(p.totalFen)}。`
      : `自${p.date(p.plan.firstDueOn)}起，分${p.plan.months}期按月还款，${each}，至${p.date(p.lastDueOn)}还清，合计${p.money(p.totalFen)}。`
  const lines = [
    `致：${p.lender}`,
    '',
    `申请人：${p.name}`,
    `身份证号码：${BLANK}`,
    `联系电话：${BLANK}`,
    '',
    '一、借款情况',
    INDENT + borrowed + standing,
    '',
    '二、逾期原因',
    p.hardship === ''
      ? `${INDENT}（请在这里用自己的话写明逾期的原因，例如失业、生病或家庭变故，以及现在的收入情况。）`
      : indentParagraphs(p.hardship),
    '',
    '三、还款方案',
    `${INDENT}本人并非恶意拖欠，一直有还款意愿，但目前的收入不足以按原约定还款。根据本人的实际还款能力，恳请贵方同意以下方案：`,
    INDENT + planLine,
    '',
    '四、请求事项',
    '1. 同意上述分期还款方案；',
    '2. 在本人按方案还款期间，停止计收罚息、复利及其他逾期费用（停息挂账），并酌情减免已产生的罚息；',
    '3. 在本人按方案还款期间，暂停催收。',
    '',
    '五、还款承诺',
    `${INDENT}本人承诺严格按照上述方案按时足额还款。如收入情况发生变化，本人将第一时间主动与贵方联系。恳请贵方考虑本人的实际困难，予以批准。`,
    '',
    ...(p.attachments.length === 0
      ? []
      : ['附件：', ...p.attachments.map((text, index) => `${index + 1}. ${text}`), '']),
    `${INDENT}此致`,
    '敬礼！',
    '',
    `申请人（签名）：${BLANK}`,
    `日期：${p.date(p.signedOn)}`,
  ]
  return lines.join('\n')
}

function englishBody(p: LetterParts): string {
  const f = p.figures
  const product = p.loanName === '' ? '' : ` (${p.loanName})`
  const borrowed = p.card
    ? `I hold a credit card issued by you${product}, on which I have spent ${p.money(f.principalFen)} since ${p.date(f.disbursedOn)}.`
    : `On ${p.date(f.disbursedOn)} I borrowed ${p.money(f.principalFen)} from you${product}.`
  const standing =
    f.daysOverdue > 0
      ? ` As of ${p.date(f.asOf)} the debt is ${f.daysOverdue} days overdue, with ${p.money(f.overdueFen)} overdue and unpaid; clearing it in full would take ${p.money(f.payoffFen)}.`
      : ` As of ${p.date(f.asOf)} the debt is not yet overdue, but I expect that I cannot keep to the agreed schedule; clearing it in full would take ${p.money(f.payoffFen)}.`
  const first = p.plan.firstFen ?? p.plan.monthlyFen
  const span = `from ${p.date(p.plan.firstDueOn)} to ${p.date(p.lastDueOn)}`
  const planLine =
    p.plan.months === 1
      ? `A single payment of ${p.money(p.totalFen)} on ${p.date(p.plan.firstDueOn)}.`
      : first === p.plan.monthlyFen
        ? `${p.plan.months} monthly installments of ${p.money(p.plan.monthlyFen)}, ${span}: ${p.money(p.totalFen)} in all.`
        : `${p.plan.months} monthly installments ${span}: the first of ${p.money(first)}, then ${p.money(p.plan.monthlyFen)} a month; ${p.money(p.totalFen)} in all.`
  const lines = [
    `To: ${p.lender}`,
    '',
    `Applicant: ${p.name}`,
    `ID card number: ${BLANK}`,
    `Phone: ${BLANK}`,
    '',
    '1. The loan',
    borrowed + standing,
    '',
    '2. Why I fell behind',
    p.hardship === ''
      ? '(Write here, in your own words, why the loan fell behind, such as losing your job, illness or a family crisis, and what you earn now.)'
      : p.hardship,
    '',
    '3. The plan I propose',
    'I am not refusing to pay: I want to repay, but my income is not enough to keep to the original schedule. Based on what I can actually pay, I ask you to agree to this plan:',
    planLine,
    '',
    '4. What I ask of you',
    '1. To agree to the installment plan above;',
    '2. While I keep to the plan, to stop charging penalty interest, compound interest and other late charges, and to consider waiving the penalty interest already charged;',
    '3. While I keep to the plan, to pause collection.',
    '',
    '5. My promise',
    'I promise to pay every installment of the plan in full and on time. If my income changes, I will contact you at once. I ask you to consider my circumstances and approve this request.',
    '',
    ...(p.attachments.length === 0
      ? []
      : ['Attachments:', ...p.attachments.map((text, index) => `${index + 1}. ${text}`), '']),
    'Yours faithfully,',
    '',
    `Applicant (signature): ${BLANK}`,
    `Date: ${p.date(p.signedOn)}`,
  ]
  return lines.join('\n')
}
