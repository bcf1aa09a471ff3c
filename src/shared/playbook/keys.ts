/**
 * The names the action plan is stored under: each playbook item's key, and the hardships a
 * user can declare. Kept apart from the playbook's texts so that the API contract (and with it
 * the renderer's first chunk) needs only these names.
 */
export const PLAYBOOK_KEYS = [
  'complain-about-collection',
  'answer-lawsuit',
  'check-really-overdue',
  'pay-overdue-now',
  'contact-lender',
  'understand-consequences',
  'card-installment-plan',
  'deferral-with-documents',
  'rate-above-legal-line',
  'collection-rules',
  'official-channels',
  'keep-records',
  'get-legal-help',
  'list-debts',
  'know-your-rights',
  'no-new-loans',
  'ask-family',
  'avoid-agents',
  'limitation-period',
] as const
export type PlaybookKey = (typeof PLAYBOOK_KEYS)[number]

export const HARDSHIPS = ['job_loss', 'illness', 'family', 'income_drop', 'other'] as const
export type Hardship = (typeof HARDSHIPS)[number]
