import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { caseStudies } from './case-studies.ts'
import { bids, calls } from './co-production.ts'
import { milestoneStatuses, projectReminderKinds, projectReportKinds, projectStatuses, sqlList } from './enums.ts'
import { organisations } from './organisations.ts'

/** A funded bid, carried out: public at /projects/:slug. Its working group is the bid's. */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .unique()
      .references(() => bids.id, { onDelete: 'restrict' }),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Null for a project led by a person (a resident, in a member's own process). */
    leadOrganisationId: integer('lead_organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    budgetPence: bigint('budget_pence', { mode: 'number' }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: projectStatuses }).notNull().default('underway'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The case study its learning became, once someone turned it into one. */
    caseStudyId: integer('case_study_id')
      .unique()
      .references(() => caseStudies.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('projects_status_check', sql.raw(`status IN (${sqlList(projectStatuses)})`)),
    check('projects_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('projects_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('projects_budget_check', sql`${t.budgetPence} > 0`),
    check('projects_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    check('projects_revision_check', sql`${t.revision} >= 1`),
    index('projects_lead_idx').on(t.leadOrganisationId),
    index('projects_call_idx').on(t.callId),
  ],
)

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: milestoneStatuses }).notNull().default('not-started'),
  },
  (t) => [
    unique('project_milestones_position_unique').on(t.projectId, t.position),
    check('project_milestones_status_check', sql.raw(`status IN (${sqlList(milestoneStatuses)})`)),
  ],
)

/**
 * A report the lead owes: a row exists from the day it is scheduled (so reminders can find it),
 * and is filled in when the lead submits it.
 */
export const projectReports = pgTable(
  'project_reports',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: projectReportKinds }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Markdown: what happened since the last report. */
    whatHappened: text('what_happened').notNull().default(''),
    /** Markdown: what changed because of it (the final report's outcomes feed the case study). */
    outcomes: text('outcomes').notNull().default(''),
    spendToDatePence: bigint('spend_to_date_pence', { mode: 'number' }),
    /** Each milestone's status as the report gave it: [{ "milestoneId", "status" }]. */
    milestoneStatuses: jsonb('milestone_statuses').notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByUserId: integer('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('project_reports_kind_check', sql.raw(`kind IN (${sqlList(projectReportKinds)})`)),
    check('project_reports_spend_check', sql`${t.spendToDatePence} IS NULL OR ${t.spendToDatePence} >= 0`),
    check('project_reports_submitted_check', sql`${t.submittedAt} IS NULL OR ${t.spendToDatePence} IS NOT NULL`),
    index('project_reports_project_idx').on(t.projectId),
    index('project_reports_due_idx').on(t.dueOn),
  ],
)

/** Reminders sent about a report, one of each kind at most (the daily job may run twice). */
export const projectReminders = pgTable(
  'project_reminders',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => projectReports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: projectReminderKinds }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.kind] }), check('project_reminders_kind_check', sql.raw(`kind IN (${sqlList(projectReminderKinds)})`))],
)
