import type { CivilDate } from '../dates'
import type { Confidence, LocalizedText, SourceId } from './sources'
import {
  loanTermsSchema,
  type AllocationTerms,
  type LateFeeTerms,
  type LenderKind,
  type LoanTerms,
  type Rate,
} from './terms'

/**
 * Starting terms for the common kinds of loan, each default tied to a source and labelled
 * with its confidence. They are starting points: the user corrects every field from their own
 * contract or app, and a field labelled U is a guess that should be checked.
 */

export const PRESET_IDS = [
  'webank',
  'credit_card',
  'bank_installment',
  'consumer_finance',
  'private_loan',
  'custom',
] as const
export type PresetId = (typeof PRESET_IDS)[number]

export interface PresetField {
  /** Dotted path into LoanTerms, e.g. 'penalty.rate.multiplier'. */
  path: string
  sourceId: SourceId
  confidence: Confidence
  note: LocalizedText
}

export interface Preset {
  id: PresetId
  name: LocalizedText
  description: LocalizedText
  lenderKind: LenderKind
  /** The defaults the UI shows with a citation; a path appears more than once when several sources bear on it. */
  fields: PresetField[]
}

export interface PresetBasics {
  principalFen: number
  /** Disbursement date; for a card, the posting date of the statement's spending. */
  disbursedOn: CivilDate
  /** Number of installments; ignored for credit cards. */
  periods?: number
  /** The contract rate, if known; otherwise the preset's default. Cards need a daily rate. */
  rate?: Rate
}

/** The terms Weilidai is described as offering (months); the preset defaults to 10. */
export const WEBANK_PERIODS = [5, 10, 20] as const

const DEFAULT_ALLOCATION: AllocationTerms = {
  order: ['fee', 'penalty', 'compound', 'interest', 'principal'],
  scope: 'installment_first',
}

const NO_LATE_FEE: LateFeeTerms = {
  kind: 'none',
  fixedFen: 0,
  percent: '0',
  frequency: 'once',
  minFen: 0,
  maxFen: null,
}

function field(
  path: string,
  sourceId: SourceId,
  confidence: Confidence,
  zh: string,
  en: string,
): PresetField {
  return { path, sourceId, confidence, note: { 'zh-CN': zh, en } }
}

/** Overdue interest in general: every preset cites Civil Code art. 676 (not 675). */
const OVERDUE_INTEREST = field(
  'penalty',
  'civil-code-676',
  'C2',
  '逾期后按合同约定或国家规定支付逾期利息。',
  'Once overdue, overdue interest is owed as the contract or the state rules set it.',
)

