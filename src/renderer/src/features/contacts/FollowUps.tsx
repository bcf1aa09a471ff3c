import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FollowUp } from '@shared/api/contact-schema'
import { api } from '../../api'
import { useFormat } from '../../app/format'
import './contacts.css'

/**
 * The dashboard's follow-ups from the contact logs: what is due within two weeks or already past,
 * soonest first, each linking to its loan. Nothing at all when there are none.
 */
export function FollowUps() {
  const { t } = useTranslation()
  const followUps = useQuery({
    queryKey: ['contacts.followUps'],
    queryFn: () => api.call('contacts.followUps', {}),
  })
  if (followUps.data === undefined || followUps.data.length === 0) return null
  return (
    <section aria-labelledby="follow-ups-title" className="follow-ups" data-testid="follow-ups">
      <h2 id="follow-ups-title">{t('contacts.followUps.title')}</h2>
      <p className="muted">{t('contacts.followUps.intro')}</p>
      <ul className="follow-up-list">
        {followUps.data.map((item) => (
          <FollowUpItem key={item.contactId} item={item} />
        ))}
      </ul>
    </section>
  )
}

function FollowUpItem({ item }: { item: FollowUp }) {
  const { t } = useTranslation()
  const format = useFormat()
  const relative =
    item.daysUntil === 0
      ? t('contacts.followUps.today')
      : item.daysUntil > 0
        ? t('contacts.followUps.inDays', { count: item.daysUntil })
        : t('contacts.followUps.daysAgo', { count: -item.daysUntil })
  const tone = item.daysUntil < 0 ? 'past' : item.daysUntil === 0 ? 'today' : 'ahead'
  return (
    <li className={`follow-up follow-up-${tone}`} data-testid={`follow-up-${item.contactId}`}>
      <div className="follow-up-when">
        <span className="follow-up-date">{format.date(item.followUpOn)}</span>
        <span className="follow-up-relative">{relative}</span>
      </div>
      <div className="follow-up-what">
        <Link to={`/loans/${item.loanId}`} className="follow-up-loan">
          {item.loanName}
        </Link>
        <span className="muted">
          {' · '}
          {t(`contacts.parties.${item.party}`)}
          {item.who !== '' && ` · ${item.who}`}
        </span>
        {item.promises !== '' && <p className="follow-up-promises">{item.promises}</p>}
      </div>
    </li>
  )
}
