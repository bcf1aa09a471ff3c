import { useTranslation } from 'react-i18next'
import { SOURCES, type SourceId } from '@shared/engine/sources'

/** The sources a stated rule rests on: title and the document cited, in the interface language. */
export function SourceLine({ ids }: { ids: readonly SourceId[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <p className="source-note">
      {t('sources.label')}{' '}
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 && '；'}
          {SOURCES[id].title[language]} (<span lang="zh-CN">{SOURCES[id].reference}</span>)
        </span>
      ))}
    </p>
  )
}
