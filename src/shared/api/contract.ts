import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { lprTableSchema } from '../engine/lpr'
import { loanEventSchema } from '../engine/terms'
import { positiveFenSchema } from '../money'
import { HORIZONS, loanSeriesSchema, portfolioSeriesSchema } from './chart-schema'
import {
  CHECKLIST_STATES,
  checklistSchema,
  PLAYBOOK_KEYS,
  progressSchema,
  situationSchema,
} from './checklist-schema'
import {
  contactAddedSchema,
  contactInputSchema,
  contactPatchSchema,
  contactRowSchema,
  followUpSchema,
} from './contact-schema'
import { ledgerSchema, paymentRecordSchema, stageSchema } from './ledger-schema'
import { letterPdfInputSchema, letterPdfResultSchema } from './letter-schema'
import {
  csvFileSchema,
  csvImportResultSchema,
  csvMappingSchema,
  dataCountsSchema,
  exportFileSchema,
  importPreviewSchema,
} from './exchange'
import type { MethodName } from './methods'
import { planInputSchema, planResultSchema } from './planner-schema'
import { acknowledgeInputSchema, reminderSchema } from './reminder-schema'
import { languageSchema, remindersSchema } from './settings-schema'
import {
  loanEventRowSchema,
  loanFieldsSchema,
  loanInputSchema,
  loanSchema,
  loanSummarySchema,
  overviewSchema,
  paymentFieldsSchema,
  paymentInputSchema,
  paymentRowSchema,
} from './records'

/**
 * The API contract: for each method, one zod schema for its input and one for its output.
 * Main validates both directions against it, the typed client is derived from it, and
 * `docs/api.md` documents it. Add a method here and in `methods.ts`; the type checker then
 * demands a handler for it.
 */

export {
  DEFAULT_REMINDERS,
  LANGUAGES,
  languageSchema,
  remindersSchema,
  type Language,
  type Reminders,
} from './settings-schema'

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** 'unusable' when the database could not be opened: only backups can be listed and restored. */
  database: z.object({
    status: z.enum(['ok', 'unusable']),
    /** Why, for the user: a damaged or unreadable file, or one from a newer RepayPath. */
    reason: z.enum(['damaged', 'too_new', 'busy']).nullable(),
    /** The technical detail (SQLite's words). */
    problem: z.string().nullable(),
  }),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const settingsSchema = z.object({
  /** null until the user picks one: the renderer then follows the system language. */
  language: languageSchema.nullable(),
  /** The user's LPR table; null uses the one shipped with the app (engine/lpr.ts). */
  lprTable: lprTableSchema.nullable(),
  reminders: remindersSchema,
})
export type Settings = z.infer<typeof settingsSchema>

export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

const noInput = z.object({}).strict()
const backupSchema = z.object({
  name: z.string(),
  reason: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import']),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
})
const byId = z.object({ id: z.number().int().positive() }).strict()
const deleted = z.object({ deleted: z.literal(true) })
/** The day to evaluate on; today (the backend's clock) when absent. */
const asOf = civilDateSchema.optional()

interface MethodSpec {
  input: z.ZodType
  output: z.ZodType
}

