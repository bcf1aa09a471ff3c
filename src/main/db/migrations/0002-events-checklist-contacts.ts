import { sql, type Kysely } from 'kysely'

/**
 * Restructuring events, the action-plan checklist and the contact log, and each loan's preset.
 * Every constraint mirrors a zod schema of the API, so that the database refuses what the API
 * would refuse even if something got past it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loans').addColumn('preset_id', 'text').execute()

  await db.schema
    .createTable('loan_events')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('loan_id', 'integer', (col) =>
      col.notNull().references('loans.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (col) =>
      col.notNull().check(sql`type in ('agreed_plan', 'deferral', 'waiver', 'settlement')`),
    )
    .addColumn('occurs_on', 'text', (col) => col.notNull().check(sql`date(occurs_on) is occurs_on`))
    .addColumn('event_json', 'text', (col) => col.notNull().check(sql`json_valid(event_json)`))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('loan_events_by_loan')
    .on('loan_events')
    .columns(['loan_id', 'occurs_on'])
    .execute()

  await db.schema
    .createTable('checklist_items')
    .addColumn('loan_id', 'integer', (col) =>
      col.notNull().references('loans.id').onDelete('cascade'),
    )
    .addColumn('item_key', 'text', (col) => col.notNull().check(sql`length(item_key) > 0`))
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('open', 'done', 'skipped')`),
    )
    .addColumn('state_on', 'text', (col) =>
      col.check(sql`state_on is null or date(state_on) is state_on`),
    )
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('checklist_items_pk', ['loan_id', 'item_key'])
    .execute()

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('loan_id', 'integer', (col) =>
      col.notNull().references('loans.id').onDelete('cascade'),
    )
    .addColumn('occurred_at', 'text', (col) =>
      col.notNull().check(sql`datetime(occurred_at) is not null and length(occurred_at) = 16`),
    )
    .addColumn('channel', 'text', (col) =>
      col
        .notNull()
        .check(sql`channel in ('phone', 'sms', 'app', 'wechat', 'letter', 'visit', 'other')`),
    )
    .addColumn('direction', 'text', (col) =>
      col.notNull().check(sql`direction in ('incoming', 'outgoing')`),
    )
    .addColumn('party', 'text', (col) =>
      col.notNull().check(sql`party in ('lender', 'collector', 'third_party', 'lawyer', 'other')`),
    )
    .addColumn('who', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('promises', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('follow_up_on', 'text', (col) =>
      col.check(sql`follow_up_on is null or date(follow_up_on) is follow_up_on`),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('contacts_by_loan')
    .on('contacts')
    .columns(['loan_id', 'occurred_at'])
    .execute()
}
