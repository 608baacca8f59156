// Every column in the schema that points at an account (users.id), and what a person's export
// takes from its rows. Decided by hand for each, so that a new table cannot leak a secret into an
// export (a token hash) nor be left out: sources.test.ts fails when the schema has a reference to
// users that is not listed here.
import { getTableColumns } from 'drizzle-orm'
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core'
import * as schema from '../../db/schema/index.ts'

export interface PersonalDataSource {
  /** The rows' heading in the export. */
  section: string
  /** Columns (as the rows name them) left out: secrets that are no use to the person. */
  withhold?: string[]
}

/** "table.column" of each reference to users.id. */
export const personalDataSources: Record<string, PersonalDataSource> = {
  'sessions.user_id': { section: 'sessions', withhold: ['id'] },
  'account_tokens.user_id': { section: 'accountLinks', withhold: ['tokenHash'] },
  'audit_events.actor_user_id': { section: 'auditEntriesByThem' },
  'case_study_revisions.author_user_id': { section: 'caseStudyRevisions' },
  'review_comments.author_user_id': { section: 'reviewComments' },
  'principle_revisions.changed_by_user_id': { section: 'principleRevisions' },
  'import_reviews.user_id': { section: 'importReviews' },
  'membership_applications.decided_by_user_id': { section: 'membershipApplicationsDecided' },
  'membership_events.actor_user_id': { section: 'membershipEvents' },
  'fee_schedules.imported_by_user_id': { section: 'feeSchedulesImported' },
  'calls.created_by_user_id': { section: 'callsCreated' },
  'call_assessors.user_id': { section: 'assessorOf' },
  'call_assessors.added_by_user_id': { section: 'assessorsAdded' },
  'assessor_conflicts.user_id': { section: 'assessorConflicts' },
  'assessments.assessor_user_id': { section: 'assessments' },
  'bids.created_by_user_id': { section: 'bids' },
  'bid_versions.author_user_id': { section: 'bidVersions' },
  'bid_participants.invited_by_user_id': { section: 'bidParticipantsInvited' },
  'bid_backings.user_id': { section: 'bidBackings' },
  'bid_comments.author_user_id': { section: 'bidComments' },
  'bid_comments.hidden_by_user_id': { section: 'bidCommentsHidden' },
  'bid_decisions.decided_by_user_id': { section: 'bidDecisions' },
  // That they voted, never how: ballots have no link to a voter.
  'vote_voters.cast_by_user_id': { section: 'votesTakenPartIn' },
  'votes.counted_by_user_id': { section: 'votesCounted' },
  'project_reports.submitted_by_user_id': { section: 'projectReports' },
  // The pack's PDF and frozen content are the network's publication, not the person's data.
  'publications.published_by_user_id': { section: 'publicationsPublished', withhold: ['pdf', 'document'] },
  // Their registrations, needs included (theirs to see); the links' token hashes are no use to them.
  'event_registrations.user_id': { section: 'eventRegistrations', withhold: ['manageTokenHash', 'feedTokenHash'] },
}

export interface UserReference {
  key: string
  table: PgTable
  column: PgColumn
}

/** The schema's columns that reference users.id, read from the Drizzle tables themselves. */
export function userReferences(): UserReference[] {
  const found: UserReference[] = []
  for (const table of Object.values(schema)) {
    if (!(table instanceof PgTable)) continue
    const config = getTableConfig(table)
    for (const foreignKey of config.foreignKeys) {
      const reference = foreignKey.reference()
      if (getTableConfig(reference.foreignTable).name !== 'users') continue
      for (const column of reference.columns) found.push({ key: `${config.name}.${column.name}`, table, column })
    }
  }
  return found
}

/**
 * Columns that record who did something as text (author_label, actor_label, imported_by_label…):
 * the person's email or name at the time, kept when an account goes. Erasure rewrites them.
 */
export function actorLabelColumns(): Array<{ table: PgTable; column: PgColumn; key: string; tableName: string }> {
  const found: Array<{ table: PgTable; column: PgColumn; key: string; tableName: string }> = []
  for (const table of Object.values(schema)) {
    if (!(table instanceof PgTable)) continue
    const tableName = getTableConfig(table).name
    for (const [key, column] of Object.entries(getTableColumns(table))) if (column.name.endsWith('_label')) found.push({ table, column, key, tableName })
  }
  return found
}
