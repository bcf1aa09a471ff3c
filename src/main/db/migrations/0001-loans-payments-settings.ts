import { sql, type Kysely } from 'kysely'

/**
 * The first schema: loans, their payments, and settings. The CHECK constraints repeat what the
 * zod schemas demand, so that nothing that slips past the API can be stored either.
 */
// Migrations are frozen in time: they take an untyped Kysely, never today's `Database`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('loans')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('lender', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('lender_kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`lender_kind in ('webank', 'credit_card', 'bank', 'consumer_finance', 'private', 'other')`,
        ),
    )
    .addColumn('principal_fen', 'integer', (col) =>
      col.notNull().check(sql`typeof(principal_fen) = 'integer' and principal_fen > 0`),
    )
    .addColumn('disbursed_on', 'text', (col) =>
      col.notNull().check(sql`date(disbursed_on) is disbursed_on`),
    )
    .addColumn('terms_json', 'text', (col) => col.notNull().check(sql`json_valid(terms_json)`))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('archived', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(0)
        .check(sql`archived in (0, 1)`),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('loan_id', 'integer', (col) =>
      col.notNull().references('loans.id').onDelete('cascade'),
    )
    .addColumn('paid_on', 'text', (col) => col.notNull().check(sql`date(paid_on) is paid_on`))
    .addColumn('amount_fen', 'integer', (col) =>
      col.notNull().check(sql`typeof(amount_fen) = 'integer' and amount_fen > 0`),
    )
    .addColumn('channel', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createIndex('payments_by_loan_and_date')
    .on('payments')
    .columns(['loan_id', 'paid_on'])
    .execute()

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value_json', 'text', (col) => col.notNull().check(sql`json_valid(value_json)`))
    .execute()
}