export const PRESETS: { readonly [id in PresetId]: Preset } = {
  webank: {
    id: 'webank',
    name: { 'zh-CN': '微众银行 微粒贷', en: 'WeBank Weilidai' },
    description: {
      'zh-CN': '按日计息，逾期本金加收50%罚息（合计1.5倍），宽限期1天。',
      en: 'Daily interest; overdue principal costs 50% more as penalty (1.5× in all); 1 day of grace.',
    },
    lenderKind: 'webank',
    fields: [
      field(
        'rate',
        'webank-rate',
        'C2',
        '日利率0.02%–0.05%，默认0.05%；请填写App中显示的利率。',
        '0.02%–0.05% a day, 0.05% by default; enter the rate your app shows.',
      ),
      field(
        'schedule.method',
        'webank-schedule',
        'C2',
        '来源描述为等额本金；如App显示不同，请修改。',
        'Sources describe equal principal; change it if your app differs.',
      ),
      field(
        'schedule.periods',
        'webank-schedule',
        'C2',
        '5、10或20期（月），默认10期。',
        '5, 10 or 20 monthly installments; 10 by default.',
      ),
      field(
        'graceDays',
        'webank-grace',
        'C2',
        '宽限期1天；也有来源说没有宽限期或1–3天，最好在到期日当天还。',
        '1 day of grace; other sources say none or 1–3 days, so pay on the due date if you can.',
      ),
      OVERDUE_INTEREST,
      field(
        'penalty.rate.multiplier',
        'webank-penalty',
        'C2',
        '罚息为日利率的50%，另加正常利息，合计1.5倍。',
        'The penalty is 50% of the daily rate, on top of normal interest: 1.5× in all.',
      ),
      field(
        'penalty.basis',
        'webank-penalty',
        'C2',
        '罚息按逾期本金计算。',
        'The penalty is charged on overdue principal.',
      ),
      field(
        'penalty.contractInterestContinues',
        'webank-penalty',
        'C2',
        '逾期本金照常计息，罚息另加。',
        'Overdue principal keeps earning normal interest; the penalty comes on top.',
      ),
      field(
        'compounding.enabled',
        'webank-penalty',
        'U',
        '未还利息是否计复利不确定，默认不计。',
        'Whether unpaid interest compounds is unknown; off by default.',
      ),
      field(
        'lateFee.kind',
        'webank-penalty',
        'U',
        '来源只提到罚息，没有提到另收违约金。',
        'The sources mention only penalty interest, no separate fee.',
      ),
    ],
  },

  credit_card: {
    id: 'credit_card',
    name: { 'zh-CN': '信用卡', en: 'Credit card' },
    description: {
      'zh-CN': '未全额还款按日计息；未还足最低还款额收5%违约金；常见3天宽限期。',
      en: 'Daily interest unless paid in full; a 5% fee on the unpaid part of the minimum payment; 3 days of grace is common.',
    },
    lenderKind: 'credit_card',
    fields: [
      field(
        'rate',
        'card-rate-cap-removed-2021',
        'C2',
        '每日万分之五曾是上限，现在仍常见；2021年起由银行定价，请以账单上的年化利率为准。',
        '0.05% a day was the cap and is still common; since 2021 banks set it, so check the annualized rate on your statement.',
      ),
      field(
        'graceDays',
        'card-grace-3-days',
        'S1',
        '常见3天宽限期，只有一个来源；请向银行核实。',
        '3 days of grace is common, from a single source; check with your bank.',
      ),
      OVERDUE_INTEREST,
      field(
        'penalty.rate.multiplier',
        'pboc-2016-111',
        'U',
        '来源把信用卡逾期成本描述为透支利息加违约金，没有另收罚息；如合约有罚息，请设置。',
        'Sources describe card costs as overdraft interest plus a penalty fee, with no separate penalty interest; set one if your agreement has it.',
      ),
      field(
        'penalty.contractInterestContinues',
        'card-interest-free-lost',
        'C2',
        '未全额还款即失去免息期，透支利息继续按日计算。',
        'Without full payment the interest-free period is lost and interest keeps running daily.',
      ),
      field(
        'compounding.enabled',
        'card-interest-free-lost',
        'C2',
        '信用卡按月复利，由信用卡模型按账单计算，这里不另计。',
        'Card interest compounds monthly; the card model handles it statement by statement, so it is off here.',
      ),
      field(
        'lateFee.kind',
        'pboc-2016-111',
        'C2',
        '2017年起取消滞纳金，改为违约金；违约金不计利息。',
        'Since 2017 the late fee is replaced by a penalty fee (违约金), which earns no interest.',
      ),
      field(
        'lateFee.percent',
        'card-penalty-5pct',
        'C2',
        '违约金为最低还款额未还部分的5%。',
        'The fee is 5% of the unpaid part of the minimum payment.',
      ),
      field(
        'lateFee.minFen',
        'card-penalty-5pct',
        'S1',
        '每次最低10元是招商银行的规定，其他银行可能不同。',
        "The RMB 10 minimum is China Merchants Bank's rule; other banks may differ.",
      ),
      field(
        'lateFee.frequency',
        'card-penalty-5pct',
        'U',
        '默认每个账单期未还足最低还款额都收一次；请按合约核对。',
        'By default charged again for each statement whose minimum stays unpaid; check your agreement.',
      ),
      field(
        'card.dueDaysAfterStatement',
        'pboc-2016-111',
        'U',
        '免息期由发卡行自定，默认账单日后20天到期；请填写账单上的到期还款日。',
        'The issuer sets the interest-free period; by default the bill falls due 20 days after the statement. Enter the due date on your statement.',
      ),
      field(
        'card.minimumPercent',
        'card-minimum-payment',
        'C2',
        '最低还款额约为消费的10%加全部利息和费用。',
        'The minimum is about 10% of spending plus all interest and fees.',
      ),
      field(
        'card.minimumFloorFen',
        'card-minimum-payment',
        'U',
        '最低还款额不低于100元是假设，未经来源核实。',
        'A floor of RMB 100 on the minimum is an assumption no source confirms.',
      ),
      field(
        'card.interestOn',
        'card-full-balance-interest',
        'U',
        '默认全额计息；部分银行只对未还部分计息，请按合约设置。',
        'Interest on the whole bill by default; some banks charge only on the unpaid part, so set it from your agreement.',
      ),
    ],
  },

  bank_installment: {
    id: 'bank_installment',
    name: { 'zh-CN': '银行分期贷款', en: 'Bank installment loan' },
    description: {
      'zh-CN': '逾期后罚息利率为合同利率加收50%，未付利息计复利。利率仅为示例。',
      en: 'Once overdue, the penalty rate is the contract rate +50%, and unpaid interest compounds. The rate is only an example.',
    },
    lenderKind: 'bank',
    fields: [
      field(
        'rate',
        'civil-code-680',
        'U',
        '年利率4.35%仅为示例，请填写合同利率。',
        'The 4.35% a year is only an example; enter your contract rate.',
      ),
      field(
        'schedule.method',
        'civil-code-675',
        'U',
        '示例为等额本息，请按合同的还款方式设置。',
        'Equal installments as an example; set the method in your contract.',
      ),
      field(
        'schedule.periods',
        'civil-code-675',
        'U',
        '示例为12期（月），请按合同设置。',
        '12 monthly installments as an example; set yours.',
      ),
      field(
        'graceDays',
        'pboc-2003-251',
        'U',
        '罚息从逾期之日起计收，默认没有宽限期；有的银行会给几天，请核实。',
        'Penalty interest runs from the day the loan is overdue, so no grace by default; some banks allow a few days, check yours.',
      ),
      OVERDUE_INTEREST,
      field(
        'penalty.rate.multiplier',
        'pboc-2003-251',
        'C2',
        '罚息利率为合同利率加收30%–50%，默认按上限50%。',
        'The penalty rate is the contract rate +30% to 50%; the upper end, +50%, by default.',
      ),
      field(
        'penalty.basis',
        'pboc-2003-251',
        'C2',
        '罚息按逾期本金计算，未付利息另计复利。',
        'The penalty is on overdue principal; unpaid interest compounds separately.',
      ),
      field(
        'penalty.contractInterestContinues',
        'pboc-2003-251',
        'C2',
        '逾期本金改按罚息利率计息，不再另计合同利息。',
        'Overdue principal earns the penalty rate instead of the contract rate.',
      ),
      field(
        'compounding.enabled',
        'pboc-2003-251',
        'C2',
        '未付利息按罚息利率计收复利。',
        'Unpaid interest compounds at the penalty rate.',
      ),
      field(
        'lateFee.kind',
        'pboc-2003-251',
        'U',
        '规定中没有另收费用；如合同有违约金，请设置。',
        'The rules describe no separate fee; set one if your contract has it.',
      ),
    ],
  },

  consumer_finance: {
    id: 'consumer_finance',
    name: { 'zh-CN': '消费金融贷款', en: 'Consumer finance loan' },
    description: {
      'zh-CN': '行业常见：罚息为日利率的1.5倍，按逾期金额计算。没有找到具体公司（如招联）的公式。',
      en: 'Industry pattern: penalty at 1.5× the daily rate on the overdue amount. No company-specific formula (e.g. Zhaolian) was found.',
    },
    lenderKind: 'consumer_finance',
    fields: [
      field(
        'rate',
        'consumer-finance-1.5x',
        'U',
        '日利率0.05%仅为示例，请填写合同利率。',
        '0.05% a day is only an example; enter your contract rate.',
      ),
      field(
        'schedule.method',
        'civil-code-675',
        'U',
        '示例为等额本息12期，请按合同设置。',
        'Equal installments over 12 months as an example; set yours.',
      ),
      field(
        'graceDays',
        'consumer-finance-1.5x',
        'U',
        '没有找到宽限期的说明，默认没有。',
        'No source describes a grace period; none by default.',
      ),
      OVERDUE_INTEREST,
      field(
        'penalty.rate.multiplier',
        'consumer-finance-1.5x',
        'S1',
        '罚息为日利率的1.5倍（例：0.05%变为0.075%）。',
        'The penalty rate is 1.5× the daily rate (e.g. 0.05% becomes 0.075%).',
      ),
      field(
        'penalty.basis',
        'consumer-finance-1.5x',
        'U',
        '来源说按“逾期金额”计算，默认包括逾期本金和利息。',
        'Sources say "overdue amount"; by default that includes overdue principal and interest.',
      ),
      field(
        'penalty.contractInterestContinues',
        'consumer-finance-1.5x',
        'S1',
        '1.5倍是逾期部分的全部利率，不再另计合同利息。',
        'The 1.5× is the whole rate on the overdue amount; no contract interest on top.',
      ),
      field(
        'compounding.enabled',
        'consumer-finance-1.5x',
        'U',
        '是否计复利不确定，默认不计。',
        'Whether interest compounds is unknown; off by default.',
      ),
      field(
        'lateFee.kind',
        'consumer-finance-1.5x',
        'U',
        '没有来源提到另收费用；如合同有，请设置。',
        'No source mentions a separate fee; set one if your contract has it.',
      ),
    ],
  },

  private_loan: {
    id: 'private_loan',
    name: { 'zh-CN': '民间借贷', en: 'Private loan' },
    description: {
      'zh-CN': '个人之间的借款：法院支持的利率不超过签约时一年期LPR的4倍。',
      en: 'A loan between individuals: courts enforce at most 4× the one-year LPR at signing.',
    },
    lenderKind: 'private',
    fields: [
      field(
        'rate',
        'private-lending-4x-lpr',
        'U',
        '默认年利率12%，即2025年5月20日起LPR（3.0%）的4倍、法院支持的上限；请填写约定的利率。',
        '12% a year by default: 4× the LPR of 3.0% in force since 2025-05-20, the most courts enforce. Enter your agreed rate.',
      ),
      field(
        'rate',
        'civil-code-680',
        'C2',
        '没有约定利息的不付利息；个人之间约定不明的，也视为没有利息。',
        'No agreed interest means none; between individuals, unclear terms also mean none.',
      ),
      field(
        'schedule.method',
        'civil-code-675',
        'U',
        '默认到期一次还本付息，12个月；请按借条设置。',
        'One repayment of principal and interest after 12 months by default; set it from your IOU.',
      ),
      field('graceDays', 'civil-code-676', 'U', '默认没有宽限期。', 'No grace by default.'),
      OVERDUE_INTEREST,
      field(
        'penalty.rate.multiplier',
        'civil-code-676',
        'U',
        '逾期利率按约定；默认逾期后继续按合同利率计算。',
        'The overdue rate is whatever was agreed; by default overdue principal keeps the contract rate.',
      ),
      field(
        'compounding.enabled',
        'civil-code-680',
        'U',
        '利息必须有约定才能收取，默认不计复利。',
        'Interest must be agreed to be owed; no compounding by default.',
      ),
      field(
        'lateFee.kind',
        'civil-code-676',
        'U',
        '默认没有费用；如借条约定了违约金，请设置。',
        'No fee by default; set one if the IOU agrees a penalty fee.',
      ),
    ],
  },

  custom: {
    id: 'custom',
    name: { 'zh-CN': '自定义', en: 'Custom' },
    description: {
      'zh-CN': '从一般银行贷款的条款开始，逐项填写你的合同条款。',
      en: "Start from a typical bank loan and enter your contract's terms one by one.",
    },
    lenderKind: 'other',
    fields: [
      field('rate', 'civil-code-680', 'U', '请填写合同利率。', "Enter your contract's rate."),
      field(
        'schedule.method',
        'civil-code-675',
        'U',
        '请填写合同的还款方式。',
        "Enter your contract's repayment method.",
      ),
      field(
        'schedule.periods',
        'civil-code-675',
        'U',
        '请填写合同的期数。',
        "Enter your contract's number of installments.",
      ),
      field(
        'graceDays',
        'civil-code-676',
        'U',
        '请填写合同的宽限期。',
        "Enter your contract's grace days.",
      ),
      field(
        'penalty',
        'civil-code-676',
        'U',
        '请按合同填写逾期利息的计算方式。',
        'Enter how your contract charges overdue interest.',
      ),
      field(
        'penalty.rate.multiplier',
        'pboc-2003-251',
        'U',
        '银行贷款常见为合同利率加收30%–50%；请填写合同的约定。',
        "Bank loans often add 30%–50% to the contract rate; enter your contract's terms.",
      ),
      field(
        'compounding.enabled',
        'pboc-2003-251',
        'U',
        '银行贷款的未付利息常计复利；请填写合同的约定。',
        "Bank loans often compound unpaid interest; enter your contract's terms.",
      ),
      field(
        'lateFee.kind',
        'civil-code-676',
        'U',
        '请填写合同约定的违约金或费用。',
        'Enter any penalty fee your contract sets.',
      ),
    ],
  },
}

