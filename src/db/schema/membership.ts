import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core'
import { emails, users } from './accounts.ts'
import { applicationStatuses, invoiceKinds, invoiceStatuses, membershipStatuses, paidTiers, paymentMethods, reminderKinds, sqlList } from './enums.ts'
import { organisations, people } from './organisations.ts'
import { localAuthorities } from './reference.ts'

/**
 * A subscription year's fee schedule, as the network published it. Re-importing a year adds a
 * version; invoices keep their own amounts and lines, so no version ever changes one issued.
 */
export const feeSchedules = pgTable(
  'fee_schedules',
  {
    id: serial('id').primaryKey(),
    /** The year it starts in: 2026 is 2026/27. */
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    label: text('label').notNull(),
    example: boolean('example').notNull().default(false),
    /** The whole schedule as parsed and validated by the fee rules. */
    schedule: jsonb('schedule').notNull(),
    importedByUserId: integer('imported_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    importedByLabel: text('imported_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('fee_schedules_year_version_unique').on(t.year, t.version), check('fee_schedules_year_check', sql`${t.year} BETWEEN 2000 AND 2100`)],
)

/**
 * A council's population and controllable budget (revenue and capital), each with the year it is
 * for and where it came from. Kept by register code, so a council that is not a member yet can be
 * quoted a fee; without a row, the register's 2020 population is the starting figure.
 */
export const councilFigures = pgTable(
  'council_figures',
  {
    authorityCode: text('authority_code')
      .primaryKey()
      .references(() => localAuthorities.code, { onDelete: 'cascade' }),
    population: integer('population'),
    populationYear: integer('population_year'),
    populationSource: text('population_source'),
    /** In pence: a county's budget passes what a 32-bit integer holds. */
    budgetPence: bigint('budget_pence', { mode: 'number' }),
    budgetYear: integer('budget_year'),
    budgetSource: text('budget_source'),
    updatedByLabel: text('updated_by_label').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('council_figures_population_check', sql`${t.population} IS NULL OR (${t.population} > 0 AND ${t.populationYear} IS NOT NULL)`),
    check('council_figures_budget_check', sql`${t.budgetPence} IS NULL OR (${t.budgetPence} > 0 AND ${t.budgetYear} IS NOT NULL)`),
  ],
)

/** A request to join, from the public form; the applicant follows it through its private link. */
export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: serial('id').primaryKey(),
    /** SHA-256 of the applicant's link token; the token itself is only in their email. */
    tokenHash: text('token_hash').notNull().unique(),
    tier: text('tier', { enum: paidTiers }).notNull(),
    /** Councils come from the register; other organisations by name and kind. */
    authorityCode: text('authority_code').references(() => localAuthorities.code, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull(),
    organisationKind: text('organisation_kind').notNull(),
    /** A councillors' group names the council it sits on. */
    sitsOnAuthorityCode: text('sits_on_authority_code').references(() => localAuthorities.code, { onDelete: 'set null' }),
    /** Lower-cased name or register code: one open application per organisation. */
    organisationKey: text('organisation_key').notNull(),
    details: jsonb('details').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    language: text('language').notNull().default('en'),
    status: text('status', { enum: applicationStatuses }).notNull().default('received'),
    decisionReason: text('decision_reason'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    membershipId: integer('membership_id'),
    /** The fee quoted on the form, so an administrator sees what the applicant saw. */
    quotedPence: integer('quoted_pence'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('membership_applications_status_check', sql.raw(`status IN (${sqlList(applicationStatuses)})`)),
    check('membership_applications_tier_check', sql.raw(`tier IN (${sqlList(paidTiers)})`)),
    uniqueIndex('membership_applications_open_unique')
      .on(t.organisationKey)
      .where(sql`status = 'received'`),
  ],
)

/** An organisation's membership in one tier; a tier change ends one and starts another. */
export const memberships = pgTable(
  'memberships',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    tier: text('tier', { enum: paidTiers }).notNull(),
    /** The status last recorded; the rules recompute it each day from dates and invoices. */
    status: text('status', { enum: membershipStatuses }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    memberSince: date('member_since', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    convertedFromId: integer('converted_from_id'),
    /** A councillors' group's council, from the register. */
    sitsOnAuthorityCode: text('sits_on_authority_code').references(() => localAuthorities.code, { onDelete: 'set null' }),
    contactPersonId: integer('contact_person_id').references(() => people.id, { onDelete: 'set null' }),
    /**
     * For members from before coophub kept their invoices: the last subscription year they had paid
     * for then. The status rules count it as a paid year, so they renew like everyone else.
     */
    paidThroughYear: integer('paid_through_year'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('memberships_status_check', sql.raw(`status IN (${sqlList(membershipStatuses)})`)),
    check('memberships_tier_check', sql.raw(`tier IN (${sqlList(paidTiers)})`)),
    index('memberships_organisation_idx').on(t.organisationId),
    // One membership at a time that has not ended.
    uniqueIndex('memberships_open_unique')
      .on(t.organisationId)
      .where(sql`status NOT IN ('lapsed', 'resigned', 'refused', 'converted')`),
  ],
)

/** Every change of a membership's status, with its reason and who or what made it. */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: serial('id').primaryKey(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_events_membership_idx').on(t.membershipId)],
)

/** The last number issued per year and series, locked while the next is taken: numbers without gaps. */
export const invoiceSequences = pgTable(
  'invoice_sequences',
  {
    year: integer('year').notNull(),
    series: text('series').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [unique('invoice_sequences_year_series_unique').on(t.year, t.series)],
)

/** An invoice as issued: never edited after, only marked paid or cancelled with a credit note. */
export const invoices = pgTable(
  'invoices',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(),
    year: integer('year').notNull(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: invoiceKinds }).notNull(),
    status: text('status', { enum: invoiceStatuses }).notNull().default('issued'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    poNumber: text('po_number'),
    currency: text('currency').notNull().default('GBP'),
    totalPence: integer('total_pence').notNull(),
    /** Who it is addressed to and from, as they were on the day: later changes leave it as issued. */
    billedTo: jsonb('billed_to').notNull(),
    issuer: jsonb('issuer').notNull(),
    feeScheduleId: integer('fee_schedule_id').references(() => feeSchedules.id, { onDelete: 'restrict' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paidPence: integer('paid_pence'),
    paymentMethod: text('payment_method', { enum: paymentMethods }),
    paymentReference: text('payment_reference'),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancellationReason: text('cancellation_reason'),
    creditNoteNumber: text('credit_note_number').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('invoices_status_check', sql.raw(`status IN (${sqlList(invoiceStatuses)})`)),
    check('invoices_kind_check', sql.raw(`kind IN (${sqlList(invoiceKinds)})`)),
    check('invoices_total_check', sql`${t.totalPence} >= 0`),
    check('invoices_paid_check', sql`${t.status} <> 'paid' OR (${t.paidOn} IS NOT NULL AND ${t.paidPence} > 0 AND ${t.paymentMethod} IS NOT NULL)`),
    check('invoices_cancelled_check', sql`${t.status} <> 'cancelled' OR (${t.cancelledOn} IS NOT NULL AND ${t.creditNoteNumber} IS NOT NULL)`),
    index('invoices_membership_idx').on(t.membershipId),
    // One renewal per membership and year, however often the run is repeated.
    uniqueIndex('invoices_renewal_unique')
      .on(t.membershipId, t.year)
      .where(sql`kind = 'renewal' AND status <> 'cancelled'`),
  ],
)

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: serial('id').primaryKey(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    /** Negative for a credit. */
    amountPence: integer('amount_pence').notNull(),
  },
  (t) => [unique('invoice_lines_position_unique').on(t.invoiceId, t.position)],
)

/**
 * The summer's request for a purchase-order number, answered through a single-use link that
 * needs no account. One per membership and year.
 */
export const purchaseOrderRequests = pgTable(
  'purchase_order_requests',
  {
    id: serial('id').primaryKey(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    poNumber: text('po_number'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('purchase_order_requests_membership_year_unique').on(t.membershipId, t.year)],
)

/**
 * A reminder or notice sent, by its rule's key (e.g. `unpaid-30:invoice:12`): the unique key is
 * what makes the daily job send each one once, however often it runs and on however many instances.
 */
export const membershipReminders = pgTable(
  'membership_reminders',
  {
    id: serial('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    invoiceId: integer('invoice_id').references(() => invoices.id, { onDelete: 'cascade' }),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    emailId: integer('email_id').references(() => emails.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('membership_reminders_kind_check', sql.raw(`kind IN (${sqlList(reminderKinds)})`))],
)
