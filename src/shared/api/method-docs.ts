import type { MethodName } from './methods'

/** One line per method for docs/api.md; the type checker demands one for every method. */
export const METHOD_SUMMARIES = {
  'app.info':
    'Version, runtime, data folder and database file, and whether the database could be opened.',
  'settings.get':
    'The settings: interface language (null = the system language) and the LPR table (null = the shipped one).',
  'settings.update': 'Changes some settings; returns them all.',
  'reminders.due':
    'The reminders due on `asOf` (today by default) and not yet acknowledged, as the Reminders settings choose: N days before a due date, on it (or later while unpaid), a worse overdue stage entered, a follow-up date arrived; missed ones up to 30 days back, none from before the first check. Each with an id and its title and body in zh-CN and en.',
  'reminders.acknowledge':
    'Records reminders as delivered (one transaction), so that `reminders.due` never gives them again; returns how many were new.',
  'loans.list':
    'Loans with where each stands on `asOf` (today by default), most urgent first; archived ones only when asked.',
  'loans.get': 'One loan with its terms.',
  'loans.create': 'Records a loan: its name, lender, lender kind, preset and complete terms.',
  'loans.update': 'Changes a loan; refused if its payments and events no longer fit the new terms.',
  'loans.archive': 'Archives a loan (hidden from lists and totals) or brings it back.',
  'loans.delete': 'Deletes a loan with its payments, events, checklist and contact log.',
  'loans.ledger':
    'The engine’s ledger of a loan on `asOf`: installments, amounts by component, stage, daily accrual, payoff; with `timeline` for charts.',
  'loans.series':
    'What a loan owes over time by component, from disbursement to today and `horizonDays` (30, 90 or 365) past it with nothing more paid; at most 1,000 points (LTTB, keeping today, payments and the extremes), with payments and overdue-stage bands.',
  'loans.projection':
    'The cost of waiting (clearing the loan after each of `waits` days) and, given a monthly budget, the plan that clears it.',
  'payments.list': 'A loan’s payments by date.',
  'payments.preview':
    'How a payment would be allocated and the stage before and after, without saving it.',
  'payments.add': 'Records a payment (not in the future, not before disbursement).',
  'payments.update': 'Changes a payment.',
  'payments.delete': 'Deletes a payment.',
  'events.list':
    'A loan’s restructuring events (agreed plans, deferrals, waivers, settlements) by date.',
  'events.add':
    'Records a restructuring event; refused if the loan can no longer be computed with it.',
  'events.delete': 'Deletes a restructuring event.',
  'contacts.list':
    'A loan’s contact log (calls and messages with the lender or collectors), newest first, each with the collection rules it broke (22:00–08:00, a fourth call in a day, third parties) and their sources.',
  'contacts.add':
    'Logs a contact (not in the future); with `agreedPlan`, records the plan as an `agreed_plan` event in the same transaction (its note the contact’s summary), refused if the loan can no longer be computed with it.',
  'contacts.update': 'Changes a contact; fields left out keep their values.',
  'contacts.delete': 'Deletes a contact (an event recorded with it stays).',
  'contacts.followUps':
    'Follow-ups across open loans: each loan’s latest contact whose follow-up date is past or within 14 days of `asOf` (today by default), soonest first.',
  'checklist.get':
    "A loan's action plan: the playbook items that apply to it now, most urgent first, filled with its figures, with the user's state of each (open, done, skipped) and their situation (hardship, lawsuit notice).",
  'checklist.setState':
    'Marks an action-plan item done, skipped or open again (with a date and a note); returns the plan.',
  'checklist.setSituation':
    "Records the user's situation for a loan (a hardship, a lawsuit notice and its date), which the plan follows; returns the plan.",
  'checklist.progress': "Each open loan's action-plan progress: items done, skipped, open.",
  'portfolio.series':
    'For each month since the first disbursement: what the open loans owed and had overdue at its end (today for this month), and the penalty, compound interest and fees charged in it.',
  'portfolio.overview':
    'Totals across open loans: owed, overdue, penalty to date, what each day adds.',
  'portfolio.plan':
    'A monthly budget over the open loans (not archived, not cleared, disbursed by `asOf`) under each order — overdue first, avalanche, snowball, and `customOrder` when given: each loan’s planned payments, clear date and total, and which order saves most against which.',
  'backup.list': 'The backups in the data folder, newest first.',
  'backup.create': 'Takes a backup now.',
  'backup.restore':
    'Replaces the database with a backup, keeping a copy of the current file first.',
  'data.export': 'Everything, as one versioned JSON document.',
  'data.importPreview':
    'What importing an export file would replace and bring in, and any problem with it; changes nothing.',
  'data.import': 'Replaces everything with an export file, all or nothing, after a backup.',
  'csv.exportPayments': 'Payments (of one loan or all) as CSV.',
  'csv.exportLedger': 'A loan’s ledger on `asOf` as CSV, one row per installment.',
  'csv.importPayments':
    'Payments from a CSV with a column mapping; `dryRun` shows the rows and errors without saving.',
  'letter.savePdf':
    'Typesets the negotiation letter (title and text as edited) on A4 and asks where to save the PDF; `saved` is false if the user cancels. Desktop app only: browser mode answers `unsupported` (print the page instead).',
} as const satisfies Record<MethodName, string>
