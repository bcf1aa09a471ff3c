import type { Locator } from 'playwright-core'
import type { CivilDate } from '@shared/dates'

/**
 * Types a civil date into a React Aria date field (its DatePicker or DateField), segment by
 * segment: the segments come in the reader's order (年/月/日, or month/day/year), so each is
 * found by its type rather than by position.
 */
export async function fillDate(field: Locator, date: CivilDate): Promise<void> {
  const [year, month, day] = date.split('-') as [string, string, string]
  for (const [type, value] of [
    ['year', year],
    ['month', month],
    ['day', day],
  ] as const) {
    await field.locator(`[data-type="${type}"]`).click()
    await field.page().keyboard.type(value)
  }
}
