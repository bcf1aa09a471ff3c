import { z } from 'zod'
import { addMonths, civilDateSchema, type CivilDate } from '@shared/dates'
import { fenToYuanString, type Fen } from '@shared/money'
import { evenPlan, type LetterLanguage, type LetterPlan } from '@shared/playbook/letter'
import { parsePositiveYuan } from '../../app/amount'

/** The letter dialog's fields as typed (text inputs hold text). */
export interface LetterFormValues {
  language: LetterLanguage
  borrowerName: string
  hardship: string
  months: string
  firstDueOn: CivilDate | null
  monthlyYuan: string
}

/** The fields once checked: what `buildLetter` is given. */
export interface LetterFormData {
  language: LetterLanguage
  borrowerName: string
  hardship: string
  months: number
  firstDueOn: CivilDate
  monthlyFen: Fen
}

export const MAX_MONTHS = 120
export const MAX_NAME = 50
export const MAX_HARDSHIP = 5_000
export const DEFAULT_MONTHS = 12

/** Each error's message is a key under `letter.errors`. */
export const letterFormSchema = z
  .custom<LetterFormValues>()
  .transform((values, ctx): LetterFormData => {
    const issue = (path: keyof LetterFormValues, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    const months = /^\s*\d{1,3}\s*$/.test(values.months) ? Number(values.months) : NaN
    if (!(months >= 1 && months <= MAX_MONTHS)) issue('months', 'months')
    const first = values.firstDueOn
    if (first === null || !civilDateSchema.safeParse(first).success) issue('firstDueOn', 'date')
    const monthly = parsePositiveYuan(values.monthlyYuan)
    if ('error' in monthly) issue('monthlyYuan', monthly.error)
    if (values.borrowerName.trim().length > MAX_NAME) issue('borrowerName', 'nameTooLong')
    if (values.hardship.length > MAX_HARDSHIP) issue('hardship', 'hardshipTooLong')
    if (ctx.issues.length > 0 || 'error' in monthly || first === null) return z.NEVER
    return {
      language: values.language,
      borrowerName: values.borrowerName,
      hardship: values.hardship,
      months,
      firstDueOn: first,
      monthlyFen: monthly.fen,
    }
  })

/** The plan the letter proposes: the even split (odd fen first) unless the user changed the amount. */
export function proposedPlan(payoffFen: Fen, data: LetterFormData): LetterPlan {
  const even = evenPlan(payoffFen, data.months, data.firstDueOn)
  return data.monthlyFen === even.monthlyFen
    ? even
    : { months: data.months, firstDueOn: data.firstDueOn, monthlyFen: data.monthlyFen }
}

/** The monthly amount the field starts with: today's payoff over `months`, in yuan. */
export function evenMonthlyYuan(payoffFen: Fen, months: number, firstDueOn: CivilDate): string {
  if (payoffFen <= 0 || months < 1) return ''
  return fenToYuanString(evenPlan(payoffFen, months, firstDueOn).monthlyFen)
}

export function defaultLetterValues(
  language: LetterLanguage,
  payoffFen: Fen,
  today: CivilDate,
): LetterFormValues {
  const firstDueOn = addMonths(today, 1)
  return {
    language,
    borrowerName: '',
    hardship: '',
    months: String(DEFAULT_MONTHS),
    firstDueOn,
    monthlyYuan: evenMonthlyYuan(payoffFen, DEFAULT_MONTHS, firstDueOn),
  }
}
