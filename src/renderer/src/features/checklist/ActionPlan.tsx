import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Button,
  Disclosure,
  DisclosurePanel,
  Heading,
  Label,
  ProgressBar,
} from 'react-aria-components'
import type { ChecklistItem } from '@shared/api/checklist-schema'
import type { Language } from '@shared/api/settings-schema'
import { isSourceId, type SourceId } from '@shared/engine/sources'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SourceLine } from '../../components/SourceLine'
import { notify } from '../../components/ui/Toasts'
import { SituationForm } from './SituationForm'

export const checklistKey = (loanId: number) => ['checklist.get', loanId] as const

/**
 * The loan's action plan: the playbook's steps that apply to it now, most urgent first, each
 * with why, how, what to prepare and where the rule comes from; the user marks each done or
 * skipped (with the date and a note) or opens it again, and says what their situation is.
 */
export function ActionPlan({ loanId }: { loanId: number }) {
  const { t, i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const queryClient = useQueryClient()
  const checklist = useQuery({
    queryKey: checklistKey(loanId),
    queryFn: () => api.call('checklist.get', { loanId }),
  })
  const setState = useMutation({
    mutationFn: (input: {
      itemKey: ChecklistItem['key']
      state: ChecklistItem['state']
      note: string
    }) => api.call('checklist.setState', { loanId, ...input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(checklistKey(loanId), saved)
      void queryClient.invalidateQueries({ queryKey: ['checklist.progress'] })
    },
  })
  if (checklist.error !== null)
    return <ErrorNotice error={checklist.error} onRetry={() => void checklist.refetch()} />
  if (checklist.data === undefined) return <p className="muted">{t('common.loading')}</p>
  const { items, progress } = checklist.data
  const settled = progress.done + progress.skipped
  return (
    <div className="action-plan" data-testid="action-plan">
      <SituationForm loanId={loanId} situation={checklist.data.situation} />
      {items.length === 0 ? (
        <p className="muted">{t('checklist.nothingToDo')}</p>
      ) : (
        <>
          <ProgressBar
            className="plan-progress"
            value={settled}
            maxValue={progress.total}
            valueLabel={t('checklist.progressValue', { settled, total: progress.total })}
          >
            {({ percentage }) => (
              <>
                <Label className="field-label">{t('checklist.progress')}</Label>
                <span className="plan-progress-value" data-testid="plan-progress">
                  {t('checklist.progressValue', { settled, total: progress.total })}
                </span>
                <div className="plan-progress-track">
                  <div className="plan-progress-fill" style={{ width: `${percentage ?? 0}%` }} />
                </div>
              </>
            )}
          </ProgressBar>
          {setState.isError && <ErrorNotice error={setState.error} />}
          <ol className="plan-items">
            {items.map((item, index) => (
              <PlanItemCard
                key={item.key}
                item={item}
                language={language}
                defaultExpanded={index === 0 && item.state === 'open'}
                isPending={setState.isPending}
                onChange={(state, note) => {
                  setState.mutate(
                    { itemKey: item.key, state, note },
                    {
                      onSuccess: () =>
                        notify(
                          t(`checklist.changed.${state}`, { title: item.text[language].title }),
                        ),
                    },
                  )
                }}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  )
}

function PlanItemCard({
  item,
  language,
  defaultExpanded,
  isPending,
  onChange,
}: {
  item: ChecklistItem
  language: Language
  defaultExpanded: boolean
  isPending: boolean
  onChange: (state: ChecklistItem['state'], note: string) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [note, setNote] = useState(item.note)
  const text = item.text[language]
  const sources = item.sources.filter((id): id is SourceId => isSourceId(id))
  return (
    <li className={`plan-item plan-item-${item.state}`} data-testid={`plan-item-${item.key}`}>
      <Disclosure defaultExpanded={defaultExpanded} className="plan-disclosure">
        <Heading level={3} className="plan-item-heading">
          <Button slot="trigger" className="plan-item-trigger">
            <span className={`plan-state plan-state-${item.state}`}>
              {t(`checklist.state.${item.state}`)}
            </span>
            <span className="plan-item-title">{text.title}</span>
          </Button>
        </Heading>
        <p className="plan-why">{text.why}</p>
        <DisclosurePanel className="plan-details">
          <p>
            <strong>{t('checklist.how')}</strong> {text.how}
          </p>
          {text.prepare.length > 0 && (
            <>
              <p className="plan-prepare-title">
                <strong>{t('checklist.prepare')}</strong>
              </p>
              <ul className="plan-prepare">
                {text.prepare.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <SourceLine ids={sources} />
        </DisclosurePanel>
      </Disclosure>
      <div className="plan-actions">
        <label className="plan-note">
          <span className="visually-hidden">{t('checklist.noteLabel', { title: text.title })}</span>
          <input
            value={note}
            placeholder={t('checklist.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
            maxLength={2_000}
          />
        </label>
        {item.state === 'open' ? (
          <>
            <Button
              className="button button-primary button-small"
              isDisabled={isPending}
              onPress={() => onChange('done', note)}
            >
              {t('checklist.markDone')}
            </Button>
            <Button
              className="button button-small"
              isDisabled={isPending}
              onPress={() => onChange('skipped', note)}
            >
              {t('checklist.skip')}
            </Button>
          </>
        ) : (
          <>
            <span className="muted plan-state-on">
              {item.stateOn === null
                ? ''
                : t(`checklist.stateOn.${item.state}`, { date: format.date(item.stateOn) })}
            </span>
            {note !== item.note && (
              <Button
                className="button button-small"
                isDisabled={isPending}
                onPress={() => onChange(item.state, note)}
              >
                {t('checklist.saveNote')}
              </Button>
            )}
            <Button
              className="button button-small"
              isDisabled={isPending}
              onPress={() => onChange('open', note)}
            >
              {t('checklist.reopen')}
            </Button>
          </>
        )}
      </div>
    </li>
  )
}
