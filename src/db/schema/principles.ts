import { sql } from 'drizzle-orm'
import { check, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'

export const principles = pgTable(
  'principles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    shortName: text('short_name').notNull().unique(),
    statement: text('statement').notNull(),
    /** The Welsh wording; the English shows where there is none. */
    shortNameCy: text('short_name_cy'),
    statementCy: text('statement_cy'),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('principles_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
)
