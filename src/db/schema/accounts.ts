import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { accountStatuses, emailStatuses, roles, sqlList, submissionEmailChoices, tokenPurposes } from './enums.ts'
import { organisations } from './organisations.ts'
import { locales } from '../../i18n/locales.ts'

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored in lower case: one account per address whatever its spelling. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    /** argon2id; null until an invited person sets a password. */
    passwordHash: text('password_hash'),
    status: text('status', { enum: accountStatuses }).notNull().default('invited'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** For editors: an email for each submission, or an hourly digest (sent when it was last sent). */
    submissionEmails: text('submission_emails', { enum: submissionEmailChoices }).notNull().default('each'),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    /** The language of the person's emails, and of the site as they last read it. */
    language: text('language', { enum: locales }).notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role_check', sql.raw(`role IN (${sqlList(roles)})`)),
    check('users_status_check', sql.raw(`status IN (${sqlList(accountStatuses)})`)),
    check('users_submission_emails_check', sql.raw(`submission_emails IN (${sqlList(submissionEmailChoices)})`)),
    check('users_language_check', sql.raw(`language IN (${sqlList(locales)})`)),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_officer_has_organisation', sql`${t.role} <> 'officer' OR ${t.organisationId} IS NOT NULL`),
  ],
)

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's random token: a database leak does not hand out sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const accountTokens = pgTable(
  'account_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('account_tokens_purpose_check', sql.raw(`purpose IN (${sqlList(tokenPurposes)})`))],
)

export const emails = pgTable(
  'emails',
  {
    id: serial('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status', { enum: emailStatuses }).notNull().default('queued'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When a send was last tried: the retry job waits longer after each failure. */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  },
  (t) => [check('emails_status_check', sql.raw(`status IN (${sqlList(emailStatuses)})`)), index('emails_created_idx').on(t.createdAt)],
)

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who it was at the time (email or "command line"), kept if the account goes. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    summary: text('summary').notNull(),
    changes: jsonb('changes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_created_idx').on(t.createdAt), index('audit_events_subject_idx').on(t.subjectType, t.subjectId)],
)

/**
 * Failed sign-ins, per account, per account and address, and per address (`key`), shared by every
 * instance. Only failures count, and a success clears its account's rows: nobody can be locked
 * out by someone else's guesses for longer than the short, growing delay the rules allow.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_last_idx').on(t.lastFailureAt)],
)
