// Every route that changes data, taken from the app's own route table: a POST without a valid CSRF
// token is refused with 403 and writes nothing, and no malformed body ever causes a 500.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../test/app.ts'
import { signedInAgent, type Agent } from '../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple } from '../../test/factories.ts'
import { databaseFingerprint } from '../../test/fingerprint.ts'
import { inTransaction } from '../db/unit-of-work.ts'
import { bidComments, bidParticipants, calls } from '../db/schema/index.ts'
import { applyToJoin } from './membership/commands/apply-to-join.ts'
import { buildInvoice } from '../../test/invoices.ts'
import { failedJob } from '../../test/jobs.ts'
import { buildBid, buildCall } from '../../test/co-production.ts'
import { buildVote } from '../../test/member-vote.ts'
import { eq } from 'drizzle-orm'
import { buildFundedProject } from '../../test/projects.ts'
import { buildEvent } from '../../test/events.ts'

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

describeEachDatabase('every write route', (get) => {
  let admin: Agent
  const ids: Record<string, string> = {}

  before(async () => {
    const { app, handle } = get()
    // The change log's housekeeping (pruning once a minute) writes on its own schedule, not the route's.
    app.pageCache.stop()
    const home = await buildOrganisation(handle.db, { slug: 'home-council', name: 'Home Council' })
    const principle = await buildPrinciple(handle.db, { slug: 'sharing', shortName: 'Sharing power' })
    const person = await buildPerson(handle.db, { organisationId: home.id })
    await buildCaseStudy(handle.db, { slug: 'target', title: 'Target', leadId: home.id, principleIds: [principle.id] })
    const signedIn = await signedInAgent(app, handle.db, 'admin')
    admin = signedIn.agent
    const application = await inTransaction(handle.db, (tx) =>
      applyToJoin(
        tx,
        {
          tier: 'supporter',
          kind: 'individual',
          authorityCode: null,
          sitsOnAuthorityCode: null,
          organisationName: 'Pat Applicant',
          contact: { name: 'Pat Applicant', jobTitle: '', email: 'pat@example.org', phone: '' },
          sponsor: null,
          decisionMaker: null,
        },
        { language: 'en', network: 'T', baseUrl: 'http://localhost', quotedPence: null },
      ),
    )
    if (application.ok) ids.applications = String(application.value.id)
    ids.invoices = (await buildInvoice(handle.db, get().config)).number
    ids.calls = String((await buildCall(handle.db, { slug: 'target', status: 'open' })).id)
    // Decided by a member vote, so that the vote's routes have a vote to refuse writes to.
    await handle.db
      .update(calls)
      .set({ decisionMethod: 'member-vote' })
      .where(eq(calls.id, Number(ids.calls)))
    await buildVote(handle.db, Number(ids.calls), { status: 'draft' })
    ids.bids = String((await buildBid(handle.db, { callId: Number(ids.calls), leadOrganisationId: home.id })).id)
    const [participant] = await handle.db
      .insert(bidParticipants)
      .values({ bidId: Number(ids.bids), name: 'Tenants association', role: 'partner' })
      .returning()
    ids.participants = String(participant!.id)
    const [comment] = await handle.db
      .insert(bidComments)
      .values({ bidId: Number(ids.bids), authorLabel: 'Someone', body: 'A comment' })
      .returning()
    ids.comments = String(comment!.id)
    const funded = await buildFundedProject(handle.db, { leadOrganisationId: home.id, title: 'Target' })
    ids.reports = String(funded.reports[0]!.id)
    await buildEvent(handle.db, { slug: 'target', title: 'Target event', capacity: 1 })
    Object.assign(ids, { organisations: String(home.id), principles: String(principle.id), contacts: String(person.id), users: String(signedIn.userId) })
    // A failed job for "Try again" (pg-boss's tables are outside the fingerprint: checked by itself below).
    ids.jobs = await failedJob(handle.pool, 'security-check', 'the mail server said no')
  })

  const jobState = async () =>
    (await get().handle.pool.query<{ state: string }>('SELECT state::text AS state FROM pgboss.job WHERE id = $1', [ids.jobs])).rows[0]?.state

  /** A real address for a route pattern: its parameters filled with rows made above. */
  const resolve = (url: string): string =>
    url
      .replace(':slug', 'target')
      .replace(/^\/bids\/:id/, () => `/bids/${ids.bids}`)
      .replace(/^\/assess\/bids\/:id/, () => `/assess/bids/${ids.bids}`)
      .replace(':bidId', () => ids.bids!)
      .replace(':userId', () => ids.users!)
      .replace(':participantId', () => ids.participants!)
      .replace(':commentId', () => ids.comments!)
      .replace(/^\/projects\/target\/reports\/:id/, () => `/projects/target/reports/${ids.reports}`)
      .replace(/^\/admin\/membership\/invoices\/:number/, `/admin/membership/invoices/${ids.invoices}`)
      .replace(':number', '1')
      .replace(':token', 'a'.repeat(43))
      .replace(/^\/admin\/membership\/(\w+)\/:id/, (_m, kind: string) => `/admin/membership/${kind}/${ids[kind] ?? '1'}`)
      .replace(/^\/admin\/(\w+)\/:id/, (_m, kind: string) => `/admin/${kind}/${ids[kind] ?? '1'}`)

  const writeRoutes = () =>
    get()
      .app.routeTable.filter((r) => writeMethods.has(r.method))
      .map((r) => ({ ...r, path: resolve(r.url) }))

  it('the route table has write routes to check', () => {
    assert.ok(writeRoutes().length >= 15, String(writeRoutes().length))
  })

  it('refuses every write without a valid CSRF token, with 403, and changes nothing', async () => {
    const { handle } = get()
    for (const route of writeRoutes()) {
      const before = await databaseFingerprint(handle.db)
      const missing = await admin.post(route.path, { title: 'Changed', name: 'Changed', comment: 'Changed', revision: '2', baseRevision: '1' }, { csrf: false })
      assert.equal(missing.statusCode, 403, `${route.method} ${route.url} without a token`)
      const forged = await admin.post(route.path, { _csrf: 'not-a-real-token', title: 'Changed', name: 'Changed' })
      assert.equal(forged.statusCode, 403, `${route.method} ${route.url} with a forged token`)
      assert.deepEqual(await databaseFingerprint(handle.db), before, `${route.method} ${route.url} wrote something`)
    }
    assert.equal(await jobState(), 'failed', 'the failed job was not tried again')
  })

  it('answers every malformed body without a 500', async () => {
    const { app } = get()
    const token = await admin.csrf()
    const cookie = ['coophub_session', 'coophub_csrf'].map((name) => `${name}=${admin.cookie(name)}`).join('; ')
    const big = 'x'.repeat(100_000)
    const bodies: Array<[string, string, string | Buffer]> = [
      ['empty form', 'application/x-www-form-urlencoded', `_csrf=${token}`],
      [
        'arrays everywhere',
        'application/x-www-form-urlencoded',
        `_csrf=${token}&title=a&title=b&name=a&name=b&kind=x&kind=y&email=a&email=b&comment=a&comment=b&revision=a&revision=b&baseRevision=1&baseRevision=2&principles=a&lead=1&lead=2`,
      ],
      [
        'huge values',
        'application/x-www-form-urlencoded',
        `_csrf=${token}&title=${big}&name=${big}&summary=${big}&body=${big}&comment=${big}&email=${big}&statement=${big}&revision=${big}`,
      ],
      [
        'invalid UTF-8',
        'application/x-www-form-urlencoded',
        Buffer.concat([Buffer.from(`_csrf=${token}&title=`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('&name=%FF%FE%C3%28&email=%E0%A4%A')]),
      ],
      ['NUL bytes', 'application/x-www-form-urlencoded', `_csrf=${token}&title=a%00b&name=a%00b&email=a%00b@x.org&comment=%00&body=%00`],
      [
        'wrong types',
        'application/x-www-form-urlencoded',
        `_csrf=${token}&revision=-1&baseRevision=1e999&yearStart=99999999999999999999&position=NaN&role=root&tier=gold`,
      ],
      ['JSON instead of a form', 'application/json', JSON.stringify({ _csrf: token, title: { nested: true }, name: [1, 2] })],
      ['broken JSON', 'application/json', '{"_csrf": '],
      ['an unknown content type', 'text/csv', 'a,b\n1,2'],
    ]
    for (const route of writeRoutes()) {
      for (const [name, contentType, payload] of bodies) {
        const res = await app.inject({ method: 'POST', url: route.path, headers: { cookie, 'content-type': contentType }, payload })
        assert.ok(res.statusCode < 500, `${route.method} ${route.url} with ${name} answered ${res.statusCode}`)
      }
    }
  })
})
