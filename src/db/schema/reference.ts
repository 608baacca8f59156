import { boolean, date, doublePrecision, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { principles } from './principles.ts'

/** The UK local authorities register (mySociety, CC-BY-4.0), loaded as reference data. */
export const localAuthorities = pgTable('local_authorities', {
  code: text('code').primaryKey(),
  officialName: text('official_name').notNull(),
  niceName: text('nice_name').notNull(),
  gssCode: text('gss_code'),
  typeCode: text('type_code'),
  typeName: text('type_name'),
  nation: text('nation'),
  region: text('region'),
  altNames: text('alt_names').array().notNull().default([]),
  population: integer('population'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  current: boolean('current').notNull().default(true),
  startDate: date('start_date'),
  endDate: date('end_date'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Earlier wordings of a principle, kept whenever its name, statement or order changes. */
export const principleRevisions = pgTable('principle_revisions', {
  id: serial('id').primaryKey(),
  principleId: integer('principle_id')
    .notNull()
    .references(() => principles.id, { onDelete: 'cascade' }),
  shortName: text('short_name').notNull(),
  statement: text('statement').notNull(),
  position: integer('position').notNull(),
  changedByUserId: integer('changed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
