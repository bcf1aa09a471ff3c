/**
 * The citations RepayPath shows next to a rule, a default or a warning. Every entry comes from
 * the research file `shared/domain/china-overdue-rules.md` (compiled 2026-11, newest source
 * 2026-02): all of its sources are secondary web pages, since no regulator or court text was
 * available. The titles and notes are our own summaries, not quotations.
 *
 * Confidence, as the research file labels it:
 * - C2: two or more sources agree;
 * - S1: a single source;
 * - U: uncertain or conflicting. A default resting on a U source is a setting the user can
 *   change, never a fixed truth.
 *
 * `urls` are written as the research file records them, without a scheme. Where the file
 * records only a site and a description (a date, an article id), the entry keeps that
 * description after a space; `sourceHref` tells the two kinds apart.
 */

export type Confidence = 'C2' | 'S1' | 'U'

export interface LocalizedText {
  'zh-CN': string
  en: string
}

export interface Source {
  id: string
  title: LocalizedText
  /** The document cited: a statute and article, a regulator's file number, or a description. */
  reference: string
  confidence: Confidence
  /** Pages backing the fact, as recorded in the research file (see `sourceHref`). */
  urls: readonly string[]
  note?: LocalizedText
  /** The research file's keys for these pages (W8, K13, …), to trace a citation back. */
  keys?: readonly string[]
}

/** Site abbreviations used by the research file. */
const wf = (page: string) => `wodefinance.com/Creditcardoverdue/${page}.html`
const ln = (path: string) => `lnmlw.com/${path}.html`

