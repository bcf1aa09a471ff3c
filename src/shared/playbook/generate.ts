import type { Language } from '../api/settings-schema'
import { formatCivilDate } from '../dates'
import type { SourceId } from '../engine/sources'
import { formatFen } from '../money'
import type { ViolationKind } from './contact-rules'
import type { PlaybookKey } from './keys'
import { graceEndsOn, stageNumber, type LoanState } from './loan-state'
import { PLAYBOOK, type ItemText } from './playbook'

/**
 * A loan's action plan: the playbook items whose trigger holds for its state, most urgent
 * first, with their texts filled with the loan's own figures in both languages.
 */

export interface PlanItem {
  key: PlaybookKey
  urgency: number
  sources: readonly SourceId[]
  text: Record<Language, ItemText>
}

const LANGUAGES: readonly Language[] = ['zh-CN', 'en']

const CODE_RANGES = ['', '1–30', '31–60', '61–90', '91–120', '121–150', '151–180', '180+']

const VIOLATION_NAMES: Record<ViolationKind, Record<Language, string>> = {
  night: { 'zh-CN': '夜间催收', en: 'calls at night' },
  too_many_calls: { 'zh-CN': '一天内电话过多', en: 'too many calls in a day' },
  third_party: { 'zh-CN': '联系第三方', en: 'contacting third parties' },
}

function stageText(state: LoanState, language: Language): string {
  if (state.stage === 'grace') return language === 'en' ? 'grace period' : '宽限期'
  if (state.stage === 'current') return language === 'en' ? 'current' : '正常'
  return state.stageLabel
}

/** The values a loan gives the placeholders, formatted for `language`. */
export function itemParams(state: LoanState, language: Language): Record<string, string> {
  const money = (fen: number) => formatFen(fen, language)
  const date = (value: string | null) => (value === null ? '—' : formatCivilDate(value, language))
  const percent = (value: number) =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  const code = stageNumber(state)
  const kinds = [...new Set(state.violations.map((violation) => violation.kind))]
  return {
    overdue: money(state.overdueFen),
    daily: money(state.dailyFen),
    stops: money(state.stopsByMonthEndFen),
    payoff: money(state.payoffFen),
    lateCharged: money(state.lateChargedFen),
    monthEnd: date(state.monthEnd),
    oldestDue: date(state.oldestOverdueOn),
    graceEnds: date(graceEndsOn(state)),
    graceDays: String(state.graceDays),
    days: String(state.daysOverdue),
    stage: stageText(state, language),
    code:
      code === 0
        ? 'N'
        : language === 'en'
          ? `${code} (${CODE_RANGES[code]} days overdue)`
          : `“${code}”（逾期${CODE_RANGES[code]}天）`,
    rate: state.annualRate === null ? '—' : percent(state.annualRate),
    cap: state.capExceeded === null ? '—' : percent(Number(state.capExceeded.exactRate)),
    lawsuitOn: date(state.situation.lawsuitNoticeOn),
    violationCount: String(state.violations.length),
    violations: kinds
      .map((kind) => VIOLATION_NAMES[kind][language])
      .join(language === 'en' ? ', ' : '、'),
  }
}

/** Replaces each {{name}} with its value; an unknown name is a bug in the playbook. */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/{{(\w+)}}/g, (_match, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`The playbook uses an unknown placeholder {{${name}}}`)
    return value
  })
}

function fillText(text: ItemText, params: Readonly<Record<string, string>>): ItemText {
  return {
    title: fillTemplate(text.title, params),
    why: fillTemplate(text.why, params),
    how: fillTemplate(text.how, params),
    prepare: text.prepare.map((line) => fillTemplate(line, params)),
  }
}

export function generatePlan(state: LoanState): PlanItem[] {
  const params = Object.fromEntries(
    LANGUAGES.map((language) => [language, itemParams(state, language)]),
  ) as Record<Language, Record<string, string>>
  return PLAYBOOK.map((item, order) => ({ item, order }))
    .filter(({ item }) => item.applies(state))
    .map(({ item, order }) => ({ item, order, urgency: item.urgency(state) }))
    .sort((a, b) => b.urgency - a.urgency || a.order - b.order)
    .map(({ item, urgency }) => ({
      key: item.key,
      urgency,
      sources: item.sources,
      text: {
        'zh-CN': fillText(item.text['zh-CN'], params['zh-CN']),
        en: fillText(item.text.en, params.en),
      },
    }))
}
