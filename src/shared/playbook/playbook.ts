import type { SourceId } from '../engine/sources'
import type { Language } from '../api/settings-schema'
import type { PlaybookKey } from './keys'
import { stageNumber, type LoanState } from './loan-state'

/**
 * The action plan as data. Its steps come from the seed article (understand the consequences,
 * contact the lender, know the law, repay the overdue part first, ask for a deferral with
 * documents, get qualified legal help; and from its comments: no new loans to repay old ones,
 * ask family) and from the research file (a list of all debts, check you are really overdue,
 * official channels and written agreements, records of every call, collection rules and where
 * to complain, card installment plans, how long a credit record stays, the limitation period).
 * The words are ours. Each item says when it applies (a trigger over the loan's state), how
 * urgent it is, and where its facts come from. Texts hold {{placeholders}} that the generator
 * fills with the loan's own figures.
 */

export interface ItemText {
  title: string
  why: string
  how: string
  /** What to have ready; may be empty. */
  prepare: string[]
}

export interface PlaybookItem {
  key: PlaybookKey
  /** Whether the item applies to a loan in this state. */
  applies: (state: LoanState) => boolean
  /** Higher comes first; ties keep the playbook's order. */
  urgency: (state: LoanState) => number
  sources: readonly SourceId[]
  text: Record<Language, ItemText>
}

const overdue = (state: LoanState) => state.closed === false && state.daysOverdue > 0
const late = (state: LoanState) => state.closed === false && stageNumber(state) >= 1
const collectionUnderway = (state: LoanState) =>
  late(state) && (stageNumber(state) >= 2 || state.collectionContact)

