import { useTranslation } from 'react-i18next'
import { SOURCES } from '@shared/engine/sources'
import type { LenderKind } from '@shared/engine/terms'
import { rightsFor } from '@shared/playbook/rights'
import { SourceLine } from '../../components/SourceLine'

/** "Know your rights": the rules for this kind of lender, each with the sources it rests on. */
export function RightsSection({ lenderKind }: { lenderKind: LenderKind }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const rights = rightsFor(lenderKind)
  return (
    <section aria-labelledby="rights-title" className="rights-section" data-testid="rights">
      <h2 id="rights-title">{t('rights.title')}</h2>
      <p className="muted rights-intro">
        {t('rights.intro', { kind: t(`lenderKind.${lenderKind}`) })}
      </p>
      <ul className="rights-list">
        {rights.map((right) => (
          <li key={right.id} className="rights-item" data-testid={`right-${right.id}`}>
            <p className="rights-text">{right.text[language]}</p>
            <SourceLine ids={right.sources} />
            {right.sources.some((id) => SOURCES[id].confidence === 'U') && (
              <p className="source-note">
                <span className="confidence-U">{t('rights.uncertain')}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
