/**
 * The names of every API method, without their schemas. The preload script imports only this
 * list (to allow-list IPC channels) so that it stays tiny and free of zod; `contract.ts` is
 * type-checked to have exactly these keys.
 */
export const METHOD_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'reminders.due',
  'reminders.acknowledge',
  'loans.list',
  'loans.get',
  'loans.create',
  'loans.update',
  'loans.archive',
  'loans.delete',
  'loans.ledger',
  'loans.projection',
  'loans.series',
  'payments.list',
  'payments.preview',
  'payments.add',
  'payments.update',
  'payments.delete',
  'events.list',
  'events.add',
  'events.delete',
  'contacts.list',
  'contacts.add',
  'contacts.update',
  'contacts.delete',
  'contacts.followUps',
  'checklist.get',
  'checklist.setState',
  'checklist.setSituation',
  'checklist.progress',
  'portfolio.series',
  'portfolio.overview',
  'portfolio.plan',
  'backup.list',
  'backup.create',
  'backup.restore',
  'data.export',
  'data.importPreview',
  'data.import',
  'csv.exportPayments',
  'csv.exportLedger',
  'csv.importPayments',
  'letter.savePdf',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

const methodNameSet: ReadonlySet<string> = new Set(METHOD_NAMES)

export function isMethodName(value: string): value is MethodName {
  return methodNameSet.has(value)
}

/** The IPC channel that carries one method; a prefix keeps them apart from Electron's own. */
export function ipcChannel(method: MethodName): string {
  return `repaypath:${method}`
}
