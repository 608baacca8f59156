import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { rawPost } from '../../../test/admin-support.ts'
import { type Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation, buildPerson, buildPrinciple } from '../../../test/factories.ts'
import { failedJob } from '../../../test/jobs.ts'
import type { Database } from '../../db/client.ts'
import { eventMaterials, users } from '../../db/schema/index.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { applyToJoin } from '../membership/commands/apply-to-join.ts'
import { buildMember, buildRegisterCouncil } from '../../../test/membership.ts'
import { buildInvoice } from '../../../test/invoices.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildVote, buildVoteCall } from '../../../test/member-vote.ts'
import { buildEvent } from '../../../test/events.ts'

// Every POST route of the admin pages, checked against the app's route table: a new write route
// without an entry here fails, so none escapes the CSRF and malformed-post checks.

/** Every field any admin form reads, with a plausible value. */
const allFields: Record<string, string> = {
  email: 'someone-new@example.org',
  name: 'Some Name',
  role: 'editor',
  organisation: 'writes-council',
  status: 'active',
  version: '2025-01-01T00:00:00.000Z',
  slug: '',
  kind: 'council',
  tier: 'full',
  councilType: '',
  nation: 'England',
  region: 'North West',
  gssCode: 'E07000178',
  website: 'https://example.org',
  verified: 'yes',
  shortName: 'A principle',
  statement: 'A statement.',
  position: '3',
  jobTitle: 'Officer',
  phone: '01632 960000',
  publishContact: 'yes',
  decision: 'refuse',
  reason: 'Not this year.',
  amount: '1250.00',
  'paidOn-day': '1',
  'paidOn-month': '9',
  'paidOn-year': '2026',
  method: 'bacs',
  reference: 'REMIT 1',
  year: '2019',
  order: 'council',
  language: 'en',
}

/** Rows a write could change, to show a refused request changed nothing. */
async function snapshot(db: Database): Promise<string> {
  const result = await db.execute(sql`SELECT
    (SELECT count(*) FROM audit_events WHERE action NOT IN ('signed-in', 'sign-in-failed'))::int AS audits,
    (SELECT count(*) FROM emails)::int AS emails,
    (SELECT json_agg(u ORDER BY id) FROM (SELECT id, email, name, role, status, organisation_id, updated_at FROM users) u) AS users,
    (SELECT json_agg(o ORDER BY id) FROM organisations o) AS organisations,
    (SELECT json_agg(p ORDER BY id) FROM principles p) AS principles,
    (SELECT json_agg(p ORDER BY id) FROM people p) AS people,
    (SELECT json_agg(i ORDER BY id) FROM invoices i) AS invoices,
    (SELECT json_agg(m ORDER BY id) FROM memberships m) AS memberships,
    (SELECT json_agg(c ORDER BY id) FROM calls c) AS calls,
    (SELECT json_agg(c ORDER BY call_id, position) FROM call_criteria c) AS criteria,
    (SELECT json_agg(a ORDER BY call_id, user_id) FROM call_assessors a) AS assessors,
    (SELECT json_agg(d ORDER BY bid_id) FROM bid_decisions d) AS decisions,
    (SELECT json_agg(v ORDER BY id) FROM votes v) AS votes,
    (SELECT json_agg(e ORDER BY id) FROM events e) AS events,
    (SELECT json_agg(s ORDER BY id) FROM event_sessions s) AS sessions,
    (SELECT json_agg(r ORDER BY id) FROM event_registrations r) AS registrations,
    (SELECT count(*) FROM principle_revisions)::int AS revisions,
    (SELECT count(*) FROM account_tokens)::int AS tokens`)
  return JSON.stringify(result.rows)
}

async function waitingApplication(db: Database): Promise<number> {
  const result = await inTransaction(db, (tx) =>
    applyToJoin(
      tx,
      {
        tier: 'affiliate',
        kind: 'company',
        authorityCode: null,
        sitsOnAuthorityCode: null,
        organisationName: 'Writes Ltd',
        contact: { name: 'Applicant', jobTitle: '', email: 'writes-applicant@example.org', phone: '' },
        sponsor: null,
        decisionMaker: null,
      },
      { language: 'en', network: 'T', baseUrl: 'http://localhost', quotedPence: null },
    ),
  )
  if (!result.ok) throw new Error('application failed')
  return result.value.id
}