export const PLAYBOOK: readonly PlaybookItem[] = [
  {
    key: 'complain-about-collection',
    applies: (state) => state.violations.length > 0,
    urgency: () => 100,
    sources: ['collection-standard-gbt-45251', 'collection-third-parties', 'complaint-lines'],
    text: {
      'zh-CN': {
        title: '催收越界了：留证据并投诉',
        why: '你记录的联系中有 {{violationCount}} 次不合规（{{violations}}）。催收只能找你本人，晚10点到早8点不得催收，每天接通的电话合计不超过3次。',
        how: '先向放款机构的官方客服投诉，说明时间和经过；没有结果再打 12378（金融监管总局）或 12363（人民银行）。遇到威胁或暴力，直接报警（110）。',
        prepare: [
          '通话记录或录音的截图',
          '短信、微信消息的截图',
          '每次联系的时间、号码和内容（联系记录里已有）',
        ],
      },
      en: {
        title: 'Collection crossed the line: keep evidence and complain',
        why: '{{violationCount}} of the contacts you logged broke the rules ({{violations}}). Collectors may contact only you, not between 22:00 and 08:00, and at most 3 connected calls a day in all.',
        how: "Complain to the lender's official customer service first, with the times and what happened; if that does not help, call 12378 (NFRA) or 12363 (PBoC). For threats or violence, call the police (110).",
        prepare: [
          'Screenshots of the call log or recordings',
          'Screenshots of text and WeChat messages',
          'When, from which number and what was said each time (the contact log has it)',
        ],
      },
    },
  },
  {
    key: 'answer-lawsuit',
    applies: (state) => state.situation.lawsuitNoticeOn !== null && state.closed === false,
    urgency: () => 95,
    sources: ['civil-code-676', 'civil-code-188'],
    text: {
      'zh-CN': {
        title: '收到起诉通知：不要置之不理',
        why: '你在 {{lawsuitOn}} 收到了起诉相关的通知。不应诉不会让债务消失，法院可能直接判决，之后还可能被强制执行。',
        how: '先核实通知是否真的来自法院（通过法院官方电话或网站，不要用通知上留的号码）。按期应诉或参加调解，核对对方主张的本金、利息和罚息是否合法，必要时找律师或法律援助。',
        prepare: ['起诉状或传票', '借款合同和还款记录', '收入和困难证明'],
      },
      en: {
        title: 'A lawsuit notice arrived: do not ignore it',
        why: 'You received a notice about a lawsuit on {{lawsuitOn}}. Ignoring it does not make the debt go away: the court may decide without you, and enforcement can follow.',
        how: "First check that the notice really comes from a court (through the court's official phone number or website, not the number on the notice). Answer or take part in mediation on time, check that the principal, interest and penalty claimed are lawful, and get a lawyer or legal aid if needed.",
        prepare: [
          'The complaint or summons',
          'The loan contract and repayment records',
          'Proof of income and hardship',
        ],
      },
    },
  },
  {
    key: 'check-really-overdue',
    applies: (state) => overdue(state) && (state.inGrace || state.daysOverdue <= 7),
    urgency: (state) => (state.inGrace ? 90 : 60),
    sources: ['guide-check-overdue', 'webank-grace'],
    text: {
      'zh-CN': {
        title: '先确认是不是真的逾期了',
        why: '最早一期在 {{oldestDue}} 到期，合同的宽限期是 {{graceDays}} 天（到 {{graceEnds}}）。宽限期内还上通常不算逾期，也不会上报征信。',
        how: '在贷款App里看这一期的状态；如果是自动扣款失败、银行卡余额不足或银行出错，马上补还，并保留扣款失败的记录。如果这笔借款不是你借的，向机构和征信中心提出异议。',
        prepare: ['银行卡流水或扣款失败的短信'],
      },
      en: {
        title: 'First check that you really are overdue',
        why: 'The oldest installment fell due on {{oldestDue}}; the contract allows {{graceDays}} grace days (until {{graceEnds}}). Paid within them, it usually does not count as late and is not reported.',
        how: "Check the installment's status in the lender's app. If an automatic debit failed, the card was short, or the bank made an error, pay at once and keep the record of the failed debit. If you never took this loan, dispute it with the lender and the credit bureau.",
        prepare: ['Bank statement or the text about the failed debit'],
      },
    },
  },
  {
    key: 'pay-overdue-now',
    applies: (state) => overdue(state) && state.overdueFen > 0,
    urgency: () => 85,
    sources: ['civil-code-676', 'guide-priority', 'seed-weilidai-two-months'],
    text: {
      'zh-CN': {
        title: '先把逾期的 {{overdue}} 还上',
        why: '逾期部分现在是 {{overdue}}，每多等一天增加 {{daily}}。今天还上这 {{overdue}}，到 {{monthEnd}} 能少付 {{stops}} 的罚息、复利和违约金。',
        how: '优先把手头的钱用来还逾期部分，剩下的按原计划还。有多笔欠款时，先还会上征信的和成本最高的。还不上全部时，部分还款也能减少每天新增的费用。',
        prepare: [],
      },
      en: {
        title: 'Pay the overdue {{overdue}} first',
        why: 'The overdue part is {{overdue}} now and each day adds {{daily}}. Paying {{overdue}} today avoids {{stops}} of penalty interest, compound interest and fees by {{monthEnd}}.',
        how: 'Put the money you have towards the overdue part first, then keep to the schedule for the rest. With several debts, pay first what reports to the credit bureau and what costs most. If you cannot pay it all, a part payment still cuts what is added each day.',
        prepare: [],
      },
    },
  },
  {
    key: 'contact-lender',
    applies: late,
    urgency: () => 80,
    sources: [
      'seed-weilidai-two-months',
      'negotiation-practice',
      'civil-code-678',
      'webank-negotiation',
    ],
    text: {
      'zh-CN': {
        title: '主动联系机构，商量还款办法',
        why: '已经逾期 {{days}} 天（{{stage}}）。主动说明情况，比等催收找上门更容易谈到分期或延长期限。',
        how: '通过官方客服电话或App联系，如实说明逾期原因（失业、生病、家庭变故等）和你能还多少，提出具体方案：分几期、每期多少。态度诚恳，表明愿意还款。第一次被拒绝很常见，可以多次沟通。',
        prepare: ['身份证', '借款合同或App里的借款信息', '收入情况和能承受的月还款额'],
      },
      en: {
        title: 'Contact the lender and propose a way to repay',
        why: 'It is {{days}} days overdue ({{stage}}). Explaining your situation yourself makes installments or a longer term easier to get than waiting for collection.',
        how: "Use the lender's official hotline or app. Say honestly why you fell behind (job loss, illness, family trouble) and how much you can pay, and propose a concrete plan: how many installments, how much each. Be clear that you want to repay. A first refusal is common; keep at it.",
        prepare: [
          'ID card',
          'The loan contract or the loan details in the app',
          'Your income and the monthly amount you can manage',
        ],
      },
    },
  },
  {
    key: 'understand-consequences',
    applies: late,
    urgency: () => 75,
    sources: [
      'credit-report-codes',
      'credit-report-5-years',
      'credit-report-clock',
      'civil-code-676',
    ],
    text: {
      'zh-CN': {
        title: '弄清楚逾期的后果',
        why: '现在是 {{stage}}，征信上记为 {{code}}。至今已产生罚息、复利和违约金 {{lateCharged}}，今天结清需要 {{payoff}}。',
        how: '逾期要按合同付逾期利息（民法典第六百七十六条）。不良记录在欠款还清后再保留5年；一直不还，记录就一直在。拖得越久，申请房贷、车贷和信用卡越难，还可能被委外催收或起诉。',
        prepare: [],
      },
      en: {
        title: 'Understand what being overdue means',
        why: 'It is at stage {{stage}}, code {{code}} on the credit report. Penalty interest, compound interest and fees of {{lateCharged}} have been charged so far; clearing it today takes {{payoff}}.',
        how: 'Overdue interest is owed as the contract says (Civil Code art. 676). A negative record stays for 5 years after the debt is repaid; unpaid, it stays for good. The longer it runs, the harder mortgages, car loans and cards become, and outside collection or a lawsuit may follow.',
        prepare: [],
      },
    },
  },
  {
    key: 'card-installment-plan',
    applies: (state) =>
      state.lenderKind === 'credit_card' &&
      late(state) &&
      (stageNumber(state) >= 3 || state.situation.hardship !== null),
    urgency: () => 72,
    sources: ['card-personalized-installments', 'negotiation-documents', 'negotiation-practice'],
    text: {
      'zh-CN': {
        title: '向银行申请个性化分期',
        why: '信用卡欠款超出还款能力、但你有还款意愿时，银行可以和你签个性化分期还款协议，最长5年，协议履行期间停止催收。',
        how: '打银行客服电话，说明困难和还款意愿，申请个性化分期（也叫协商分期），问清楚是否收手续费或利息、每期多少。口头同意的要求书面确认。银行一开始常拒绝，可以坚持，也可以向 12378 反映。',
        prepare: [
          '身份证',
          '账单或催收通知',
          '收入证明',
          '失业、患病等困难证明',
          '近几个月的银行流水',
        ],
      },
      en: {
        title: 'Ask the bank for a personalized installment plan',
        why: 'When a card debt exceeds what you can repay but you are willing to repay, the bank may agree a personalized installment plan of up to 5 years; collection stops while you keep to it.',
        how: "Call the bank's customer service, explain the hardship and that you want to repay, and ask for a personalized installment plan; ask whether fees or interest are charged and how much each installment is. Get anything agreed by phone confirmed in writing. Banks often refuse at first: persist, and you may complain to 12378.",
        prepare: [
          'ID card',
          'Statements or collection notices',
          'Proof of income',
          'Proof of hardship (unemployment, illness)',
          'Bank statements of recent months',
        ],
      },
    },
  },
  {
    key: 'deferral-with-documents',
    applies: (state) =>
      state.lenderKind !== 'credit_card' &&
      late(state) &&
      (stageNumber(state) >= 2 || state.situation.hardship !== null),
    urgency: (state) => (state.situation.hardship !== null ? 78 : 65),
    sources: ['civil-code-678', 'negotiation-documents', 'seed-weilidai-two-months'],
    text: {
      'zh-CN': {
        title: '带齐材料，尽早申请延期或分期',
        why: '暂时困难时可以申请延期还款（展期）或重新分期，但机构要审核，材料越完整越容易通过；申请越早越好。',
        how: '写一份协商还款申请书（本页可以生成），附上材料，通过官方渠道提交，记下受理人和编号。达成的方案一定要有书面或App内的确认。',
        prepare: [
          '身份证',
          '借款合同',
          '还款记录',
          '收入证明',
          '资产证明',
          '困难证明（失业、患病、家庭变故）',
          '近3–6个月银行流水',
        ],
      },
      en: {
        title: 'Apply early for a deferral or new plan, with documents',
        why: 'In temporary hardship you can ask for a deferral (展期) or a new installment plan, but the lender reviews it: the fuller the documents, the better the chance. Apply as early as you can.',
        how: 'Write a negotiation letter (this page can draft it), attach the documents, submit it through the official channel and note who took it and the reference number. Get any agreed plan confirmed in writing or in the app.',
        prepare: [
          'ID card',
          'Loan contract',
          'Repayment records',
          'Proof of income',
          'Proof of assets',
          'Proof of hardship (job loss, illness, family trouble)',
          'Bank statements of the last 3–6 months',
        ],
      },
    },
  },
  {
    key: 'rate-above-legal-line',
    applies: (state) => state.capExceeded !== null && state.closed === false,
    urgency: () => 70,
    sources: ['private-lending-4x-lpr', 'financial-24pct-line', 'civil-code-680'],
    text: {
      'zh-CN': {
        title: '综合成本超过了法律红线',
        why: '按已发生的现金流算，这笔借款的年化综合成本约为 {{rate}}，高于 {{cap}} 这条线。超出部分法院通常不支持。',
        how: '核对合同利率、罚息、违约金和各种费用；协商时提出只还本金和合法范围内的利息；被起诉时可以主张调减。可向 12378 反映，或咨询律师。',
        prepare: ['借款合同', '全部还款记录', '各项收费的截图'],
      },
      en: {
        title: 'The all-in cost is above the legal line',
        why: 'From what has actually flowed, the effective annual cost is about {{rate}}, above the {{cap}} line. Courts usually do not enforce the part above it.',
        how: 'Check the contract rate, penalty, fees and other charges; when negotiating, offer the principal and lawful interest only; if sued, ask the court to reduce the claim. You can report it to 12378 or consult a lawyer.',
        prepare: ['Loan contract', 'Every repayment record', 'Screenshots of every charge'],
      },
    },
  },
  {
    key: 'collection-rules',
    applies: collectionUnderway,
    urgency: (state) => (state.collectionContact ? 68 : 55),
    sources: ['collection-standard-gbt-45251', 'collection-third-parties', 'collection-cba-2026'],
    text: {
      'zh-CN': {
        title: '了解催收的规矩',
        why: '催收有国家标准：只能找你本人，不得联系通讯录里的亲友；晚10点到早8点不催收；每天接通的电话合计不超过3次；不得冒充公检法。',
        how: '接电话时问清对方公司和工号，把每次联系记在联系记录里，越界的会自动标出来。不要被吓唬，也不要在电话里答应做不到的金额。',
        prepare: [],
      },
      en: {
        title: 'Know the rules collectors must follow',
        why: 'A national standard governs collection: only you may be contacted, not the people in your contacts; no collection between 22:00 and 08:00; at most 3 connected calls a day in all; no posing as police or court officials.',
        how: 'Ask for the company and staff number on each call and log every contact in the contact log, which flags the ones that cross the line. Do not be intimidated, and do not promise amounts you cannot pay.',
        prepare: [],
      },
    },
  },
  {
    key: 'official-channels',
    applies: collectionUnderway,
    urgency: () => 62,
    sources: ['guide-official-channel', 'card-personalized-installments'],
    text: {
      'zh-CN': {
        title: '只通过官方渠道协商，协议要书面',
        why: '催收人员答应的条件不一定算数。只有机构官方确认的方案才有效。',
        how: '通过官方客服或App协商，可以提出停息或只还本金；达成的方案要求书面、短信或App内确认，保存好。不要把钱转到个人账户。',
        prepare: [],
      },
      en: {
        title: 'Negotiate only through official channels, in writing',
        why: 'What a collector promises may not count; only a plan the lender confirms officially does.',
        how: "Negotiate through the lender's official service or app; you can ask to stop interest or to repay the principal only. Get any plan confirmed in writing, by text or in the app, and keep it. Never transfer money to a personal account.",
        prepare: [],
      },
    },
  },
  {
    key: 'keep-records',
    applies: collectionUnderway,
    urgency: () => 58,
    sources: ['guide-keep-records'],
    text: {
      'zh-CN': {
        title: '保存所有记录',
        why: '协商、投诉和应诉都要靠证据：谁在什么时候说了什么、答应了什么。',
        how: '每次通话后在联系记录里记下时间、对方、内容和承诺；保存短信、邮件、合同和还款凭证的截图。',
        prepare: [],
      },
      en: {
        title: 'Keep every record',
        why: 'Negotiating, complaining and answering a lawsuit all rest on evidence: who said what, when, and what was promised.',
        how: 'After each call, log the time, who, what was said and any promise in the contact log; keep screenshots of texts, emails, the contract and payment receipts.',
        prepare: [],
      },
    },
  },
  {
    key: 'get-legal-help',
    applies: (state) =>
      state.closed === false &&
      (stageNumber(state) >= 4 || state.situation.lawsuitNoticeOn !== null),
    urgency: (state) => (state.situation.lawsuitNoticeOn !== null ? 90 : 56),
    sources: ['seed-weilidai-two-months', 'guide-avoid-agents'],
    text: {
      'zh-CN': {
        title: '找有资质的法律帮助',
        why: '逾期已经 {{days}} 天，被起诉的可能在增加。律师能帮你核对债务是否合法、代表你协商或应诉。',
        how: '找有执业资格的律师或当地法律援助机构，先问清收费；不要找承诺"停息挂账""征信修复"的中介。',
        prepare: ['借款合同', '还款记录', '催收和协商的记录'],
      },
      en: {
        title: 'Get qualified legal help',
        why: 'It is {{days}} days overdue and a lawsuit is becoming more likely. A lawyer can check that the debt is lawful and negotiate or answer a suit for you.',
        how: 'Go to a licensed lawyer or the local legal aid office and ask about fees first; avoid agents who promise to "stop interest" or "repair your credit".',
        prepare: ['Loan contract', 'Repayment records', 'Records of collection and negotiation'],
      },
    },
  },
  {
    key: 'list-debts',
    applies: late,
    urgency: () => 52,
    sources: ['guide-debt-map', 'guide-priority'],
    text: {
      'zh-CN': {
        title: '列一张全部欠款的清单',
        why: '只有看清全部欠款，才知道钱先还哪笔、跟谁协商。',
        how: '把每笔借款都加进本应用：机构、本金、利率、逾期天数。年化超过24%的标出来。还款规划页能按你的月预算排出先后。',
        prepare: [],
      },
      en: {
        title: 'List every debt you have',
        why: 'Only with every debt in view can you decide what to pay first and whom to negotiate with.',
        how: 'Add each loan to this app: lender, principal, rate, days overdue. Mark those above 24% a year. The payoff planner orders them for your monthly budget.',
        prepare: [],
      },
    },
  },
  {
    key: 'know-your-rights',
    applies: late,
    urgency: () => 50,
    sources: ['civil-code-676', 'civil-code-677', 'civil-code-680', 'consumer-protection-law'],
    text: {
      'zh-CN': {
        title: '了解自己的权利',
        why: '你要按约付逾期利息，但也有权利：提前还款只付实际天数的利息，高利放贷被禁止，你有权知道所有收费并自主选择。',
        how: '向机构索要合同、还款计划和费用明细；对不合理的收费提出异议。本页下方列出了适用于这类借款的规定和出处。',
        prepare: [],
      },
      en: {
        title: 'Know your rights',
        why: 'You owe overdue interest as agreed, but you also have rights: early repayment costs interest only for the actual days, high-interest lending is banned, and you are entitled to know every charge and to choose.',
        how: 'Ask the lender for the contract, the schedule and a breakdown of charges; dispute charges that are not justified. The rules that apply to this kind of loan are listed on this page with their sources.',
        prepare: [],
      },
    },
  },
  {
    key: 'no-new-loans',
    applies: late,
    urgency: () => 45,
    sources: ['seed-weilidai-two-months'],
    text: {
      'zh-CN': {
        title: '不要借新还旧',
        why: '用新贷款还旧贷款只会让利息和欠款越滚越多，处境更难。',
        how: '把精力放在解决眼前这笔逾期上：协商、分期、压缩开支。',
        prepare: [],
      },
      en: {
        title: 'Do not borrow to repay',
        why: 'New loans to pay old ones only pile up more interest and debt, and make things harder.',
        how: 'Put your effort into the overdue loan in front of you: negotiate, spread it out, cut costs.',
        prepare: [],
      },
    },
  },
  {
    key: 'ask-family',
    applies: (state) => late(state) && state.overdueFen > 0,
    urgency: () => 44,
    sources: ['seed-weilidai-two-months', 'guide-budget'],
    text: {
      'zh-CN': {
        title: '考虑向家人朋友求助',
        why: '向亲友临时周转 {{overdue}} 不收罚息，比让逾期继续下去便宜得多。',
        how: '说清需要多少、什么时候还；同时压缩开支、增加收入，量力而行。',
        prepare: [],
      },
      en: {
        title: 'Consider asking family or friends',
        why: 'Borrowing {{overdue}} for a while from family or friends costs no penalty, far less than letting the overdue run on.',
        how: 'Say how much you need and when you will pay it back; meanwhile cut costs and add income where you can.',
        prepare: [],
      },
    },
  },
  {
    key: 'avoid-agents',
    applies: collectionUnderway,
    urgency: () => 42,
    sources: ['guide-avoid-agents'],
    text: {
      'zh-CN': {
        title: '远离"反催收"和收费的"债务处理"中介',
        why: '这类中介常常收了钱却办不成事，还可能骗取个人信息。',
        how: '自己通过官方渠道协商，需要帮助时找律师或法律援助。',
        prepare: [],
      },
      en: {
        title: 'Stay away from "anti-collection" and paid debt-relief agents',
        why: 'They often take the money and deliver nothing, and may misuse your personal data.',
        how: 'Negotiate yourself through official channels; for help, go to a lawyer or legal aid.',
        prepare: [],
      },
    },
  },
  {
    key: 'limitation-period',
    applies: (state) => state.closed === false && stageNumber(state) >= 7,
    urgency: () => 40,
    sources: ['civil-code-188', 'bad-debt', 'credit-report-clock'],
    text: {
      'zh-CN': {
        title: '长期逾期：了解诉讼时效和呆账',
        why: '逾期超过180天可能被列为呆账，但债务仍在，征信记录要等还清后再过5年才消除。',
        how: '诉讼时效一般是3年，从机构知道或应当知道权利受损时起算，催收、你承认欠款或部分还款都会使时效重新计算。不要指望拖过时效，尽量协商一个能承受的方案。',
        prepare: [],
      },
      en: {
        title: 'Long overdue: the limitation period and bad debt',
        why: 'After 180 days it may be written off as bad debt, but the debt remains, and the credit record is removed only 5 years after it is repaid.',
        how: 'The limitation period is generally 3 years from when the lender knew or should have known; collection, acknowledging the debt or a part payment restart it. Do not count on outlasting it; negotiate a plan you can keep.',
        prepare: [],
      },
    },
  },
]