/**
 * Complete terms for a preset, from the basics the user gave. Throws a ZodError when the result
 * is not valid terms (e.g. a non-positive principal, or an annual rate for a credit card).
 */
export function presetTerms(id: PresetId, basics: PresetBasics): LoanTerms {
  return loanTermsSchema.parse(draftTerms(id, basics))
}

function draftTerms(id: PresetId, basics: PresetBasics): LoanTerms {
  const common: Pick<
    LoanTerms,
    'principalFen' | 'disbursedOn' | 'dayCount' | 'rateChanges' | 'allocation' | 'card'
  > = {
    principalFen: basics.principalFen,
    disbursedOn: basics.disbursedOn,
    dayCount: 'ACT/365',
    rateChanges: [],
    allocation: { ...DEFAULT_ALLOCATION, order: [...DEFAULT_ALLOCATION.order] },
    card: null,
  }
  const monthly = (method: 'equal_installment' | 'equal_principal' | 'bullet', periods: number) =>
    ({ method, periods: basics.periods ?? periods, periodUnit: 'month', periodLength: 1 }) as const
  const daily = (value: string): Rate => basics.rate ?? { value, per: 'day' }
  const yearly = (value: string): Rate => basics.rate ?? { value, per: 'year' }

  switch (id) {
    case 'webank':
      return {
        ...common,
        kind: 'installment',
        rate: daily('0.0005'),
        schedule: monthly('equal_principal', 10),
        graceDays: 1,
        penalty: {
          rate: { mode: 'multiplier', multiplier: '0.5' },
          basis: 'overdue_principal',
          contractInterestContinues: true,
        },
        compounding: { enabled: false, rate: 'penalty' },
        lateFee: { ...NO_LATE_FEE },
      }
    case 'credit_card':
      return {
        ...common,
        kind: 'credit_card',
        rate: daily('0.0005'),
        // Unused by the card model, but the terms must validate.
        schedule: { method: 'bullet', periods: 1, periodUnit: 'month', periodLength: 1 },
        graceDays: 3,
        penalty: {
          rate: { mode: 'multiplier', multiplier: '0' },
          basis: 'overdue_principal',
          contractInterestContinues: true,
        },
        // Card interest compounds by monthly capitalization, which the card model does itself.
        compounding: { enabled: false, rate: 'contract' },
        lateFee: {
          kind: 'percent_of_unpaid_minimum',
          percent: '0.05',
          fixedFen: 0,
          frequency: 'each_period',
          minFen: 1000,
          maxFen: null,
        },
        card: {
          statementOn: basics.disbursedOn,
          dueDaysAfterStatement: 20,
          minimumPercent: '0.1',
          minimumFloorFen: 10000,
          interestOn: 'full_balance',
        },
      }
    case 'bank_installment':
    case 'custom':
      return {
        ...common,
        kind: 'installment',
        rate: yearly('0.0435'),
        schedule: monthly('equal_installment', 12),
        graceDays: 0,
        penalty: {
          rate: { mode: 'multiplier', multiplier: '1.5' },
          basis: 'overdue_principal',
          contractInterestContinues: false,
        },
        compounding: { enabled: true, rate: 'penalty' },
        lateFee: { ...NO_LATE_FEE },
      }
    case 'consumer_finance':
      return {
        ...common,
        kind: 'installment',
        rate: daily('0.0005'),
        schedule: monthly('equal_installment', 12),
        graceDays: 0,
        penalty: {
          rate: { mode: 'multiplier', multiplier: '1.5' },
          basis: 'overdue_principal_and_interest',
          contractInterestContinues: false,
        },
        compounding: { enabled: false, rate: 'penalty' },
        lateFee: { ...NO_LATE_FEE },
      }
    case 'private_loan':
      return {
        ...common,
        kind: 'installment',
        rate: yearly('0.12'),
        schedule: monthly('bullet', 12),
        graceDays: 0,
        penalty: {
          rate: { mode: 'multiplier', multiplier: '1' },
          basis: 'overdue_principal',
          contractInterestContinues: false,
        },
        compounding: { enabled: false, rate: 'contract' },
        lateFee: { ...NO_LATE_FEE },
      }
  }
}
