import { sql } from 'drizzle-orm'
import { boolean, check, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { membershipTiers, organisationKinds, sqlList } from './enums.ts'

export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    tier: text('tier', { enum: membershipTiers }).notNull().default('none'),
    gssCode: text('gss_code'),
    councilType: text('council_type'),
    nation: text('nation'),
    region: text('region'),
    website: text('website'),
    /** Code in the local authorities register, for councils recognised there. */
    authorityCode: text('authority_code'),
    /** False for organisations created from imported text that nobody has confirmed yet. */
    verified: boolean('verified').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('organisations_kind_check', sql.raw(`kind IN (${sqlList(organisationKinds)})`)),
    check('organisations_tier_check', sql.raw(`tier IN (${sqlList(membershipTiers)})`)),
    check('organisations_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('organisations_gss_format', sql`${t.gssCode} IS NULL OR ${t.gssCode} ~ '^[A-Z][0-9]{8}$'`),
  ],
)

export const people = pgTable('people', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  jobTitle: text('job_title'),
  organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
  email: text('email'),
  phone: text('phone'),
  /** The person agreed that their email and phone may be shown on public pages. */
  publishContact: boolean('publish_contact').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
