import type { Reminder } from '../api/reminder-schema'
import { formatCivilDate, type CivilDate } from '../dates'
import type { StageCode } from '../engine/stages'
import { formatFen, type Fen } from '../money'
import type { ReminderFollowUp } from './scheduler'

/**
 * Each reminder's title and body in zh-CN and en, with its amount and date written out as the
 * interface writes them (formatFen, formatCivilDate). A notification shows these as they are;
 * the page shows them in the interface language.
 */

type Texts = Reminder['texts']

const zhDate = (date: CivilDate) => formatCivilDate(date, 'zh-CN')
const enDate = (date: CivilDate) => formatCivilDate(date, 'en')
const zhFen = (fen: Fen) => formatFen(fen, 'zh-CN')
const enFen = (fen: Fen) => formatFen(fen, 'en')

export function dueSoonTexts(
  name: string,
  dueOn: CivilDate,
  amountFen: Fen,
  daysLeft: number,
): Texts {
  return {
    'zh-CN': {
      title: daysLeft === 1 ? `“${name}”明天到期` : `“${name}”${daysLeft}天后到期`,
      body: `${zhDate(dueOn)}应还 ${zhFen(amountFen)}。按时还上，就不会产生罚息，也不会留下征信逾期记录。`,
    },
    en: {
      title: daysLeft === 1 ? `${name}: due tomorrow` : `${name}: due in ${daysLeft} days`,
      body: `${enFen(amountFen)} is due on ${enDate(dueOn)}. Paying on time avoids penalty interest and a late mark on your credit report.`,
    },
  }
}

/** On the due date (`today`), or a due date that passed unpaid. */
export function dueTexts(name: string, dueOn: CivilDate, amountFen: Fen, today: boolean): Texts {
  if (today) {
    return {
      'zh-CN': {
        title: `“${name}”今天到期`,
        body: `今天（${zhDate(dueOn)}）应还 ${zhFen(amountFen)}。`,
      },
      en: {
        title: `${name}: due today`,
        body: `${enFen(amountFen)} is due today, ${enDate(dueOn)}.`,
      },
    }
  }
  return {
    'zh-CN': {
      title: `“${name}”${zhDate(dueOn)}的还款还没还清`,
      body: `这一期还欠 ${zhFen(amountFen)}。尽快还上可以少付罚息；还不上时，主动联系机构协商。`,
    },
    en: {
      title: `${name}: the payment due ${enDate(dueOn)} is unpaid`,
      body: `${enFen(amountFen)} of it is still owed. Paying soon limits the penalty; if you cannot, contact the lender to negotiate.`,
    },
  }
}

const STAGE_DAYS: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: '1–30',
  2: '31–60',
  3: '61–90',
  4: '91–120',
  5: '121–150',
  6: '151–180',
}

export function stageTexts(
  name: string,
  code: Exclude<StageCode, 'current'>,
  since: CivilDate,
): Texts {
  if (code === 'grace') {
    return {
      'zh-CN': {
        title: `“${name}”已过还款日，在宽限期内`,
        body: `自${zhDate(since)}起。在宽限期内还上，通常不算逾期，也不上报征信。`,
      },
      en: {
        title: `${name} is past due: grace period`,
        body: `Since ${enDate(since)}. Paid within the grace days, it usually does not count as late and is not reported.`,
      },
    }
  }
  const zhMeaning =
    code === 7
      ? '征信记为 7（逾期超过 180 天，可能被列为呆账）'
      : `征信记为 ${code}（逾期 ${STAGE_DAYS[code]} 天）`
  const enMeaning =
    code === 7
      ? 'credit report code 7 (over 180 days overdue; it may be written off as bad debt)'
      : `credit report code ${code} (${STAGE_DAYS[code]} days overdue)`
  return {
    'zh-CN': {
      title: `“${name}”进入逾期 M${code}`,
      body: `自${zhDate(since)}起：${zhMeaning}。打开这笔贷款，看看这意味着什么、现在该做什么。`,
    },
    en: {
      title: `${name} entered M${code}`,
      body: `Since ${enDate(since)}: ${enMeaning}. Open the loan to see what this means and what to do now.`,
    },
  }
}

const PARTY: Record<ReminderFollowUp['party'], { 'zh-CN': string; en: string }> = {
  lender: { 'zh-CN': '贷款机构', en: 'the lender' },
  collector: { 'zh-CN': '催收方', en: 'the collector' },
  third_party: { 'zh-CN': '第三方', en: 'the third party' },
  lawyer: { 'zh-CN': '律师或法院', en: 'the lawyer or court' },
  other: { 'zh-CN': '对方', en: 'the other side' },
}

/** At most `max` characters (not UTF-16 units), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

export function followUpTexts(item: ReminderFollowUp): Texts {
  const who = clip(item.who, 40)
  const promises = clip(item.promises, 80)
  return {
    'zh-CN': {
      title: `跟进“${item.loanName}”`,
      body:
        `${zhDate(item.followUpOn)}：跟进与${PARTY[item.party]['zh-CN']}${who === '' ? '' : `（${who}）`}的联系。` +
        (promises === '' ? '' : `承诺：${promises}`),
    },
    en: {
      title: `Follow up: ${item.loanName}`,
      body:
        `${enDate(item.followUpOn)}: follow up with ${PARTY[item.party].en}${who === '' ? '' : ` (${who})`}.` +
        (promises === '' ? '' : ` Promised: ${promises}`),
    },
  }
}
