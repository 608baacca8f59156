import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { eventRegistrations, events } from './events.ts'

/**
 * What an attendee thought of an event: the row is made when the form's link is emailed (so the
 * email goes once), and filled when they answer. The link is single-use: its hash is cleared then.
 * Answers are for organisers only and leave with the registration.
 */
export const eventFeedback = pgTable(
  'event_feedback',
  {
    id: serial('id').primaryKey(),
    registrationId: integer('registration_id')
      .notNull()
      .unique()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** SHA-256 of the emailed link; null once the form is answered. */
    tokenHash: text('token_hash').unique(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    rating: integer('rating'),
    useful: text('useful').notNull().default(''),
    improve: text('improve').notNull().default(''),
    comments: text('comments').notNull().default(''),
  },
  (t) => [
    check('event_feedback_rating_check', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
    check('event_feedback_answered_check', sql`(${t.answeredAt} IS NULL) = (${t.rating} IS NULL)`),
    index('event_feedback_event_idx').on(t.eventId),
  ],
)
