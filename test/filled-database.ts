// A database with a row in every table, for tests that must see all of it (backup and restore):
// the demo content, then accounts, sessions, revisions, invoices, projects, votes and the rest
// through the factories and commands, and plain rows for what no factory makes.
import type { Database } from '../src/db/client.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { loadConfig } from '../src/config.ts'
import { createUser } from '../src/features/accounts/commands/create-user.ts'
import { newToken } from '../src/features/accounts/secrets.ts'
import { loadDemoContent } from '../src/features/demo/load-demo-content.ts'
import type pg from 'pg'
import { buildInvoice } from './invoices.ts'
import { buildRegisterCouncil } from './membership.ts'
import { buildVote, buildVoteCall } from './member-vote.ts'
import { buildFundedProject, submitFinalReport } from './projects.ts'
import { buildOrganisation } from './factories.ts'

async function one(pool: pg.Pool, query: string, values: unknown[] = []): Promise<number> {
  const result = await pool.query<{ id: number }>(query, values)
  return result.rows[0]?.id ?? 0
}

async function account(db: Database, role: 'admin' | 'editor' | 'officer', email: string, password?: string): Promise<number> {
  const created = await inTransaction(db, (tx) =>
    createUser(
      tx,
      { id: null, label: 'test' },
      { email, name: `Filled ${role}`, role, organisation: '', baseUrl: 'http://localhost', networkName: 'Test', ...(password ? { password } : {}) },
    ),
  )
  if (!created.ok) throw new Error(`Could not create ${email}: ${JSON.stringify(created.errors)}`)
  return created.value.userId
}

export async function fillEveryTable(db: Database, pool: pg.Pool): Promise<void> {
  await loadDemoContent(db)
  const admin = await account(db, 'admin', 'filled-admin@example.org', 'correct horse battery staple')
  await account(db, 'editor', 'filled-editor@example.org') // an invitation: account_tokens
  await pool.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [newToken().hash, admin])
  await pool.query(`INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ('filled@example.org', 2, now())`)

  const lead = await buildOrganisation(db, { name: 'Filled Borough Council', slug: 'filled-borough' })
  const { call, bid, project, reports } = await buildFundedProject(db, { leadOrganisationId: lead.id, partnerName: 'Filled Trust' })
  await submitFinalReport(db, project.id)
  const voteCall = await buildVoteCall(db, { leadOrganisationId: lead.id })
  await buildVote(db, voteCall.call.id)
  await buildInvoice(db, loadConfig({}))
  await buildRegisterCouncil(db, { code: 'FIL', name: 'Filled Borough Council', population: 123_456 })

  await pool.query(`INSERT INTO council_figures (authority_code, updated_by_label) VALUES ('FIL', 'test')`)
  const criterion = await one(pool, `INSERT INTO call_criteria (call_id, position, title, max_score) VALUES ($1, 1, 'Impact', 5) RETURNING id`, [call.id])
  await pool.query(`INSERT INTO call_assessors (call_id, user_id) VALUES ($1, $2)`, [call.id, admin])
  const assessment = await one(pool, `INSERT INTO assessments (bid_id, assessor_user_id) VALUES ($1, $2) RETURNING id`, [bid.id, admin])
  await pool.query(`INSERT INTO assessment_scores (assessment_id, criterion_id, score) VALUES ($1, $2, 4)`, [assessment, criterion])
  await pool.query(`INSERT INTO assessor_conflicts (bid_id, user_id, reason) VALUES ($1, $2, 'Works there')`, [bid.id, admin])
  await pool.query(`INSERT INTO bid_backings (bid_id, organisation_id) VALUES ($1, $2)`, [bid.id, lead.id])
  await pool.query(`INSERT INTO bid_comments (bid_id, author_label, body) VALUES ($1, 'test', 'Good “idea” — ✓')`, [bid.id])
  await pool.query(
    `INSERT INTO import_reviews (id, user_id, state, expires_at) VALUES ('filled', $1, '{"a": [1, 2.5, null], "b": "ŵ"}', now() + interval '1 day')`,
    [admin],
  )
  const membership = await one(pool, `SELECT id FROM memberships ORDER BY id LIMIT 1`)
  await pool.query(`INSERT INTO membership_reminders (dedupe_key, kind, membership_id, on_date) VALUES ('filled', 'renewal-notice', $1, '2026-08-01')`, [
    membership,
  ])
  await pool.query(`INSERT INTO purchase_order_requests (membership_id, year, token_hash, expires_at) VALUES ($1, 2026, $2, now())`, [
    membership,
    newToken().hash,
  ])
  const principle = await one(pool, `SELECT id FROM principles ORDER BY id LIMIT 1`)
  await pool.query(`INSERT INTO principle_revisions (principle_id, short_name, statement, position, source) VALUES ($1, 'Old', 'Old wording', 1, 'test')`, [
    principle,
  ])
  await pool.query(`INSERT INTO project_reminders (report_id, kind) VALUES ($1, 'report-overdue')`, [reports[0]!.id])
  await pool.query(`INSERT INTO rate_limit_counts (key, count, window_ends_at) VALUES ('password-reset:filled', 3, now() + interval '1 hour')`)
  const email = await one(pool, `SELECT id FROM emails ORDER BY id LIMIT 1`)
  await pool.query(`INSERT INTO email_attachments (email_id, filename, content_type, content) VALUES ($1, 'event.ics', 'text/calendar', 'BEGIN:VCALENDAR')`, [
    email,
  ])
  const registration = await one(pool, `SELECT r.id FROM event_registrations r ORDER BY r.id LIMIT 1`)
  const session = await one(
    pool,
    `SELECT s.id FROM event_sessions s JOIN event_registrations r ON r.event_id = s.event_id WHERE r.id = $1 ORDER BY s.id LIMIT 1`,
    [registration],
  )
  await pool.query(`INSERT INTO event_session_choices (registration_id, session_id, waiting) VALUES ($1, $2, true)`, [registration, session])
  await pool.query(
    `INSERT INTO event_feedback (registration_id, event_id, token_expires_at, answered_at, rating, useful, comments)
     SELECT id, event_id, now(), now(), 4, 'The maps — Diolch', 'Ŵyl' FROM event_registrations WHERE id = $1`,
    [registration],
  )
  const publication = await one(
    pool,
    `INSERT INTO publications (slug, title, language, period_from, period_to, options, document, pdf, pdf_bytes, pages, published_by_user_id, cover_image, cover_image_type)
     VALUES ('filled-pack-2025', 'Filled pack', 'cy', '2025-01-01', '2025-12-31', '{"order": "council"}', '{"sections": []}', '\\x255044462d', 5, 1, $1, '\\x89504e470d0a1a0a', 'image/png')
     RETURNING id`,
    [admin],
  )
  const caseStudy = await one(pool, `SELECT id FROM case_studies ORDER BY id LIMIT 1`)
  await pool.query(
    `INSERT INTO publication_case_studies (publication_id, position, case_study_id, revision_number, title) VALUES ($1, 1, $2, 1, 'Gŵyl — a title')`,
    [publication, caseStudy],
  )
  await pool.query(`INSERT INTO review_comments (case_study_id, revision_number, author_label, body) VALUES ($1, 1, 'test', 'Please add a contact.')`, [
    caseStudy,
  ])
}
