import { parseDate, type CalendarDate } from '@internationalized/date'
import { useTranslation } from 'react-i18next'
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput as AriaDateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components'
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form'
import { isCivilDate, type CivilDate } from '@shared/dates'

/**
 * A civil date (YYYY-MM-DD) typed segment by segment in the reader's order (年/月/日 in zh-CN,
 * month/day/year in en) or picked from a calendar: React Aria's DatePicker, localised by the
 * I18nProvider around the app.
 */
interface DateInputProps {
  label: string
  value: CivilDate | null
  onChange: (value: CivilDate | null) => void
  /** For react-hook-form's touched state (validation on leaving the field). */
  onBlur?: () => void
  error?: string
  description?: string
  isRequired?: boolean
  name?: string
  testId?: string
}

export function DateInput({
  label,
  value,
  onChange,
  onBlur,
  error,
  description,
  isRequired = false,
  name,
  testId,
}: DateInputProps) {
  const { t } = useTranslation()
  const dateValue = value !== null && isCivilDate(value) ? parseDate(value) : null
  return (
    <DatePicker<CalendarDate>
      className="field date-field"
      value={dateValue}
      onChange={(date) => onChange(date === null ? null : (date.toString() as CivilDate))}
      onBlur={onBlur}
      isInvalid={error !== undefined}
      isRequired={isRequired}
      validationBehavior="aria"
      name={name}
      data-testid={testId}
    >
      <Label className="field-label">{label}</Label>
      <Group className="date-group">
        <AriaDateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </AriaDateInput>
        <Button className="date-button" aria-label={t('common.openCalendar')}>
          ▾
        </Button>
      </Group>
      {description !== undefined && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar-header">
              <Button slot="previous" className="button">
                ‹
              </Button>
              <Heading />
              <Button slot="next" className="button">
                ›
              </Button>
            </header>
            <CalendarGrid>
              {(date) => <CalendarCell date={date} className="calendar-cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  )
}

/** A DateInput bound to a react-hook-form field that holds a civil date (or nothing yet). */
export function FormDateInput<Values extends FieldValues, Output extends FieldValues = Values>({
  control,
  name,
  ...props
}: {
  control: Control<Values, unknown, Output>
  name: FieldPathByValue<Values, CivilDate | null>
} & Omit<DateInputProps, 'value' | 'onChange' | 'onBlur' | 'name'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          {...props}
          value={field.value as CivilDate | null}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  )
}