export const contract = {
  'app.info': { input: noInput, output: appInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  'reminders.due': { input: z.object({ asOf }).strict(), output: z.array(reminderSchema) },
  'reminders.acknowledge': {
    input: acknowledgeInputSchema,
    output: z.object({ acknowledged: z.number().int().nonnegative() }),
  },

  'loans.list': {
    input: z.object({ includeArchived: z.boolean().default(false), asOf }).strict(),
    output: z.array(loanSummarySchema),
  },
  'loans.get': { input: byId, output: loanSchema },
  'loans.create': { input: loanInputSchema.strict(), output: loanSchema },
  'loans.update': {
    // No defaults in a patch: a field left out keeps its value.
    input: loanFieldsSchema.partial().extend({ id: z.number().int().positive() }).strict(),
    output: loanSchema,
  },
  'loans.archive': {
    input: z.object({ id: z.number().int().positive(), archived: z.boolean() }).strict(),
    output: loanSchema,
  },
  'loans.delete': { input: byId, output: deleted },
  'loans.ledger': {
    input: z
      .object({ id: z.number().int().positive(), asOf, timeline: z.boolean().default(false) })
      .strict(),
    output: ledgerSchema,
  },
  'loans.projection': {
    input: z
      .object({
        id: z.number().int().positive(),
        asOf,
        waits: z.array(z.number().int().min(0).max(3_650)).max(20).default([0, 7, 30, 60, 90]),
        monthlyBudgetFen: positiveFenSchema.optional(),
      })
      .strict(),
    output: z.object({
      asOf: civilDateSchema,
      costOfWaiting: z.array(
        z.object({
          waitDays: z.number().int(),
          payOn: civilDateSchema,
          payoffFen: z.number().int(),
          extraFen: z.number().int(),
        }),
      ),
      budgetPlan: z
        .object({
          monthlyFen: z.number().int(),
          clears: z.boolean(),
          clearedOn: civilDateSchema.nullable(),
          totalPaidFen: z.number().int(),
          payments: z.array(z.object({ paidOn: civilDateSchema, amountFen: z.number().int() })),
        })
        .nullable(),
    }),
  },

  'loans.series': {
    input: z
      .object({
        id: z.number().int().positive(),
        asOf,
        horizonDays: z.union(HORIZONS.map((days) => z.literal(days))).default(90),
      })
      .strict(),
    output: loanSeriesSchema,
  },

  'payments.list': {
    input: z.object({ loanId: z.number().int().positive() }).strict(),
    output: z.array(paymentRowSchema),
  },
  'payments.preview': {
    input: paymentInputSchema.strict(),
    output: z.object({
      allocation: paymentRecordSchema,
      stageBefore: stageSchema,
      stageAfter: stageSchema,
      payoffAfterFen: z.number().int(),
    }),
  },
  'payments.add': { input: paymentInputSchema.strict(), output: paymentRowSchema },
  'payments.update': {
    input: paymentFieldsSchema
      .omit({ loanId: true })
      .partial()
      .extend({ id: z.number().int().positive() })
      .strict(),
    output: paymentRowSchema,
  },
  'payments.delete': { input: byId, output: deleted },

  'events.list': {
    input: z.object({ loanId: z.number().int().positive() }).strict(),
    output: z.array(loanEventRowSchema),
  },
  'events.add': {
    input: z
      .object({
        loanId: z.number().int().positive(),
        event: loanEventSchema,
        note: z.string().trim().max(1_000).default(''),
      })
      .strict(),
    output: loanEventRowSchema,
  },
  'events.delete': { input: byId, output: deleted },

  'contacts.list': {
    input: z.object({ loanId: z.number().int().positive() }).strict(),
    output: z.array(contactRowSchema),
  },
  'contacts.add': { input: contactInputSchema.strict(), output: contactAddedSchema },
  'contacts.update': { input: contactPatchSchema.strict(), output: contactRowSchema },
  'contacts.delete': { input: byId, output: deleted },
  'contacts.followUps': { input: z.object({ asOf }).strict(), output: z.array(followUpSchema) },

  'checklist.get': {
    input: z.object({ loanId: z.number().int().positive(), asOf }).strict(),
    output: checklistSchema,
  },
  'checklist.setState': {
    input: z
      .object({
        loanId: z.number().int().positive(),
        itemKey: z.enum(PLAYBOOK_KEYS),
        state: z.enum(CHECKLIST_STATES),
        /** Today when absent; ignored for 'open'. */
        stateOn: civilDateSchema.optional(),
        note: z.string().trim().max(2_000).default(''),
      })
      .strict(),
    output: checklistSchema,
  },
  'checklist.setSituation': {
    input: situationSchema.extend({ loanId: z.number().int().positive() }).strict(),
    output: checklistSchema,
  },
  'checklist.progress': {
    input: z.object({ asOf }).strict(),
    output: z.array(progressSchema.extend({ loanId: z.number().int().positive() })),
  },
  'portfolio.series': { input: z.object({ asOf }).strict(), output: portfolioSeriesSchema },
  'portfolio.overview': { input: z.object({ asOf }).strict(), output: overviewSchema },
  'portfolio.plan': { input: planInputSchema, output: planResultSchema },

  'backup.list': { input: noInput, output: z.array(backupSchema) },
  'backup.create': { input: noInput, output: backupSchema },
  'backup.restore': {
    input: z
      .object({
        name: z.string().regex(/^repaypath-[\w-]+\.sqlite3$/, 'must be the name of a backup'),
      })
      .strict(),
    output: z.object({ restoredFrom: z.string(), safetyCopy: z.string().nullable() }),
  },

  'data.export': { input: noInput, output: exportFileSchema },
  'data.importPreview': {
    input: z.object({ file: exportFileSchema }).strict(),
    output: importPreviewSchema,
  },
  'data.import': {
    input: z.object({ file: exportFileSchema }).strict(),
    output: z.object({ imported: dataCountsSchema, backup: z.string() }),
  },
  'csv.exportPayments': {
    input: z.object({ loanId: z.number().int().positive().optional() }).strict(),
    output: csvFileSchema,
  },
  'csv.exportLedger': {
    input: z.object({ loanId: z.number().int().positive(), asOf }).strict(),
    output: csvFileSchema,
  },
  'csv.importPayments': {
    input: z
      .object({
        loanId: z.number().int().positive(),
        csv: z.string().max(20_000_000),
        mapping: csvMappingSchema,
        amountUnit: z.enum(['yuan', 'fen']).default('yuan'),
        dryRun: z.boolean(),
      })
      .strict(),
    output: csvImportResultSchema,
  },
  'letter.savePdf': { input: letterPdfInputSchema, output: letterPdfResultSchema },
} as const satisfies { [M in MethodName]: MethodSpec }

type Contract = typeof contract

/** What a caller passes (before zod defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
/** What a method returns. */
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** The shape main implements: one function per method, fed parsed input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>
}