export const SOURCES = {
  // ── Civil Code (民法典) ────────────────────────────────────────────────────────────────
  'civil-code-188': {
    id: 'civil-code-188',
    title: {
      'zh-CN': '诉讼时效为三年，最长不超过二十年',
      en: 'Three years to sue, twenty years at most',
    },
    reference: '民法典 第一百八十八条',
    confidence: 'C2',
    urls: ['wangshirfid.com/335.html', '110ask.com/zhishi/16648065839816808706.html'],
    keys: ['V1', 'V2'],
    note: {
      'zh-CN':
        '三年从债权人知道或应当知道权利受损及债务人之日起算；自权利受损之日起超过二十年的，不再保护。',
      en: 'The three years run from when the creditor knew, or should have known, of the harm and who owes; after twenty years from the harm, no claim is protected.',
    },
  },
  'civil-code-670': {
    id: 'civil-code-670',
    title: {
      'zh-CN': '利息不得预先从本金中扣除',
      en: 'Interest may not be deducted from the principal in advance',
    },
    reference: '民法典 第六百七十条',
    confidence: 'C2',
    urls: ['uianet.net/dictionary/b8608172.html', 'cooxue.com/sifa/211620.html'],
    keys: ['V4', 'V5'],
    note: {
      'zh-CN':
        '如果放款时先扣了利息（“砍头息”），本金按实际到手的金额计算。有网页把这一条误写成第六百八十条。',
      en: 'If interest was taken off at disbursement, the principal is only what you actually received. One page wrongly gives this as article 680.',
    },
  },
  'civil-code-675': {
    id: 'civil-code-675',
    title: {
      'zh-CN': '按约定的期限还款',
      en: 'Repay on the agreed term',
    },
    reference: '民法典 第六百七十五条',
    confidence: 'C2',
    urls: ['lawask.net/a1832916.html', 'cooxue.com/sifa/211620.html'],
    keys: ['V7', 'V5'],
    note: {
      'zh-CN':
        '没有约定期限或约定不明的，借款人可以随时还，出借人也可以催告在合理期限内还。本条不涉及逾期利息，逾期利息见第六百七十六条。',
      en: 'With no term, or an unclear one, the borrower may repay at any time and the lender may ask for repayment within a reasonable time. This article says nothing about overdue interest; that is article 676.',
    },
  },
  'civil-code-676': {
    id: 'civil-code-676',
    title: {
      'zh-CN': '逾期未还款，应支付逾期利息',
      en: 'Late repayment means overdue interest',
    },
    reference: '民法典 第六百七十六条',
    confidence: 'C2',
    urls: ['ldbj.com.cn (…_179.htm)', 'qhrxw.com/vod/168173-1-21.html'],
    keys: ['V10', 'V11'],
    note: {
      'zh-CN':
        '逾期利息按合同约定或国家有关规定计算。有文章说这是第六百七十五条，是错的：第六百七十五条讲还款期限，逾期利息在第六百七十六条。',
      en: 'Overdue interest follows the contract or the state rules. An article we started from cites article 675 for this; that is wrong: 675 is about the repayment term, overdue interest is article 676.',
    },
  },
  'civil-code-677': {
    id: 'civil-code-677',
    title: {
      'zh-CN': '提前还款，按实际借款期间计息',
      en: 'Repay early and pay interest only for the time you borrowed',
    },
    reference: '民法典 第六百七十七条',
    confidence: 'C2',
    urls: ['ldbj.com.cn (…_179.htm)', 'wwpfw.com/xinyongqiayuqi/75209.html'],
    keys: ['V10', 'V12'],
  },
  'civil-code-678': {
    id: 'civil-code-678',
    title: {
      'zh-CN': '到期前可以申请展期，须出借人同意',
      en: 'You may ask for an extension before maturity; the lender must agree',
    },
    reference: '民法典 第六百七十八条',
    confidence: 'C2',
    urls: ['ldbj.com.cn (…_179.htm)', 'wwpfw.com/xinyongqiayuqi/75209.html'],
    keys: ['V10', 'V12'],
  },
  'civil-code-680': {
    id: 'civil-code-680',
    title: {
      'zh-CN': '禁止高利放贷，利率不得违反国家规定',
      en: 'Usurious lending is banned; rates must follow state rules',
    },
    reference: '民法典 第六百八十条',
    confidence: 'C2',
    urls: ['qhrxw.com/vod/168173-1-21.html', 'wwpfw.com/xinyongqiayuqi/75209.html'],
    keys: ['V11', 'V12'],
    note: {
      'zh-CN': '没有约定利息的，不支付利息；自然人之间对利息约定不明的，也视为没有利息。',
      en: 'No agreed interest means no interest; between individuals, unclear interest terms also mean no interest.',
    },
  },

  // ── Credit cards (信用卡) ─────────────────────────────────────────────────────────────
  'pboc-2016-111': {
    id: 'pboc-2016-111',
    title: {
      'zh-CN': '人民银行信用卡新规（2017年1月1日起）',
      en: "The central bank's credit-card rules (from 2017-01-01)",
    },
    reference: '银发〔2016〕111号',
    confidence: 'C2',
    urls: ['buxiugangdiaosu.cc/?p=3039', 'wodefinance.com/TianTianFund/hgslixaclf.html'],
    keys: ['K1', 'K2'],
    note: {
      'zh-CN':
        '透支利率上限为每日万分之五，下限为其0.7倍；免息期和最低还款额由发卡行自定；取消滞纳金，改为按约定收取违约金；不收超限费；违约金和其他费用不计利息。利率上下限已于2021年1月1日取消。',
      en: 'Overdraft interest capped at 0.05% a day with a floor of 0.7× that; the issuer sets the interest-free period and the minimum payment; the late fee (滞纳金) was abolished and a contractual penalty (违约金) may be charged instead; no over-limit fee; no interest on the penalty or other fees. The rate cap and floor ended on 2021-01-01.',
    },
  },
  'card-rate-cap-removed-2021': {
    id: 'card-rate-cap-removed-2021',
    title: {
      'zh-CN': '信用卡透支利率上下限取消（2021年1月1日起）',
      en: 'Card interest caps and floors removed (from 2021-01-01)',
    },
    reference: '中国人民银行 信用卡透支利率市场化改革（2021-01-01 起施行）',
    confidence: 'C2',
    urls: ['en.people.cn/n3/2021/0111/c90000-9807874.html', 'chinabankingnews.com 2021-01-11'],
    keys: ['K5', 'K6'],
    note: {
      'zh-CN':
        '利率由发卡行与持卡人约定，但必须披露年化利率。每日万分之五仍很常见，请以你的账单为准。',
      en: 'The rate is now agreed between issuer and cardholder, and its annualized value must be disclosed. 0.05% a day is still common; check your statement.',
    },
  },
  'card-notice-2022': {
    id: 'card-notice-2022',
    title: {
      'zh-CN': '2022年信用卡业务通知：展示最高年化利率，分期不超过五年',
      en: 'The 2022 card notice: show the highest annualized rate; installments up to five years',
    },
    reference: '银保监会、中国人民银行 2022年信用卡业务规范通知',
    confidence: 'C2',
    urls: ['lwxsd.com (VID=25968)', 'm.09115.cn/jilin/guonei/69695.html'],
    keys: ['K8', 'K9'],
    note: {
      'zh-CN': '分期的费用要以利息的形式、用年化利率展示。',
      en: 'Installment charges must be shown as interest, with an annualized rate.',
    },
  },
  'card-minimum-payment': {
    id: 'card-minimum-payment',
    title: {
      'zh-CN': '最低还款额：约为消费的10%加全部分期、费用和利息',
      en: 'Minimum payment: about 10% of spending plus all installments, fees and interest',
    },
    reference: '发卡行领用合约（常见做法）',
    confidence: 'C2',
    urls: [wf('gtrnlwooog'), wf('gmuzisrzob')],
    keys: ['K10', 'K11'],
    note: {
      'zh-CN': '超限金额也要全额计入。各行规则不同，最低还款额的下限（如100元）未经核实。',
      en: 'Any over-limit amount counts in full too. Banks differ; a floor on the minimum (such as RMB 100) is not confirmed by any source.',
    },
  },
  'card-penalty-5pct': {
    id: 'card-penalty-5pct',
    title: {
      'zh-CN': '违约金：最低还款额未还部分的5%',
      en: 'Penalty fee: 5% of the unpaid part of the minimum payment',
    },
    reference: '发卡行领用合约（例：招商银行）',
    confidence: 'C2',
    urls: [wf('imvieizume'), wf('goycofwcrz')],
    keys: ['K13', 'K15'],
    note: {
      'zh-CN': '5%这一比例有两处来源一致；每次最低10元是招商银行的规定，其他银行可能不同。',
      en: 'Two sources agree on the 5%; the RMB 10 minimum per charge is China Merchants Bank’s rule and other banks may differ.',
    },
  },
  'card-interest-free-lost': {
    id: 'card-interest-free-lost',
    title: {
      'zh-CN': '未全额还款即失去免息期，从记账日起按日计息、按月复利',
      en: 'Pay less than in full and the interest-free period is lost: daily interest from posting, compounded monthly',
    },
    reference: '发卡行领用合约（常见做法）',
    confidence: 'C2',
    urls: [wf('imvieizume'), wf('digujgvkoz'), wf('goycofwcrz')],
    keys: ['K13', 'K12', 'K15'],
    note: {
      'zh-CN': '来源中的利率为每日万分之五。',
      en: 'The sources give 0.05% a day.',
    },
  },
  'card-full-balance-interest': {
    id: 'card-full-balance-interest',
    title: {
      'zh-CN': '全额计息还是只对未还部分计息，各行不同',
      en: 'Interest on the whole bill or only on the unpaid part: banks differ',
    },
    reference: '发卡行领用合约（各行不同）',
    confidence: 'U',
    urls: [wf('atjczewokb'), wf('byttligqmp')],
    keys: ['K16', 'K17'],
    note: {
      'zh-CN':
        '一个来源说“大多数银行”全额计息；另一个说工商银行率先只对未还部分计息。现在的做法不确定，请按你的合约设置。',
      en: 'One source says most banks charge interest on the whole bill; another says ICBC was first to charge only on the unpaid part. Current practice is unclear; set it from your card agreement.',
    },
  },
  'card-grace-3-days': {
    id: 'card-grace-3-days',
    title: {
      'zh-CN': '信用卡常见3天还款宽限期',
      en: 'Cards commonly allow 3 days of grace',
    },
    reference: '发卡行服务规定（常见做法）',
    confidence: 'S1',
    urls: [ln('Loanconsultation/hqwvnwagbn')],
    keys: ['K18'],
    note: {
      'zh-CN': '只有一个来源。宽限期内还清，一般不算逾期；请向你的银行核实。',
      en: 'A single source. Paying within the grace days usually does not count as late; check with your bank.',
    },
  },
  'card-personalized-installments': {
    id: 'card-personalized-installments',
    title: {
      'zh-CN': '信用卡个性化分期：最长5年',
      en: 'Personalized card repayment plans: up to 5 years',
    },
    reference: '商业银行信用卡业务监督管理办法 第七十条',
    confidence: 'C2',
    urls: [wf('pttwswumqw'), wf('hzbfmdcuwk'), wf('innxaaldeo')],
    keys: ['N1', 'N2', 'N3'],
    note: {
      'zh-CN':
        '条件：欠款超出还款能力，且本人有还款意愿。银行“可以”同意，不是必须。协议写明欠款金额、还款安排、是否收费计息、不再申请新卡的承诺和违约责任；按协议还款期间停止催收；口头协议要录音。',
      en: 'For cardholders who owe more than they can pay but want to repay. The bank may agree, it does not have to. The agreement states the balance, the schedule, whether fees or interest are charged, a promise not to apply for new cards, and liabilities; collection stops while you keep to it; oral agreements must be recorded.',
    },
  },

  // ── WeBank Weilidai (微众银行 微粒贷) ──────────────────────────────────────────────────
  'webank-rate': {
    id: 'webank-rate',
    title: {
      'zh-CN': '微粒贷日利率0.02%–0.05%，按剩余本金和实际天数计息',
      en: 'Weilidai: 0.02%–0.05% a day, on the remaining principal for the actual days',
    },
    reference: '微众银行 微粒贷 产品规则',
    confidence: 'C2',
    urls: [
      'en.4hw.com.cn/644/31473.html',
      '4idols.com/PublicInterestSMS/ixqzeqlewr.html',
      ln('Loanintermediary/pnjverjegd'),
      'en.4hw.com.cn/646/28376.html',
    ],
    keys: ['W1', 'W2', 'W4', 'W6'],
    note: {
      'zh-CN': '约合年化7.3%–18.25%，标准日利率为0.05%。提前还款不收费，只按实际天数计息。',
      en: 'About 7.3%–18.25% a year; the standard rate was 0.05% a day. Early repayment is free and interest covers only the actual days.',
    },
  },
  'webank-schedule': {
    id: 'webank-schedule',
    title: {
      'zh-CN': '微粒贷期限5、10或20个月，来源描述为等额本金',
      en: 'Weilidai terms: 5, 10 or 20 months, described as equal principal',
    },
    reference: '微众银行 微粒贷 产品规则',
    confidence: 'C2',
    urls: [
      'en.4hw.com.cn/644/31473.html',
      'en.4hw.com.cn/646/28376.html',
      ln('Loanintermediary/pnjverjegd'),
      'jingyanzongjie.com/a/09/0911112VT2024.html',
      'en.doing.city/2406/bdac934118278fd1.html',
    ],
    keys: ['W1', 'W6', 'W4', 'W5', 'W7'],
    note: {
      'zh-CN':
        '例如借10,000元分5期，第一期后剩余本金8,000元。没有来源说是等额本息；如你的账单不同，请修改。',
      en: 'For example 10,000 over 5 periods leaves 8,000 after the first. No source says equal installments; change it if your app shows otherwise.',
    },
  },
  'webank-penalty': {
    id: 'webank-penalty',
    title: {
      'zh-CN': '微粒贷罚息：逾期本金按日利率的50%加收，合计1.5倍',
      en: 'Weilidai penalty: 50% of the daily rate on overdue principal, on top of interest (1.5× in all)',
    },
    reference: '微众银行 微粒贷 逾期规则',
    confidence: 'C2',
    urls: [ln('Loanconsultation/bgevyxqvnp'), ln('Bankloan/sqfytbxuez'), 'dai.info/en/3895.html'],
    keys: ['W8', 'W9', 'W11'],
    note: {
      'zh-CN':
        '例：逾期本金1,000元、日利率0.05%，每天罚息0.25元，另加正常利息0.50元；5,000元则每天1.25 + 2.50 = 3.75元。未还利息是否计复利不确定。',
      en: 'Example: 1,000 overdue at 0.05% a day costs 0.25 a day in penalty plus 0.50 of normal interest; 5,000 costs 1.25 + 2.50 = 3.75 a day. Whether unpaid interest compounds is unknown.',
    },
  },
  'webank-grace': {
    id: 'webank-grace',
    title: {
      'zh-CN': '微粒贷宽限期1天：到期次日24点前还清不算逾期',
      en: 'Weilidai grace: 1 day, until midnight of the day after the due date',
    },
    reference: '微众银行 微粒贷 逾期规则',
    confidence: 'C2',
    urls: [
      'sanyangbzj.com/83787.html',
      'm.gucheng.com/money/202210/4300371.shtml',
      ln('Loanintermediary/jfcwokzutp'),
    ],
    keys: ['W12', 'W13', 'W15'],
    note: {
      'zh-CN':
        '三个来源说1天，宽限期内还清不收罚息、不上征信，过了宽限期才报送征信。但有一个来源说没有宽限期（wwwbz417.com/baike/110183.html），另一个说1–3天（m.gucheng.com/consumer/202108/4086984.shtml）。最稳妥是在到期日当天还。',
      en: 'Three sources say 1 day: paying within it means no penalty and no credit report; the report comes after it. One source says there is no grace (wwwbz417.com/baike/110183.html) and another says 1–3 days (m.gucheng.com/consumer/202108/4086984.shtml). Paying on the due date itself is safest.',
    },
  },
  'webank-negotiation': {
    id: 'webank-negotiation',
    title: {
      'zh-CN': '微粒贷据称不做协商还款、不减免罚息',
      en: 'Weilidai reportedly does not negotiate plans or waive penalties',
    },
    reference: '微众银行 微粒贷（用户经验）',
    confidence: 'C2',
    urls: ['m.gucheng.com/money/202210/4300371.shtml', 'wwwbz417.com/baike/110183.html'],
    keys: ['W13', 'W16'],
    note: {
      'zh-CN': '两处来源都较弱，仍可通过官方渠道询问。',
      en: 'Both sources are weak; asking through the official channel still costs nothing.',
    },
  },

  // ── Bank loans and consumer finance (银行贷款、消费金融) ──────────────────────────────────
  'pboc-2003-251': {
    id: 'pboc-2003-251',
    title: {
      'zh-CN': '逾期罚息利率为合同利率加收30%–50%，未付利息按罚息利率计复利',
      en: 'Penalty rate = contract rate +30% to 50%; unpaid interest compounds at the penalty rate',
    },
    reference: '银发〔2003〕251号',
    confidence: 'C2',
    urls: [
      'lwstw.com/jijintouzi/fmwkxzw8tm.html',
      'shdqb.com/jingyan/v6dp4e.html',
      ln('Bankloan/vsoobbydkt'),
    ],
    keys: ['C3', 'C4', 'C5'],
    note: {
      'zh-CN': '挪用贷款的加收50%–100%。罚息从逾期之日起计收，直到还清。',
      en: 'Misused loans: +50% to 100%. Penalty interest runs from the day the loan is overdue until it is paid.',
    },
  },
  'consumer-finance-1.5x': {
    id: 'consumer-finance-1.5x',
    title: {
      'zh-CN': '消费金融常见罚息：逾期金额 × 日利率 × 1.5 × 逾期天数',
      en: 'Common consumer-finance penalty: overdue amount × daily rate × 1.5 × days',
    },
    reference: '贷款合同（行业常见做法）',
    confidence: 'S1',
    urls: [
      'plnmw.com/InformationTechnologyConsulting/tophzkflse.html',
      'topic.alibabacloud.com (millet loan)',
    ],
    keys: ['C1', 'C2x'],
    note: {
      'zh-CN':
        '网商银行和小米贷款各有一个来源（如日利率0.05%逾期后为0.075%）。没有找到招联金融的具体公式；“逾期金额”是否含利息也不清楚。',
      en: 'One source each for MYbank and Xiaomi (0.05% a day becomes 0.075%). No formula specific to Zhaolian was found, and whether the "overdue amount" includes interest is unclear.',
    },
  },
  'rural-credit-coop': {
    id: 'rural-credit-coop',
    title: {
      'zh-CN': '农信社贷款：罚息计复利，可起诉，可展期一次',
      en: 'Rural credit cooperatives: penalties compound, they can sue, one extension allowed',
    },
    reference: '农村信用社贷款规定（常见做法）',
    confidence: 'S1',
    urls: [ln('Loanintermediary/kzqgwgcnsv'), ln('Loanconsultation/gyjbxyurhb')],
    keys: ['C8', 'C9'],
  },

  // ── Legal caps (利率上限) ─────────────────────────────────────────────────────────────
  'private-lending-4x-lpr': {
    id: 'private-lending-4x-lpr',
    title: {
      'zh-CN': '民间借贷利率上限：合同成立时一年期LPR的4倍',
      en: 'Private lending cap: 4× the one-year LPR when the contract was made',
    },
    reference: '最高人民法院《关于审理民间借贷案件适用法律若干问题的规定》（2020年8月20日修正）',
    confidence: 'C2',
    urls: [
      'tellerreport.com 2020-08-20',
      ln('Loanintermediary/pybxyxqzlw'),
      'lawask.net/a1832916.html',
    ],
    keys: ['L1', 'L2', 'L4'],
    note: {
      'zh-CN':
        '取代了原来的“两线三区”。银行、消费金融公司和七类地方金融组织不适用这一上限。按2025年5月20日起的LPR 3.0%计算，上限为12%。',
      en: 'It replaced the old "two lines, three zones". Banks, consumer finance companies and seven kinds of locally regulated lenders are outside it. With the 3.0% LPR in force since 2025-05-20 the cap is 12%.',
    },
  },
  'private-lending-two-lines': {
    id: 'private-lending-two-lines',
    title: {
      'zh-CN': '2020年前的“两线三区”：24%以内受保护，超过36%无效',
      en: 'Before 2020, "two lines, three zones": up to 24% enforced, above 36% void',
    },
    reference: '最高人民法院 民间借贷司法解释（2020年8月20日修正前）',
    confidence: 'C2',
    urls: [
      'tellerreport.com 2020-08-20',
      ln('Loanintermediary/pybxyxqzlw'),
      'lawask.net/a1832916.html',
    ],
    keys: ['L1', 'L2', 'L4'],
    note: {
      'zh-CN': '24%–36%之间的利息，法院不支持强制执行。',
      en: 'Interest between 24% and 36% could not be enforced in court.',
    },
  },
  'spc-2020-27-financial-lenders': {
    id: 'spc-2020-27-financial-lenders',
    title: {
      'zh-CN': '七类地方金融组织属于金融机构，不受4倍LPR限制',
      en: 'Seven kinds of local lenders count as financial institutions, outside the 4×LPR cap',
    },
    reference: '法释〔2020〕27号',
    confidence: 'C2',
    urls: ['jingsw.com/mobile/news/show-25875.html', 'szginin.com/26052.html'],
    keys: ['L5', 'L6'],
    note: {
      'zh-CN':
        '自2021年1月1日起：小额贷款公司、融资担保公司、典当行、融资租赁公司、商业保理公司、区域性股权市场、地方资产管理公司。银行和消费金融公司同样不适用（这是推断）。',
      en: 'From 2021-01-01: micro-lenders, guarantors, pawnshops, leasing, factoring, regional equity markets and local asset managers. Banks and consumer finance companies are outside it too (an inference).',
    },
  },
  'financial-24pct-line': {
    id: 'financial-24pct-line',
    title: {
      'zh-CN': '金融借款：法院常以年化24%为综合成本上限',
      en: 'Financial loans: courts often use 24% a year as the all-in limit',
    },
    reference: '法院裁判做法（法发〔2017〕22号原文未找到）',
    confidence: 'U',
    urls: ['reportify.ai/news/1170667246935216128'],
    keys: ['L7'],
    note: {
      'zh-CN':
        '24%包括利息、复利、罚息、违约金和其他费用。一般引用的是最高法2017年的意见（法发〔2017〕22号），但原文没有找到；法院对网贷适用24%只有一个来源。',
      en: 'The 24% covers interest, compound interest, penalty interest, penalty fees and other charges. It is usually traced to a 2017 Supreme Court opinion (法发〔2017〕22号) whose text was not found; one source reports courts applying it to platform loans.',
    },
  },
  'loan-facilitation-2025': {
    id: 'loan-facilitation-2025',
    title: {
      'zh-CN': '助贷新规（2025年10月1日起）：市场以24%为红线',
      en: 'Loan-facilitation rules (from 2025-10-01): the market treats 24% as the red line',
    },
    reference: '国家金融监督管理总局 助贷业务通知（2025-10-01 起施行）',
    confidence: 'C2',
    urls: ['reportify.ai/news/1170667246935216128', 'gmteight.com/latest/detail/335274'],
    keys: ['L7', 'L8'],
    note: {
      'zh-CN': '通知原文是否写明24%不确定。',
      en: 'Whether the notice itself states 24% is uncertain.',
    },
  },
  'microlender-cost-2025': {
    id: 'microlender-cost-2025',
    title: {
      'zh-CN': '小额贷款成本指引：新增贷款不超过24%，2027年底前降至4倍LPR以内',
      en: 'Micro-lender cost guideline: no new loans above 24%, within 4×LPR by end-2027',
    },
    reference: '小额贷款公司综合融资成本指引（2025年末）',
    confidence: 'S1',
    urls: ['reportify.ai/social-media/755811742790837'],
    keys: ['L9'],
  },
  'lpr-2025-05': {
    id: 'lpr-2025-05',
    title: {
      'zh-CN': 'LPR：一年期3.0%，五年期以上3.5%（2025年5月20日起）',
      en: 'LPR: one-year 3.0%, five-year 3.5% (from 2025-05-20)',
    },
    reference: '全国银行间同业拆借中心 贷款市场报价利率公告（2025-05-20）',
    confidence: 'C2',
    urls: [
      'spglobal.com 2025-05-20',
      'en.people.cn/n3/2026/0120/c90000-20416397.html',
      'en.people.cn/n3/2026/0224/c90000-20427679.html',
    ],
    keys: ['L11', 'L12', 'L13'],
    note: {
      'zh-CN': '由3.1%和3.6%下调；截至2026年2月24日未变。4倍即12%。',
      en: 'Cut from 3.1% and 3.6%; unchanged as of 2026-02-24. Four times the one-year rate is 12%.',
    },
  },

  // ── Credit reporting (征信) ───────────────────────────────────────────────────────────
  'credit-report-codes': {
    id: 'credit-report-codes',
    title: {
      'zh-CN': '征信还款记录代码：1–7表示逾期的月数段',
      en: 'Credit report repayment codes: 1–7 mark how long a payment is overdue',
    },
    reference: '中国人民银行征信中心 个人信用报告 还款记录',
    confidence: 'C2',
    urls: [wf('vnimdoewam'), ln('Loanintermediary/qgfkvixbay')],
    keys: ['R7', 'R9'],
    note: {
      'zh-CN':
        'N 正常；1 逾期1–30天；2 逾期31–60天；3 逾期61–90天；4 逾期91–120天；5 逾期121–150天；6 逾期151–180天；7 逾期180天以上；C 结清；D 担保人代还；Z 以资抵债；G 其他结束；# 未知。',
      en: 'N normal; 1 = 1–30 days overdue; 2 = 31–60; 3 = 61–90; 4 = 91–120; 5 = 121–150; 6 = 151–180; 7 = over 180; C settled; D paid by a guarantor; Z settled with assets; G ended otherwise; # unknown.',
    },
  },
  'overdue-buckets': {
    id: 'overdue-buckets',
    title: {
      'zh-CN': 'M1/M2/M3/M4+：约等于逾期1/2/3/4期以上',
      en: 'M1/M2/M3/M4+: roughly 1/2/3/4+ unpaid cycles',
    },
    reference: '行业用语（定义不统一）',
    confidence: 'C2',
    urls: [ln('Bankloan/tbsbitsgng'), 'wenda.cardbaobao.com/76616.html'],
    keys: ['R10', 'R11'],
    note: {
      'zh-CN': '每期约30天，各机构定义略有不同。',
      en: 'About 30 days each; lenders define them slightly differently.',
    },
  },
  'bad-debt': {
    id: 'bad-debt',
    title: {
      'zh-CN': '呆账：通常逾期180天以上且催收无果，核销后债务仍在',
      en: 'Bad debt (呆账): usually over 180 days and collection failed; a write-off does not end the debt',
    },
    reference: '中国人民银行征信中心 个人信用报告',
    confidence: 'C2',
    urls: [wf('xbeftoritb'), wf('fknszhsiwn')],
    keys: ['R12', 'R13'],
    note: {
      'zh-CN': '呆账状态一直保留到还清，还清后才开始5年的计算。',
      en: 'The status stays until the debt is repaid; only then do the five years start.',
    },
  },
  'credit-report-5-years': {
    id: 'credit-report-5-years',
    title: {
      'zh-CN': '不良信息自不良行为终止之日起保存5年',
      en: 'Negative records are kept for 5 years from the end of the bad behavior',
    },
    reference: '征信业管理条例 第十六条',
    confidence: 'C2',
    urls: [
      'womendesports.com (gdpfdvxzah)',
      wf('xrjhwswjik'),
      'global.chinadaily.com.cn 2013-01-31',
    ],
    keys: ['R1', 'R2', 'R4'],
    note: {
      'zh-CN': '期满删除；本人可以对记录附加说明。',
      en: 'Then they are deleted; you may add a statement of your own to the record.',
    },
  },
  'credit-report-clock': {
    id: 'credit-report-clock',
    title: {
      'zh-CN': '5年从还清之日算起，欠款不还记录一直保留',
      en: 'The five years start at payoff: an unpaid debt stays on the report',
    },
    reference: '征信业管理条例 第十六条（实务理解）',
    confidence: 'C2',
    urls: ['156727.com/TodayinHistory/nfqygnssca.html', ln('Bankloan/yvujgezudv')],
    keys: ['R5', 'R6'],
  },

  // ── Debt collection (催收) ────────────────────────────────────────────────────────────
  'collection-third-parties': {
    id: 'collection-third-parties',
    title: {
      'zh-CN': '不得向无关第三人催收或透露债务',
      en: 'No collecting from unrelated third parties, and no telling them about the debt',
    },
    reference: '催收行为规范（综合）',
    confidence: 'C2',
    urls: ['chinajusticeobserver.com', 'reportify.ai (催收规范 concept page)'],
    keys: ['D1', 'D2'],
  },
  'collection-standard-gbt-45251': {
    id: 'collection-standard-gbt-45251',
    title: {
      'zh-CN': '催收国家标准：晚10点至早8点不催收，每天接通不超过3次',
      en: 'National collection standard: no calls 22:00–08:00, at most 3 connected calls a day',
    },
    reference: 'GB/T 45251-2025（2025-02-28 起实施）',
    confidence: 'C2',
    urls: [
      'm.csai.cn/wenda/1022378.html',
      'bvvic.com/honghe/wenti/1543.html',
      'yicai.com/brief/102508808.html',
    ],
    keys: ['D3', 'D4', 'D5'],
    note: {
      'zh-CN':
        '另有约定的除外。3次是放贷机构和催收机构合计；只能向债务人本人催收，不能找通讯录联系人。',
      en: 'Unless agreed otherwise. The 3 calls count the lender and all agencies together; only the debtor may be contacted, not the people in their contact list.',
    },
  },
  'collection-nifa-2024': {
    id: 'collection-nifa-2024',
    title: {
      'zh-CN': '中国互联网金融协会催收指引（2024年5月）',
      en: 'Internet finance association collection guideline (2024-05)',
    },
    reference: '中国互联网金融协会 催收指引（2024-05）',
    confidence: 'C2',
    urls: ['laitimes.com/en/article/6s51b_78hbs.html', 'laitimes.com/en/article/6s2cp_78en6.html'],
    keys: ['D7', 'D8'],
    note: {
      'zh-CN': '内容与国家标准一致。',
      en: 'Same limits as the national standard.',
    },
  },
  'collection-cba-2026': {
    id: 'collection-cba-2026',
    title: {
      'zh-CN': '中国银行业协会催收指引（试行，2026年1月31日）',
      en: 'Banking association collection guideline (trial, 2026-01-31)',
    },
    reference: '中国银行业协会 催收工作指引（试行）',
    confidence: 'C2',
    urls: [
      'reportify.ai (催收规范 concept page)',
      'reportify.ai/social-media/768905622065079',
      'gmteight.com/flash/detail/1187415',
    ],
    keys: ['D2', 'D9', 'D10'],
    note: {
      'zh-CN':
        '未经同意晚10点至早8点不催收；未接通时每天最多拨打6次；通话录音；上门催收至少2人；不得冒充公职人员。',
      en: 'No collection 22:00–08:00 without consent; at most 6 call attempts a day when unanswered; calls are recorded; home visits need at least 2 collectors; no posing as officials.',
    },
  },
  'complaint-lines': {
    id: 'complaint-lines',
    title: {
      'zh-CN': '投诉渠道：先找放贷机构，再打12378或12363，遇威胁暴力打110',
      en: 'Complaints: the lender first, then 12378 or 12363; 110 for threats or violence',
    },
    reference: '12378（金融监管总局）/ 12363（中国人民银行）/ 110',
    confidence: 'C2',
    urls: [
      'szcga.com/zhengceinfo.asp?ID=1173',
      'dataiw.cn/changshi/358585.html',
      'yixingjingji.com/news/guonei/426807.html',
      'plnmw.com/InformationService/clgzqhqzvu.html',
    ],
    keys: ['D12', 'D13', 'D14', 'D16'],
    note: {
      'zh-CN':
        '12378：银行、消费金融、小额贷款和暴力催收，约15个工作日答复。12363：征信、支付和跨市场产品，工作日受理。',
      en: '12378 (NFRA): banks, consumer finance, micro-lenders and abusive collection; replies in about 15 working days. 12363 (PBoC): credit reports, payments and cross-market products; weekdays.',
    },
  },

  // ── Negotiation (协商还款) ───────────────────────────────────────────────────────────
  'negotiation-documents': {
    id: 'negotiation-documents',
    title: {
      'zh-CN': '协商还款需要准备的材料',
      en: 'Documents for negotiating a repayment plan',
    },
    reference: '银行协商还款实务',
    confidence: 'C2',
    urls: [
      'm.dfbk.net/changshi/Wwvk993LQe.html',
      ln('Loanintermediary/nkvnawlnqo'),
      wf('caroceomrr'),
    ],
    keys: ['N5', 'N6', 'N7'],
    note: {
      'zh-CN':
        '申请书、身份证、账单或催收通知、收入证明、工作状况、困难证明（失业、贫困、大病）、银行流水。',
      en: 'An application, ID, bills or collection notices, proof of income, job status, proof of hardship (unemployment, poverty, serious illness) and bank statements.',
    },
  },
  'negotiation-practice': {
    id: 'negotiation-practice',
    title: {
      'zh-CN': '协商常被先拒绝：坚持、投诉12378、准备花几个月',
      en: 'Banks often refuse at first: persist, complain to 12378, expect months',
    },
    reference: '银行协商还款实务',
    confidence: 'C2',
    urls: [wf('bilwhogwoz'), wf('zjpahnviqi'), wf('bmhznuceso')],
    keys: ['N8', 'N9', 'N10'],
    note: {
      'zh-CN': '有报道达成36–60期的方案。征信上的逾期记录仍会保留。',
      en: 'Plans of 36–60 installments are reported. The overdue history stays on the credit report.',
    },
  },

  // ── Self-help guides (自助步骤) ──────────────────────────────────────────────────────
  'guide-debt-map': {
    id: 'guide-debt-map',
    title: {
      'zh-CN': '列一张债务清单，标出年化超过24%的借款',
      en: 'Make a debt map and flag loans above 24% a year',
    },
    reference: '债务处理指南',
    confidence: 'S1',
    urls: ['jingdongkepu.com/post/14538.html'],
    keys: ['A1'],
    note: {
      'zh-CN': '逐笔写出机构、本金、利率和逾期天数。',
      en: 'List each lender, principal, rate and days overdue.',
    },
  },
  'guide-check-overdue': {
    id: 'guide-check-overdue',
    title: {
      'zh-CN': '先确认是否真的逾期；银行差错或被冒用可提出征信异议',
      en: 'Check you are really overdue; bank errors or identity theft can be disputed',
    },
    reference: '债务处理指南',
    confidence: 'S1',
    urls: [ln('Bankloan/uerrzluacf')],
    keys: ['A6'],
  },
  'guide-priority': {
    id: 'guide-priority',
    title: {
      'zh-CN': '先还上征信的借款；按利率，超过36%的先还，24%–36%的去协商',
      en: 'Repay loans that report to the credit bureau first; by rate, above 36% first, negotiate 24–36%',
    },
    reference: '债务处理指南',
    confidence: 'S1',
    urls: [ln('Loanconsultation/cmvnobyglq'), 'jingdongkepu.com/post/14538.html'],
    keys: ['A10', 'A1'],
    note: {
      'zh-CN': '两条建议各来自一个来源。',
      en: 'Each of the two suggestions comes from one source.',
    },
  },
  'guide-official-channel': {
    id: 'guide-official-channel',
    title: {
      'zh-CN': '通过机构的官方渠道协商，不找催收员；可申请停息或只还本金',
      en: "Negotiate through the lender's official channel, not the collector; ask to stop interest or repay principal only",
    },
    reference: '债务处理指南',
    confidence: 'C2',
    urls: [wf('ytoixxcwtu'), 'jingdongkepu.com/post/14538.html', '53761.com.cn/shenka-2/1229.html'],
    keys: ['A9', 'A1', 'A3'],
  },
  'guide-keep-records': {
    id: 'guide-keep-records',
    title: {
      'zh-CN': '保存所有材料和通话记录',
      en: 'Keep every document and call record',
    },
    reference: '债务处理指南',
    confidence: 'S1',
    urls: [ln('Loanconsultation/djydnttigc')],
    keys: ['A5'],
  },
  'guide-avoid-agents': {
    id: 'guide-avoid-agents',
    title: {
      'zh-CN': '远离“反催收”、代理维权和各种骗局',
      en: 'Avoid "anti-collection" and debt-help agents, and scams',
    },
    reference: '债务处理指南',
    confidence: 'C2',
    urls: ['jingdongkepu.com/post/14538.html', 'futurio.cn/7299.html'],
    keys: ['A1', 'A4'],
  },
  'guide-budget': {
    id: 'guide-budget',
    title: {
      'zh-CN': '压缩开支，增加副业收入',
      en: 'Cut costs and add side income',
    },
    reference: '债务处理指南',
    confidence: 'C2',
    urls: ['jingdongkepu.com/post/14538.html', 'xbcs.bhwang.cn/xincaishe/post/71044.html'],
    keys: ['A1', 'A2'],
  },
  'guide-rebuild': {
    id: 'guide-rebuild',
    title: {
      'zh-CN': '还清后继续正常用卡，积累新的良好记录',
      en: 'After paying off, keep using the card to build a new good record',
    },
    reference: '债务处理指南',
    confidence: 'S1',
    urls: ['m.how234.com/eamyszhsfcb.html'],
    keys: ['A8'],
  },

  // ── The seed article of the action plan ──────────────────────────────────────────────
  'seed-weilidai-two-months': {
    id: 'seed-weilidai-two-months',
    title: {
      'zh-CN': '《微粒贷逾期2月怎么办》及律师助理、法律顾问的评论（2025-04-17）',
      en: '"What to do when Weilidai is two months overdue", with comments by a paralegal and a legal adviser (2025-04-17)',
    },
    reference: '逾期动态 行业文章（2025-04-17）',
    confidence: 'S1',
    urls: [],
    note: {
      'zh-CN':
        '六个步骤：了解后果、联系平台协商、了解法律、尽快还逾期部分、带材料申请延期、寻求专业法律帮助；评论补充：不要借新还旧，可向亲友求助。文中引用的第675条应为第676条。',
      en: 'Six steps: understand the consequences, contact the lender, know the law, repay the overdue part first, apply for a deferral with documents, get qualified legal help; the comments add: no new loans to repay old ones, ask family for help. Its citation of art. 675 should be 676.',
    },
  },
  'consumer-protection-law': {
    id: 'consumer-protection-law',
    title: {
      'zh-CN': '消费者权益保护法：消费者享有知情权、选择权等权利',
      en: 'Consumer Rights Protection Law: the rights to information and to choose, among others',
    },
    reference: '消费者权益保护法 第八条（知情权）、第九条（自主选择权）',
    confidence: 'S1',
    urls: [],
    note: {
      'zh-CN': '种子文章引用；条文编号为通行版本，请以正式文本为准。',
      en: 'Cited by the seed article; the article numbers are those of the current text, check the official text.',
    },
  },
} as const satisfies Record<string, Source>

export type SourceId = keyof typeof SOURCES

export function isSourceId(id: string): id is SourceId {
  return Object.prototype.hasOwnProperty.call(SOURCES, id)
}

/**
 * A link for a recorded page, or null when the research file recorded only a site and a
 * description (the entry then contains a space and should be shown as text).
 */
export function sourceHref(url: string): string | null {
  if (/\s/.test(url)) return null
  return `https://${url}`
}