describeEachDatabase('admin: every write route', (get) => {
  let admin: Agent
  let routes: Record<string, string>
  before(async () => {
    const db = get().handle.db
    const organisation = await buildOrganisation(db, { slug: 'writes-council' })
    const principle = await buildPrinciple(db)
    const person = await buildPerson(db)
    const invoice = await buildInvoice(db, get().config)
    const call = await buildCall(db, { status: 'draft' })
    const voteCall = (await buildVoteCall(db, { leadOrganisationId: organisation.id })).call
    await buildVote(db, voteCall.id, { status: 'draft' })
    ;({ agent: admin } = await signedInAgent(get().app, db, 'admin'))
    const invited = await admin.post('/admin/users', { email: 'invited-writes@example.org', name: 'Invited', role: 'editor', organisation: '' })
    assert.equal(invited.statusCode, 303)
    const [user] = await db.select().from(users).where(eq(users.email, 'invited-writes@example.org'))
    routes = {
      '/admin/users': '/admin/users',
      '/admin/users/:id': `/admin/users/${user!.id}`,
      '/admin/users/:id/resend-invitation': `/admin/users/${user!.id}/resend-invitation`,
      // Without `confirm` (no field above sends it) erasure only asks again: the account stays for the next routes.
      '/admin/users/:id/erase': `/admin/users/${user!.id}/erase`,
      '/admin/organisations': '/admin/organisations',
      '/admin/organisations/:id': `/admin/organisations/${organisation.id}`,
      '/admin/principles': '/admin/principles',
      '/admin/principles/:id': `/admin/principles/${principle.id}`,
      '/admin/contacts': '/admin/contacts',
      '/admin/contacts/:id': `/admin/contacts/${person.id}`,
      '/admin/membership/applications/:id/decision': `/admin/membership/applications/${await waitingApplication(db)}/decision`,
      '/admin/membership/renewals': '/admin/membership/renewals',
      '/admin/membership/figures/:code': await (async () => {
        await buildRegisterCouncil(db, { code: 'WRT', name: 'Writestown', population: 5000 })
        return '/admin/membership/figures/WRT'
      })(),
      '/admin/membership/members/:id/conversion': `/admin/membership/members/${(await buildMember(db, { name: 'Writes Group', tier: 'associate', kind: 'councillor-group' })).membership.id}/conversion`,
      '/admin/membership/invoices/:number/payment': `/admin/membership/invoices/${invoice.number}/payment`,
      '/admin/membership/invoices/:number/cancellation': `/admin/membership/invoices/${invoice.number}/cancellation`,
      '/admin/calls': '/admin/calls',
      '/admin/calls/:id': `/admin/calls/${call.id}`,
      '/admin/calls/:id/open': `/admin/calls/${call.id}/open`,
      '/admin/calls/:id/close': `/admin/calls/${call.id}/close`,
      '/admin/calls/:id/assessment/criteria': `/admin/calls/${call.id}/assessment/criteria`,
      '/admin/calls/:id/assessment/assessors': `/admin/calls/${call.id}/assessment/assessors`,
      '/admin/calls/:id/assessment/assessors/:userId/remove': `/admin/calls/${call.id}/assessment/assessors/${user!.id}/remove`,
      '/admin/calls/:id/panel/bids/:bidId': `/admin/calls/${call.id}/panel/bids/${(await buildBid(db, { callId: call.id, leadOrganisationId: organisation.id, status: 'submitted' })).id}`,
      '/admin/calls/:id/decided': `/admin/calls/${call.id}/decided`,
      '/admin/calls/:id/vote': `/admin/calls/${voteCall.id}/vote`,
      '/admin/calls/:id/vote/open': `/admin/calls/${voteCall.id}/vote/open`,
      '/admin/calls/:id/vote/close': `/admin/calls/${voteCall.id}/vote/close`,
      '/admin/calls/:id/vote/count': `/admin/calls/${voteCall.id}/vote/count`,
      '/admin/publications/packs/preview': '/admin/publications/packs/preview',
      '/admin/publications/packs': '/admin/publications/packs',
      ...(await (async () => {
        const { event, sessions } = await buildEvent(db, {
          title: 'Writes event',
          sessions: [{ title: 'Writes session', startsAt: new Date(Date.now() + 30 * 86_400_000), endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000) }],
        })
        const [material] = await db
          .insert(eventMaterials)
          .values({ eventId: event.id, kind: 'slides', title: 'Writes slides', url: 'https://example.org/slides.pdf' })
          .returning()
        return {
          '/admin/events': '/admin/events',
          '/admin/events/:id': `/admin/events/${event.id}`,
          '/admin/events/:id/sessions': `/admin/events/${event.id}/sessions`,
          '/admin/events/:id/sessions/:sessionId': `/admin/events/${event.id}/sessions/${sessions[0]!.id}`,
          '/admin/events/:id/attendees.csv': `/admin/events/${event.id}/attendees.csv`,
          '/admin/events/:id/message': `/admin/events/${event.id}/message`,
          '/admin/events/:id/attendance': `/admin/events/${event.id}/attendance`,
          '/admin/events/:id/sessions/:sessionId/case-study': `/admin/events/${event.id}/sessions/${sessions[0]!.id}/case-study`,
          '/admin/events/:id/materials': `/admin/events/${event.id}/materials`,
          '/admin/events/:id/materials/:materialId/remove': `/admin/events/${event.id}/materials/${material!.id}/remove`,
        }
      })()),
      '/admin/jobs/:id/retry': `/admin/jobs/${await failedJob(get().handle.pool, 'admin-writes', 'the mail server said no')}/retry`,
    }
  })

  it('covers every admin write route (the review queue has its own tests)', () => {
    const posts = get()
      .app.routeTable.filter((r) => r.method === 'POST' && r.url.startsWith('/admin') && !r.url.startsWith('/admin/review'))
      .map((r) => r.url)
      .sort()
    assert.deepEqual(posts, Object.keys(routes).sort())
  })

  it('refuses a POST without a valid CSRF token with 403, and changes nothing', async () => {
    const db = get().handle.db
    for (const url of Object.values(routes)) {
      const before = await snapshot(db)
      const missing = await admin.post(url, allFields, { csrf: false })
      assert.equal(missing.statusCode, 403, `${url} without a token`)
      assert.match(missing.body, /Your form could not be sent/)
      const forged = await admin.post(url, { ...allFields, _csrf: 'forged-token' })
      assert.equal(forged.statusCode, 403, `${url} with a forged token`)
      assert.equal(await snapshot(db), before, `${url} changed nothing`)
    }
  })

  it('never answers a malformed post with a server error', async () => {
    const token = await admin.csrf()
    const arrays = Object.fromEntries(Object.entries(allFields).map(([k, v]) => [k, [v, 'second value']]))
    const huge = {
      ...allFields,
      name: 'x'.repeat(100_000),
      statement: 's'.repeat(100_000),
      email: `${'e'.repeat(100_000)}@example.org`,
      website: `https://${'w'.repeat(100_000)}.org`,
    }
    const fieldNames = Object.keys(allFields)
    const bodies: Array<[string, Buffer | string, string?]> = [
      ['nothing but the token', ''],
      [
        'invalid UTF-8 bytes',
        Buffer.concat(fieldNames.map((f) => Buffer.concat([Buffer.from(`${f}=`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('&')]))),
      ],
      ['percent-encoded invalid UTF-8', fieldNames.map((f) => `${f}=%FF%FE%C3%28%E2%82`).join('&')],
      ['NUL and control characters', fieldNames.map((f) => `${f}=a%00b%07c%1B`).join('&')],
      ['empty names and stray separators', '&&=&==&name&role=&&'],
      [
        'JSON with the wrong types',
        JSON.stringify({ _csrf: token, name: { a: 1 }, role: ['admin'], status: 7, verified: true, position: 3.5, version: null }),
        'application/json',
      ],
      ['JSON that is not an object', '["a","b"]', 'application/json'],
      ['broken JSON', '{"name": ', 'application/json'],
      ['plain text', 'name=x', 'text/plain'],
    ]
    for (const url of Object.values(routes)) {
      for (const [label, payload, contentType] of bodies) {
        const res = await rawPost(get().app, admin, url, payload, { contentType, csrf: contentType === undefined })
        assert.ok(res.statusCode < 500, `${url}, ${label}: ${res.statusCode}`)
      }
      for (const [label, form] of [
        ['arrays instead of strings', arrays],
        ['100 KB values', huge],
        ['missing fields', {}],
      ] as const) {
        const res = await admin.post(url, form as Record<string, string | string[]>)
        assert.ok(res.statusCode < 500, `${url}, ${label}: ${res.statusCode}`)
        if (res.statusCode === 400) assert.match(res.body, /govuk-error-summary/, `${url}, ${label}: the form explains`)
      }
    }
  })
})
