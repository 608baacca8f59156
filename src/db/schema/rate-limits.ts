import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Requests counted per fixed window for each limited action and key (an IP address, an account),
 * in the database so that several coophub instances on one PostgreSQL share one limit.
 */
export const rateLimitCounts = pgTable(
  'rate_limit_counts',
  {
    /** The limit's name and its key, e.g. "reset-ip:192.0.2.1". */
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counts_window_idx').on(t.windowEndsAt)],
)
