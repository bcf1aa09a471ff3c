import { useTranslation } from 'react-i18next'
import { PRESETS, type PresetId } from '@shared/engine/presets'
import { SOURCES } from '@shared/engine/sources'
import type { Language } from '@shared/api/contract'

/**
 * Where a preset's default for `path` comes from: the preset's note, the source's title and how
 * sure the research is (a "U" default is a guess to check against the contract).
 */
export function SourceNote({ presetId, path }: { presetId: PresetId; path: string }) {
  const { t, i18n } = useTranslation()
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') satisfies Language
  const fields = PRESETS[presetId].fields.filter((field) => field.path === path)
  if (fields.length === 0) return null
  return (
    <>
      {fields.map((field) => (
        <p key={field.sourceId} className="source-note">
          {field.note[language]}{' '}
          <span className={`confidence-${field.confidence}`}>
            ({t(`sources.confidence.${field.confidence}`)} ·{' '}
            {SOURCES[field.sourceId].title[language]})
          </span>
        </p>
      ))}
    </>
  )
}
