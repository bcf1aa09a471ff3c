import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Backup times and file sizes in the interface language. */
export function useFileFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    const unit = (name: 'kilobyte' | 'megabyte' | 'gigabyte') =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: name,
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      })
    const kB = unit('kilobyte')
    const MB = unit('megabyte')
    const GB = unit('gigabyte')
    return {
      /** A backup's `createdAt`: local time, `YYYY-MM-DDTHH:mm:ss` without a zone. */
      dateTime: (localIso: string) => dateTime.format(new Date(localIso)),
      /** Decimal units, as file managers show them: 96.5 kB, 1.2 MB. */
      size: (bytes: number) =>
        bytes < 1_000_000
          ? kB.format(bytes / 1_000)
          : bytes < 1_000_000_000
            ? MB.format(bytes / 1_000_000)
            : GB.format(bytes / 1_000_000_000),
    }
  }, [locale])
}
