import { sql } from 'drizzle-orm'
import { boolean, check, customType, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { emails, users } from './accounts.ts'
import { caseStudies } from './case-studies.ts'
import { bids, calls } from './co-production.ts'
import { sqlList } from './enums.ts'
import { organisations } from './organisations.ts'
import { principles } from './principles.ts'

// The lists live beside their tables (not in enums.ts) so the events feature is one schema file.
export const eventKinds = ['conference', 'policy-lab-workshop', 'action-learning-set', 'webinar'] as const
export type EventKind = (typeof eventKinds)[number]

export const eventStatuses = ['draft', 'published', 'cancelled'] as const
export type EventStatus = (typeof eventStatuses)[number]

/** `offered`: a place is held for someone from the waiting list until the offer expires. */
export const registrationStatuses = ['confirmed', 'waiting', 'offered', 'cancelled', 'lapsed'] as const
export type RegistrationStatus = (typeof registrationStatuses)[number]

export const materialKinds = ['slides', 'notes', 'recording', 'other'] as const
export type MaterialKind = (typeof materialKinds)[number]

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/** An event of the network: public at /events/:slug once published. Times are instants (UTC in the database). */
export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    status: text('status', { enum: eventStatuses }).notNull().default('draft'),
    summary: text('summary').notNull().default(''),
    /** Markdown. */
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venueName: text('venue_name').notNull().default(''),
    venueAddress: text('venue_address').notNull().default(''),
    /** Said publicly ("online, on Teams"); the joining link goes to registrants only. */
    online: boolean('online').notNull().default(false),
    joiningLink: text('joining_link').notNull().default(''),
    accessibility: text('accessibility').notNull().default(''),
    /** Null: no limit. */
    capacity: integer('capacity'),
    perOrganisationCap: integer('per_organisation_cap'),
    membersOnly: boolean('members_only').notNull().default(false),
    /** How long a place offered from the waiting list is held. */
    offerHours: integer('offer_hours').notNull().default(48),
    /** Access and dietary needs are erased this many days after the event ends. */
    eraseNeedsAfterDays: integer('erase_needs_after_days').notNull().default(30),
    /** Registrants are reminded this many days before the event starts (0: no reminder). */
    remindDaysBefore: integer('remind_days_before').notNull().default(2),
    /** The call for sessions, when the agenda is co-produced. */
    callId: integer('call_id').references(() => calls.id, { onDelete: 'set null' }),
    /** Markdown: what came out of it, shown after the event. */
    outcomes: text('outcomes').notNull().default(''),
    /** RFC 5545 SEQUENCE: moved on whenever time or place changes, so calendars take the new version. */
    sequence: integer('sequence').notNull().default(0),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('events_kind_check', sql.raw(`kind IN (${sqlList(eventKinds)})`)),
    check('events_status_check', sql.raw(`status IN (${sqlList(eventStatuses)})`)),
    check('events_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('events_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_check', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    check('events_cap_check', sql`${t.perOrganisationCap} IS NULL OR ${t.perOrganisationCap} >= 1`),
    check('events_offer_check', sql`${t.offerHours} >= 1`),
    check('events_erase_check', sql`${t.eraseNeedsAfterDays} >= 0`),
    index('events_starts_idx').on(t.startsAt),
  ],
)

export const eventPrinciples = pgTable(
  'event_principles',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    principleId: integer('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.principleId] })],
)

export const eventSessions = pgTable(
  'event_sessions',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room').notNull().default(''),
    /** Null: as many as the event holds. */
    capacity: integer('capacity'),
    /** Speakers as the agenda prints them: [{ name, organisation }] one a line. */
    speakers: text('speakers').notNull().default(''),
    /** The accepted proposal it came from, when the agenda was co-produced. */
    bidId: integer('bid_id').references(() => bids.id, { onDelete: 'set null' }),
    caseStudyId: integer('case_study_id').references(() => caseStudies.id, { onDelete: 'set null' }),
    sequence: integer('sequence').notNull().default(0),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    check('event_sessions_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('event_sessions_capacity_check', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
    index('event_sessions_event_idx').on(t.eventId),
  ],
)

export const eventSessionPrinciples = pgTable(
  'event_session_principles',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    principleId: integer('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.principleId] })],
)

/** Slides, notes and recordings, shown on the page after the event. */
export const eventMaterials = pgTable(
  'event_materials',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').references(() => eventSessions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: materialKinds }).notNull(),
    title: text('title').notNull(),
    /** A link elsewhere, or '' for an uploaded file (served from /events/:slug/materials/:id). */
    url: text('url').notNull(),
    fileName: text('file_name').notNull().default(''),
    contentType: text('content_type').notNull().default(''),
    content: bytea('content'),
    fileBytes: integer('file_bytes'),
  },
  (t) => [
    check('event_materials_kind_check', sql.raw(`kind IN (${sqlList(materialKinds)})`)),
    // Either a link or a file, never both nor neither.
    check('event_materials_url_check', sql`(${t.content} IS NULL AND ${t.url} ~ '^https?://') OR (${t.content} IS NOT NULL AND ${t.url} = '')`),
  ],
)

/**
 * One person's place (or place in the queue). Access and dietary needs are personal data: shown to
 * organisers only and erased `erase_needs_after_days` after the event.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull().default(''),
    jobRole: text('job_role').notNull().default(''),
    accessNeeds: text('access_needs'),
    dietaryNeeds: text('dietary_needs'),
    needsErasedAt: timestamp('needs_erased_at', { withTimezone: true }),
    status: text('status', { enum: registrationStatuses }).notNull(),
    /** The queue's order: when the person joined it. */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /** SHA-256 of the single-use link to change or cancel without an account. */
    manageTokenHash: text('manage_token_hash'),
    manageTokenExpiresAt: timestamp('manage_token_expires_at', { withTimezone: true }),
    /** SHA-256 of the secret address of the person's calendar feed. */
    feedTokenHash: text('feed_token_hash').notNull().unique(),
    attended: boolean('attended'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** The language the registrant used: their later emails (offers, changes) are written in it. */
    language: text('language').notNull().default('en'),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('event_registrations_status_check', sql.raw(`status IN (${sqlList(registrationStatuses)})`)),
    check('event_registrations_offer_check', sql`(${t.status} = 'offered') = (${t.offerExpiresAt} IS NOT NULL)`),
    // One live registration per address and event; a cancelled one may register again.
    uniqueIndex('event_registrations_email_unique')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.status} NOT IN ('cancelled', 'lapsed')`),
    uniqueIndex('event_registrations_manage_unique').on(t.manageTokenHash),
    index('event_registrations_event_idx').on(t.eventId, t.status),
  ],
)

/**
 * The sessions a registrant plans to attend; `waiting` when the session was full (its own queue, in
 * `queued_at` order). A place offered from that queue is held until `offer_expires_at`.
 */
export const eventSessionChoices = pgTable(
  'event_session_choices',
  {
    registrationId: integer('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    waiting: boolean('waiting').notNull().default(false),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index('event_session_choices_session_idx').on(t.sessionId),
    check('event_session_choices_offer_check', sql`NOT (${t.waiting} AND ${t.offerExpiresAt} IS NOT NULL)`),
  ],
)

/**
 * A file sent with a queued email (a calendar file with an event's confirmation). Kept beside the
 * email so a retry sends the same file.
 */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    id: serial('id').primaryKey(),
    emailId: integer('email_id')
      .notNull()
      .references(() => emails.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: text('content').notNull(),
  },
  (t) => [index('email_attachments_email_idx').on(t.emailId)],
)
