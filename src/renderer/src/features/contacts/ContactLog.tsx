import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import type { ContactRow } from '@shared/api/contact-schema'
import type { SourceId } from '@shared/engine/sources'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import { invalidateLoanData, useToday } from '../../app/queries'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SourceLine } from '../../components/SourceLine'
import { ConfirmDialog } from '../../components/ui/ConfirmDialog'
import { notify } from '../../components/ui/Toasts'
import { ContactDialog } from './ContactDialog'
import './contacts.css'

/** When a contact happened, in the reader's language: the date, then the time as logged. */
function useWhen() {
  const format = useFormat()
  return (contact: ContactRow) =>
    `${format.date(contact.occurredAt.slice(0, 10))} ${contact.occurredAt.slice(11, 16)}`
}

/**
 * A loan's contact log, newest first: who, when, how, what was said and promised, the follow-up
 * date; a contact that broke the collection rules carries a flag saying which rule and what to
 * do, with the sources.
 */
export function ContactLog({ loanId, loanName }: { loanId: number; loanName: string }) {
  const { t } = useTranslation()
  const today = useToday()
  const when = useWhen()
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<{ contact?: ContactRow } | null>(null)
  const [toDelete, setToDelete] = useState<ContactRow | null>(null)
  const contacts = useQuery({
    queryKey: ['contacts.list', loanId],
    queryFn: () => api.call('contacts.list', { loanId }),
  })
  const remove = useMutation({
    mutationFn: (id: number) => api.call('contacts.delete', { id }),
    onSuccess: async () => {
      setToDelete(null)
      await invalidateLoanData(queryClient)
      notify(t('contacts.deleted'))
    },
  })

  return (
    <>
      <div className="section-intro">
        <p className="muted">{t('contacts.intro')}</p>
        <Button
          className="button button-primary"
          onPress={() => setDialog({})}
          isDisabled={today === undefined}
        >
          {t('contacts.add')}
        </Button>
      </div>
      {contacts.error !== null && (
        <ErrorNotice error={contacts.error} onRetry={() => void contacts.refetch()} />
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {contacts.data === undefined && contacts.error === null && (
        <p className="muted">{t('common.loading')}</p>
      )}
      {contacts.data?.length === 0 && <p className="muted">{t('contacts.none')}</p>}
      {contacts.data !== undefined && contacts.data.length > 0 && (
        <ol className="contact-list" data-testid="contact-list">
          {contacts.data.map((contact) => (
            <ContactItem
              key={contact.id}
              contact={contact}
              onEdit={() => setDialog({ contact })}
              onDelete={() => setToDelete(contact)}
            />
          ))}
        </ol>
      )}
      {today !== undefined && (
        <ContactDialog
          loanId={loanId}
          loanName={loanName}
          today={today}
          contact={dialog?.contact}
          isOpen={dialog !== null}
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      <ConfirmDialog
        title={t('contacts.deleteTitle')}
        body={
          toDelete === null
            ? ''
            : t('contacts.deleteBody', {
                when: when(toDelete),
                party: t(`contacts.parties.${toDelete.party}`),
              })
        }
        confirmLabel={t('common.delete')}
        isOpen={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        onConfirm={() => toDelete !== null && remove.mutate(toDelete.id)}
        isPending={remove.isPending}
      />
    </>
  )
}

function ContactItem({
  contact,
  onEdit,
  onDelete,
}: {
  contact: ContactRow
  onEdit: () => void
  onDelete: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const when = useWhen()
  const flagged = contact.violations.length > 0
  return (
    <li
      className={flagged ? 'card contact contact-flagged' : 'card contact'}
      data-testid={`contact-${contact.id}`}
    >
      <div className="contact-head">
        <div>
          <p className="contact-who">
            <strong>{t(`contacts.parties.${contact.party}`)}</strong>
            {contact.who !== '' && <span> · {contact.who}</span>}
          </p>
          <p className="contact-meta muted">
            <time dateTime={contact.occurredAt}>{when(contact)}</time> ·{' '}
            {t(`contacts.channels.${contact.channel}`)} ·{' '}
            {t(`contacts.directions.${contact.direction}`)}
          </p>
        </div>
        <div className="contact-actions">
          <Button className="button button-small" onPress={onEdit}>
            {t('common.edit')}
          </Button>
          <Button className="button button-small" onPress={onDelete}>
            {t('common.delete')}
          </Button>
        </div>
      </div>
      {contact.summary !== '' && <p className="contact-summary">{contact.summary}</p>}
      {(contact.promises !== '' || contact.followUpOn !== null) && (
        <dl className="contact-facts">
          {contact.promises !== '' && (
            <div>
              <dt>{t('contacts.promisesLabel')}</dt>
              <dd className="contact-summary">{contact.promises}</dd>
            </div>
          )}
          {contact.followUpOn !== null && (
            <div>
              <dt>{t('contacts.followUpLabel')}</dt>
              <dd data-testid="contact-follow-up">{format.date(contact.followUpOn)}</dd>
            </div>
          )}
        </dl>
      )}
      {flagged && <ViolationFlag contact={contact} />}
    </li>
  )
}

/** Which rules the contact broke and what to do, in words (never colour alone), with sources. */
function ViolationFlag({ contact }: { contact: ContactRow }) {
  const { t } = useTranslation()
  const sources = [
    ...new Set<SourceId>([
      ...contact.violations.flatMap((violation) => violation.sources),
      'complaint-lines',
    ]),
  ]
  return (
    <div className="contact-flag" data-testid="contact-flag">
      <p className="contact-flag-title">
        <span aria-hidden="true">⚠ </span>
        {t('contacts.flagTitle')}
      </p>
      <ul className="contact-flag-rules">
        {contact.violations.map((violation) => (
          <li key={violation.kind} data-testid={`violation-${violation.kind}`}>
            {t(`contacts.violations.${violation.kind}`)}
          </li>
        ))}
      </ul>
      <p className="contact-flag-advice">{t('contacts.advice')}</p>
      <SourceLine ids={sources} />
    </div>
  )
}
