import { z } from 'zod'
import { civilDateSchema } from '../dates'
import { lprTableSchema } from '../engine/lpr'
import { loanEventSchema } from '../engine/terms'
import { languageSchema, remindersSchema } from './settings-schema'
import { loanSchema, paymentRowSchema } from './records'

/**
 * The export file: everything the user has, in one versioned JSON document that a later
 * version can read back. Ids are kept, so that an export imported into an empty database and
 * exported again gives the same document.
 */
export const EXPORT_FORMAT = 'repaypath-export'
export const EXPORT_VERSION = 1

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  app: z.object({ version: z.string(), schemaVersion: z.number().int() }),
  settings: z.object({
    language: languageSchema.nullable(),
    lprTable: lprTableSchema.nullable(),
    reminders: remindersSchema.optional(),
  }),
  loans: z.array(loanSchema),
  payments: z.array(paymentRowSchema),
  events: z.array(
    z.object({
      id: z.number().int().positive(),
      loanId: z.number().int().positive(),
      event: loanEventSchema,
      note: z.string(),
      createdAt: z.string(),
    }),
  ),
  checklist: z.array(
    z.object({
      loanId: z.number().int().positive(),
      itemKey: z.string().min(1),
      state: z.enum(['open', 'done', 'skipped']),
      stateOn: civilDateSchema.nullable(),
      note: z.string(),
      updatedAt: z.string(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.number().int().positive(),
      loanId: z.number().int().positive(),
      occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:mm'),
      channel: z.enum(['phone', 'sms', 'app', 'wechat', 'letter', 'visit', 'other']),
      direction: z.enum(['incoming', 'outgoing']),
      party: z.enum(['lender', 'collector', 'third_party', 'lawyer', 'other']),
      who: z.string(),
      summary: z.string(),
      promises: z.string(),
      followUpOn: civilDateSchema.nullable(),
      createdAt: z.string(),
    }),
  ),
})
export type ExportFile = z.infer<typeof exportFileSchema>

export const dataCountsSchema = z.object({
  loans: z.number().int().nonnegative(),
  payments: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  checklist: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
})
export type DataCounts = z.infer<typeof dataCountsSchema>

export const importPreviewSchema = z.object({
  /** What the database holds now, all of which an import replaces. */
  current: dataCountsSchema,
  incoming: dataCountsSchema,
  /** Loans in the file whose history the engine cannot compute, by name. */
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
})

export const csvMappingSchema = z
  .object({
    /** Column names (as in the header row) for each field; channel and note are optional. */
    paidOn: z.string().min(1),
    amount: z.string().min(1),
    channel: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()

export const csvImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int().positive(),
      paidOn: civilDateSchema,
      amountFen: z.number().int().positive(),
      channel: z.string(),
      note: z.string(),
    }),
  ),
  errors: z.array(
    z.object({ row: z.number().int().nonnegative(), field: z.string(), message: z.string() }),
  ),
  imported: z.number().int().nonnegative(),
})

export const csvFileSchema = z.object({ filename: z.string(), csv: z.string() })
