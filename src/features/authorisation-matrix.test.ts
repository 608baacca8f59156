// Who may do each write, checked for real: every route that changes data × {anonymous, officer
// of the owning organisation, officer of another organisation, editor, administrator}. The
// matrix must list exactly the write routes in the app's route table, so a new write route
// without an entry here fails this test.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase, type TestApp } from '../../test/app.ts'
import { failedJob } from '../../test/jobs.ts'
import { Agent, agentWithSession, organisationId, testPassword } from '../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple } from '../../test/factories.ts'
import { bidBackings, bidComments, bidParticipants, caseStudies, organisations, people, principles, purchaseOrderRequests, users } from '../db/schema/index.ts'
import { newToken } from './accounts/secrets.ts'
import { buildMember, buildRegisterCouncil, loadExampleSchedule } from '../../test/membership.ts'
import { currentYear } from './membership/cli/commands.ts'

/** The databases the example fee schedule is loaded into (one per database kind). */
const scheduleLoaded = new WeakSet<object>()
import { versionOf } from '../lib/row-version.ts'
import { createUser } from './accounts/commands/create-user.ts'
import { inTransaction } from '../db/unit-of-work.ts'
import { saveCaseStudy } from './case-studies/commands/save-case-study.ts'
import { snapshotFromRow } from './case-studies/revisions.ts'
import { applyToJoin } from './membership/commands/apply-to-join.ts'
import { buildInvoice } from '../../test/invoices.ts'
import { londonDate } from './membership/rules/subscription-year.ts'
import { buildBid, buildCall } from '../../test/co-production.ts'
import { assessorConflicts, callAssessors, callCriteria } from '../db/schema/index.ts'
import { criteriaFingerprint } from './assessment/rules/criteria.ts'
import { buildVote, buildVoteCall } from '../../test/member-vote.ts'
import { buildFundedProject, submitFinalReport } from '../../test/projects.ts'
import { eventFeedback, eventMaterials, eventRegistrations, eventSessionChoices, projects } from '../db/schema/index.ts'
import { buildEvent, inDays } from '../../test/events.ts'
import { calls as callRows, events as eventRows } from '../db/schema/index.ts'

type Actor = 'anonymous' | 'ownOfficer' | 'otherOfficer' | 'editor' | 'admin'
type Outcome = 'sign-in' | 'forbidden' | 'not-found' | 'ok'
const actors: Actor[] = ['anonymous', 'ownOfficer', 'otherOfficer', 'editor', 'admin']

interface Cell {
  path: string
  form: Record<string, string | string[]>
}

interface Entry {
  route: string
  /** Fresh rows for one actor's attempt, so every cell starts from the same state. */
  prepare: (t: TestApp, actor: Actor, agent: Agent) => Promise<Cell>
  expect: Record<Actor, Outcome>
}

const everyone: Record<Actor, Outcome> = { anonymous: 'ok', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'ok', admin: 'ok' }
const signedIn: Record<Actor, Outcome> = { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'ok', admin: 'ok' }
const ownersAndEditors: Record<Actor, Outcome> = { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'forbidden', editor: 'ok', admin: 'ok' }
const editors: Record<Actor, Outcome> = { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'forbidden', editor: 'ok', admin: 'ok' }
const admins: Record<Actor, Outcome> = { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'forbidden', editor: 'forbidden', admin: 'ok' }

/** The annual pack of 2019: only this matrix's own case studies fall in it, so typesetting stays quick. */
const packForm = { year: '2019', kinds: ['case-studies'], order: 'council', language: 'en', matters: [] as string[] }

let n = 0
const unique = (prefix: string) => `${prefix}-${++n}`

let home = 0
const caseStudyForm = (title: string) => ({
  title,
  summary: 'A summary.',
  kind: 'project',
  yearStart: '2022',
  lead: String(home),
  body: 'The story.',
  action: 'save',
})

async function ownedCaseStudy(t: TestApp, status: 'draft' | 'published' = 'draft') {
  return buildCaseStudy(t.handle.db, { slug: unique('matrix'), title: 'Matrix case', leadId: home, status })
}

async function invitedUser(t: TestApp): Promise<{ id: number; link: string }> {
  const email = `${unique('invitee')}@example.org`
  const result = await inTransaction(t.handle.db, (tx) =>
    createUser(tx, { id: null, label: 'test' }, { email, name: 'Invitee', role: 'editor', organisation: '', baseUrl: 'http://localhost', networkName: 'T' }),
  )
  if (!result.ok) throw new Error('invite failed')
  return { id: result.value.userId, link: result.value.invitationLink! }
}

/** The organisers' event form for a day a month from now, 10:00 to 16:00 in London. */
function eventForm(title: string): Record<string, string> {
  const day = londonDate(new Date(Date.now() + 30 * 86_400_000))
  return {
    title,
    kind: 'conference',
    status: 'published',
    date: day,
    startTime: '10:00',
    endTime: '16:00',
    venueName: 'Hall',
    offerHours: '48',
    eraseNeedsAfterDays: '30',
  }
}

/** A session inside an event built by buildEvent (which starts at 09:00 UTC and lasts seven hours). */
function sessionForm(eventStart: Date): Record<string, string> {
  return { title: 'A session', date: londonDate(eventStart), startTime: '11:00', endTime: '12:00', room: unique('Room') }
}

/** A registration for a fresh event and its change-or-cancel link. */
async function registrationLink(t: TestApp, status: 'confirmed' | 'offered'): Promise<string> {
  const { event } = await buildEvent(t.handle.db, { title: unique('Matrix registration') })
  const manage = newToken()
  await t.handle.db.insert(eventRegistrations).values({
    eventId: event.id,
    name: 'Registrant',
    email: `${unique('registered')}@example.org`,
    status,
    offerExpiresAt: status === 'offered' ? new Date(Date.now() + 86_400_000) : null,
    manageTokenHash: manage.hash,
    manageTokenExpiresAt: event.endsAt,
    feedTokenHash: newToken().hash,
  })
  return manage.token
}

/** A confirmed registrant's link, with a place offered to them from a session's waiting list. */
async function sessionOfferLink(t: TestApp): Promise<{ token: string; sessionId: number }> {
  const { event, sessions } = await buildEvent(t.handle.db, {
    title: unique('Matrix session offer'),
    sessions: [{ title: 'Small room', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 1 }],
  })
  const manage = newToken()
  const [row] = await t.handle.db
    .insert(eventRegistrations)
    .values({
      eventId: event.id,
      name: 'Registrant',
      email: `${unique('offered-session')}@example.org`,
      status: 'confirmed',
      manageTokenHash: manage.hash,
      manageTokenExpiresAt: event.endsAt,
      feedTokenHash: newToken().hash,
    })
    .returning()
  await t.handle.db
    .insert(eventSessionChoices)
    .values({ registrationId: row!.id, sessionId: sessions[0]!.id, offerExpiresAt: new Date(Date.now() + 86_400_000) })
  return { token: manage.token, sessionId: sessions[0]!.id }
}

/** An application to join, waiting for a decision. */
async function receivedApplication(t: TestApp): Promise<number> {
  const name = unique('Waiting charity')
  const result = await inTransaction(t.handle.db, (tx) =>
    applyToJoin(
      tx,
      {
        tier: 'affiliate',
        kind: 'charity',
        authorityCode: null,
        sitsOnAuthorityCode: null,
        organisationName: name,
        contact: { name: 'Applicant', jobTitle: '', email: `${unique('applicant')}@example.org`, phone: '' },
        sponsor: null,
        decisionMaker: null,
      },
      { language: 'en', network: 'T', baseUrl: 'http://localhost', quotedPence: null },
    ),
  )
  if (!result.ok) throw new Error('application failed')
  return result.value.id
}

/** A valid call form, as an administrator fills it in. */
const callForm = (title: string, revision = ''): Record<string, string> => ({
  title,
  kind: 'policy-prototype',
  pot: '15,000',
  cap: '2,000',
  decisionMethod: 'assessment',
  'opensOn-day': '1',
  'opensOn-month': '2',
  'opensOn-year': '2027',
  'closesOn-day': '20',
  'closesOn-month': '3',
  'closesOn-year': '2027',
  revision,
})

/** A draft bid led by the home council with the away council invited into its working group: the participant's address. */
async function invitedAway(t: TestApp): Promise<string> {
  const bid = await buildBid(t.handle.db, { callId: (await buildCall(t.handle.db)).id, leadOrganisationId: home })
  const [row] = await t.handle.db
    .insert(bidParticipants)
    .values({ bidId: bid.id, organisationId: await organisationId(t.handle.db, 'away-council'), role: 'member' })
    .returning()
  return `/bids/${bid.id}/working-group/${row!.id}`
}

/** A submitted bid led by the home council, to a new open call. */
async function submittedHomeBid(t: TestApp) {
  return buildBid(t.handle.db, { callId: (await buildCall(t.handle.db)).id, leadOrganisationId: home, status: 'submitted' })
}

/** An event whose call for sessions has a submitted proposal led by the home council: the address of the proposal on the event. */
async function proposedSession(t: TestApp): Promise<{ path: string; bidId: number }> {
  const bid = await submittedHomeBid(t)
  await t.handle.db.update(callRows).set({ kind: 'event-session' }).where(eq(callRows.id, bid.callId))
  const { event } = await buildEvent(t.handle.db, { title: unique('Matrix agenda') })
  await t.handle.db.update(eventRows).set({ callId: bid.callId }).where(eq(eventRows.id, event.id))
  return { path: `/events/${event.slug}/proposals/${bid.id}`, bidId: bid.id }
}

/**
 * A closed call with one criterion and a bid led by the home council, assessed by every officer of
 * both councils: the home council's are conflicted (their organisation leads it), the away council's may score.
 */
async function assessedBid(t: TestApp): Promise<{ bidId: number; criterionId: number }> {
  const call = await buildCall(t.handle.db, { status: 'closed' })
  const [criterion] = await t.handle.db.insert(callCriteria).values({ callId: call.id, position: 0, title: 'Reach', maxScore: 5 }).returning()
  const bid = await buildBid(t.handle.db, { callId: call.id, leadOrganisationId: home, status: 'submitted' })
  const officers = await t.handle.db.select({ id: users.id }).from(users).where(eq(users.role, 'officer'))
  await t.handle.db.insert(callAssessors).values(officers.map((o) => ({ callId: call.id, userId: o.id })))
  return { bidId: bid.id, criterionId: criterion!.id }
}

/** An active account to make an assessor. */
async function activeAccount(t: TestApp): Promise<string> {
  const email = `${unique('assessor')}@example.org`
  await inTransaction(t.handle.db, (tx) =>
    createUser(
      tx,
      { id: null, label: 'test' },
      { email, name: 'A', role: 'editor', organisation: '', password: testPassword, baseUrl: 'http://localhost', networkName: 'T' },
    ),
  )
  return email
}

const matrix: Entry[] = [
  {
    route: 'POST /sign-in',
    async prepare(t) {
      const email = `${unique('signer')}@example.org`
      await inTransaction(t.handle.db, (tx) =>
        createUser(
          tx,
          { id: null, label: 'test' },
          { email, name: 'S', role: 'editor', organisation: '', password: testPassword, baseUrl: 'http://localhost', networkName: 'T' },
        ),
      )
      return { path: '/sign-in', form: { email, password: testPassword } }
    },
    expect: everyone,
  },
  { route: 'POST /sign-out', prepare: async () => ({ path: '/sign-out', form: {} }), expect: everyone },
  {
    // Public: anyone may apply to join, signed in or not.
    route: 'POST /join',
    prepare: async () => ({
      path: '/join',
      form: {
        tier: 'affiliate',
        'kind-affiliate': 'charity',
        organisationName: unique('Applicant charity'),
        contactName: 'Applicant',
        contactEmail: `${unique('applicant')}@example.org`,
        consent: 'yes',
      },
    }),
    expect: everyone,
  },
  {
    // Public: the link is the key (a council's finance contact has no account).
    route: 'POST /purchase-orders/:token',
    async prepare(t) {
      const { token, hash } = newToken()
      const member = await buildMember(t.handle.db, { name: unique('PO council'), tier: 'full', email: `${unique('po')}@example.org` })
      await t.handle.db
        .insert(purchaseOrderRequests)
        .values({ membershipId: member.membership.id, year: 2099, tokenHash: hash, expiresAt: new Date(Date.now() + 86_400_000) })
      return { path: `/purchase-orders/${token}`, form: { poNumber: 'PO-1' } }
    },
    expect: everyone,
  },
  {
    // Public: anyone may register for a public event, with an account or without.
    route: 'POST /events/:slug/register',
    prepare: async (t) => ({
      path: `/events/${(await buildEvent(t.handle.db, { title: unique('Matrix event') })).event.slug}/register`,
      form: { name: 'Registrant', email: `${unique('registrant')}@example.org` },
    }),
    expect: everyone,
  },
  {
    // Public: the emailed link is the key (a registrant may have no account).
    route: 'POST /events/manage/:token/cancel',
    prepare: async (t) => ({ path: `/events/manage/${await registrationLink(t, 'confirmed')}/cancel`, form: {} }),
    expect: everyone,
  },
  {
    route: 'POST /events/manage/:token/accept',
    prepare: async (t) => ({ path: `/events/manage/${await registrationLink(t, 'offered')}/accept`, form: {} }),
    expect: everyone,
  },
  {
    route: 'POST /events/manage/:token/change',
    prepare: async (t) => ({ path: `/events/manage/${await registrationLink(t, 'confirmed')}/change`, form: { revision: '1', dietaryNeeds: 'Vegan' } }),
    expect: everyone,
  },
  {
    route: 'POST /events/manage/:token/accept-session',
    async prepare(t) {
      const { token, sessionId } = await sessionOfferLink(t)
      return { path: `/events/manage/${token}/accept-session`, form: { sessionId: String(sessionId) } }
    },
    expect: everyone,
  },
  {
    // Public: the emailed link is the key (an attendee may have no account).
    route: 'POST /events/feedback/:token',
    async prepare(t) {
      const { event } = await buildEvent(t.handle.db, { title: unique('Matrix feedback'), startsAt: inDays(-2, 9) })
      const [registration] = await t.handle.db
        .insert(eventRegistrations)
        .values({ eventId: event.id, name: 'Attendee', email: `${unique('attendee')}@example.org`, status: 'confirmed', feedTokenHash: newToken().hash })
        .returning()
      const link = newToken()
      await t.handle.db
        .insert(eventFeedback)
        .values({ registrationId: registration!.id, eventId: event.id, tokenHash: link.hash, tokenExpiresAt: new Date(Date.now() + 86_400_000) })
      return { path: `/events/feedback/${link.token}`, form: { rating: '4' } }
    },
    expect: everyone,
  },
  { route: 'POST /password-reset', prepare: async () => ({ path: '/password-reset', form: { email: `${unique('reset')}@example.org` } }), expect: everyone },
  {
    route: 'POST /account/set-password/:token',
    async prepare(t) {
      const { link } = await invitedUser(t)
      return { path: new URL(link).pathname, form: { password: 'a new long passphrase', confirm: 'a new long passphrase' } }
    },
    expect: everyone,
  },
  { route: 'POST /case-studies/new', prepare: async () => ({ path: '/case-studies/new', form: caseStudyForm(unique('New work')) }), expect: signedIn },
  {
    route: 'POST /case-studies/:slug/edit',
    async prepare(t) {
      const cs = await ownedCaseStudy(t)
      return { path: `/case-studies/${cs.slug}/edit`, form: { ...caseStudyForm('Edited'), baseRevision: String(cs.revision) } }
    },
    expect: ownersAndEditors,
  },
  {
    route: 'POST /case-studies/:slug/history/:number/restore',
    async prepare(t) {
      const cs = await ownedCaseStudy(t)
      const snapshot = (await snapshotFromRow(t.handle.db, cs.id))!
      await inTransaction(t.handle.db, (tx) =>
        saveCaseStudy(tx, { id: null, label: 'test' }, { caseStudyId: cs.id, baseRevision: cs.revision, snapshot: { ...snapshot, title: 'Second' } }),
      )
      return { path: `/case-studies/${cs.slug}/history/1/restore`, form: { baseRevision: String(cs.revision + 1) } }
    },
    expect: ownersAndEditors,
  },
  {
    route: 'POST /admin/review/:slug/publish',
    async prepare(t) {
      const cs = await ownedCaseStudy(t)
      return { path: `/admin/review/${cs.slug}/publish`, form: { revision: String(cs.revision) } }
    },
    expect: editors,
  },
  {
    route: 'POST /admin/review/:slug/request-changes',
    async prepare(t) {
      const cs = await ownedCaseStudy(t)
      await t.handle.db.update(caseStudies).set({ reviewState: 'submitted', submittedAt: new Date() }).where(eq(caseStudies.id, cs.id))
      return { path: `/admin/review/${cs.slug}/request-changes`, form: { revision: String(cs.revision), comment: 'Please add figures.' } }
    },
    expect: editors,
  },
  {
    route: 'POST /admin/review/:slug/unpublish',
    prepare: async (t) => ({ path: `/admin/review/${(await ownedCaseStudy(t, 'published')).slug}/unpublish`, form: {} }),
    expect: editors,
  },
  {
    route: 'POST /admin/review/:slug/archive',
    prepare: async (t) => ({ path: `/admin/review/${(await ownedCaseStudy(t, 'published')).slug}/archive`, form: {} }),
    expect: editors,
  },
  {
    route: 'POST /import',
    prepare: async () => ({ path: '/import', form: { text: `${unique('Garden')}\n\nResidents of the estate grew food together on an old car park.` } }),
    expect: signedIn,
  },
  {
    route: 'POST /import/save',
    // The review the form saves is kept on the server for the person who imported the document.
    async prepare(_t, actor, agent) {
      const title = unique('Imported work')
      const page = actor === 'anonymous' ? null : await agent.post('/import', { text: `${title}\n\nNeighbours ran a tool library.` })
      const review = page ? (/name="review" value="([^"]+)"/.exec(page.body)?.[1] ?? '') : ''
      return { path: '/import/save', form: { ...caseStudyForm(title), review } }
    },
    expect: signedIn,
  },
  {
    route: 'POST /account/submission-emails',
    prepare: async () => ({ path: '/account/submission-emails', form: { submissionEmails: 'hourly' } }),
    expect: editors,
  },
  { route: 'POST /account/language', prepare: async () => ({ path: '/account/language', form: { language: 'cy' } }), expect: signedIn },
  { route: 'POST /account/sign-out-everywhere', prepare: async () => ({ path: '/account/sign-out-everywhere', form: {} }), expect: signedIn },
  {
    route: 'POST /admin/users',
    prepare: async () => ({
      path: '/admin/users',
      form: { email: `${unique('invited')}@example.org`, name: 'Invited', role: 'officer', organisation: 'home-council' },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/users/:id/erase',
    async prepare(t) {
      const { id } = await invitedUser(t)
      return { path: `/admin/users/${id}/erase`, form: { confirm: 'yes' } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/users/:id',
    async prepare(t) {
      const { id } = await invitedUser(t)
      const [row] = await t.handle.db.select().from(users).where(eq(users.id, id))
      return { path: `/admin/users/${id}`, form: { name: 'Renamed', role: 'editor', organisation: '', status: 'active', version: versionOf(row!.updatedAt) } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/users/:id/resend-invitation',
    prepare: async (t) => ({ path: `/admin/users/${(await invitedUser(t)).id}/resend-invitation`, form: {} }),
    expect: admins,
  },
  {
    route: 'POST /admin/organisations',
    prepare: async () => ({
      path: '/admin/organisations',
      form: {
        name: unique('New Org'),
        slug: '',
        kind: 'organisation',
        tier: 'affiliate',
        nation: 'England',
        region: 'London',
        councilType: '',
        gssCode: '',
        website: '',
      },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/organisations/:id',
    async prepare(t) {
      const org = await buildOrganisation(t.handle.db, { slug: unique('org') })
      const [row] = await t.handle.db.select().from(organisations).where(eq(organisations.id, org.id))
      return {
        path: `/admin/organisations/${org.id}`,
        form: {
          name: 'Renamed Org',
          slug: row!.slug,
          kind: 'council',
          tier: 'full',
          nation: 'England',
          region: 'London',
          councilType: '',
          gssCode: '',
          website: '',
          verified: 'yes',
          version: versionOf(row!.updatedAt),
        },
      }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/principles',
    prepare: async () => ({ path: '/admin/principles', form: { shortName: unique('Principle'), slug: '', statement: 'We will do it.', position: '' } }),
    expect: admins,
  },
  {
    route: 'POST /admin/principles/:id',
    async prepare(t) {
      const p = await buildPrinciple(t.handle.db, { slug: unique('principle') })
      const [row] = await t.handle.db.select().from(principles).where(eq(principles.id, p.id))
      return {
        path: `/admin/principles/${p.id}`,
        form: { shortName: unique('Reworded'), slug: row!.slug, statement: 'Reworded.', position: String(row!.position), version: versionOf(row!.updatedAt) },
      }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/membership/applications/:id/decision',
    async prepare(t) {
      const id = await receivedApplication(t)
      return { path: `/admin/membership/applications/${id}/decision`, form: { decision: 'refuse', reason: 'Not this year.' } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/membership/members/:id/conversion',
    async prepare(t) {
      if (!scheduleLoaded.has(t.handle.db)) await loadExampleSchedule(t.handle.db, currentYear(t.config))
      scheduleLoaded.add(t.handle.db)
      const code = unique('CV').toUpperCase()
      await buildRegisterCouncil(t.handle.db, { code, name: unique('Convertown'), population: 100_000 })
      const group = await buildMember(t.handle.db, {
        name: unique('Group'),
        tier: 'associate',
        kind: 'councillor-group',
        paidThroughYear: currentYear(t.config),
      })
      return { path: `/admin/membership/members/${group.membership.id}/conversion`, form: { council: code } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/membership/figures/:code',
    async prepare(t) {
      const code = unique('FG').replace('-', '').toUpperCase()
      await buildRegisterCouncil(t.handle.db, { code, name: unique('Figtown'), population: 1000 })
      return { path: `/admin/membership/figures/${code}`, form: { population: '1200', populationYear: '2024', populationSource: 'ONS' } }
    },
    expect: admins,
  },
  { route: 'POST /admin/membership/renewals', prepare: async () => ({ path: '/admin/membership/renewals', form: { year: '2099' } }), expect: admins },
  {
    // A fresh invoice per cell: a paid or cancelled one would refuse the administrator.
    route: 'POST /admin/membership/invoices/:number/payment',
    async prepare(t) {
      const today = londonDate(new Date())
      const { number } = await buildInvoice(t.handle.db, t.config, { issuedOn: today })
      const [year, month, day] = today.split('-').map(Number)
      return {
        path: `/admin/membership/invoices/${number}/payment`,
        form: { amount: '1250.00', 'paidOn-day': String(day), 'paidOn-month': String(month), 'paidOn-year': String(year), method: 'bacs', reference: '' },
      }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/membership/invoices/:number/cancellation',
    async prepare(t) {
      const { number } = await buildInvoice(t.handle.db, t.config, { issuedOn: londonDate(new Date()) })
      return { path: `/admin/membership/invoices/${number}/cancellation`, form: { reason: 'Issued twice.' } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/contacts',
    prepare: async () => ({
      path: '/admin/contacts',
      form: { name: 'Kim Contact', jobTitle: 'Officer', organisation: 'home-council', email: 'kim@example.org', phone: '', publishContact: 'yes' },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/contacts/:id',
    async prepare(t) {
      const person = await buildPerson(t.handle.db, { organisationId: home })
      const [row] = await t.handle.db.select().from(people).where(eq(people.id, person.id))
      return {
        path: `/admin/contacts/${person.id}`,
        form: { name: 'Renamed Contact', jobTitle: 'Officer', organisation: 'home-council', email: '', phone: '', version: versionOf(row!.updatedAt) },
      }
    },
    expect: admins,
  },
  {
    // Officers start bids for their own organisation; editors and administrators have none to lead.
    route: 'POST /calls/:slug/bids/new',
    prepare: async (t) => ({ path: `/calls/${(await buildCall(t.handle.db)).slug}/bids/new`, form: { title: 'Matrix bid' } }),
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    // A draft is its owners' alone: to anyone else it does not exist, but administrators may read (not change) it.
    route: 'POST /bids/:id/edit',
    async prepare(t) {
      const bid = await buildBid(t.handle.db, { callId: (await buildCall(t.handle.db)).id, leadOrganisationId: home })
      return { path: `/bids/${bid.id}/edit`, form: { title: 'Renamed bid', revision: '1', action: 'save' } }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'not-found', editor: 'not-found', admin: 'forbidden' },
  },
  {
    route: 'POST /bids/:id/submit',
    async prepare(t) {
      const bid = await buildBid(t.handle.db, { callId: (await buildCall(t.handle.db)).id, leadOrganisationId: home })
      return { path: `/bids/${bid.id}/submit`, form: { revision: '1' } }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'not-found', editor: 'not-found', admin: 'forbidden' },
  },
  {
    route: 'POST /bids/:id/working-group',
    async prepare(t) {
      const bid = await buildBid(t.handle.db, { callId: (await buildCall(t.handle.db)).id, leadOrganisationId: home })
      return { path: `/bids/${bid.id}/working-group`, form: { role: 'partner', partner: unique('Tenants association') } }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'not-found', editor: 'not-found', admin: 'forbidden' },
  },
  {
    // Only the invited member's officers accept (here the "other" council is the one invited).
    route: 'POST /bids/:id/working-group/:participantId/accept',
    prepare: async (t) => ({ path: `${await invitedAway(t)}/accept`, form: {} }),
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'not-found', admin: 'forbidden' },
  },
  {
    // The invited member declines; the lead removes.
    route: 'POST /bids/:id/working-group/:participantId/remove',
    prepare: async (t) => ({ path: `${await invitedAway(t)}/remove`, form: {} }),
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'not-found', admin: 'forbidden' },
  },
  {
    // A member backs another's submitted bid through its officers; the lead cannot back its own.
    route: 'POST /bids/:id/backing',
    prepare: async (t) => ({ path: `/bids/${(await submittedHomeBid(t)).id}/backing`, form: { join: 'yes' } }),
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    // Only the backing organisation withdraws its backing (here the "other" council backs).
    route: 'POST /bids/:id/backing/withdraw',
    async prepare(t) {
      const bid = await submittedHomeBid(t)
      await t.handle.db.insert(bidBackings).values({ bidId: bid.id, organisationId: await organisationId(t.handle.db, 'away-council') })
      return { path: `/bids/${bid.id}/backing/withdraw`, form: {} }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    // Backing a proposed session from the event's page: the same rule as backing the bid itself.
    route: 'POST /events/:slug/proposals/:bidId/backing',
    prepare: async (t) => ({ path: `${(await proposedSession(t)).path}/backing`, form: {} }),
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    route: 'POST /events/:slug/proposals/:bidId/backing/withdraw',
    async prepare(t) {
      const { path, bidId } = await proposedSession(t)
      await t.handle.db.insert(bidBackings).values({ bidId, organisationId: await organisationId(t.handle.db, 'away-council') })
      return { path: `${path}/backing/withdraw`, form: {} }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    // People of member organisations and administrators comment; an editor speaks for no member.
    route: 'POST /bids/:id/comments',
    prepare: async (t) => ({ path: `/bids/${(await submittedHomeBid(t)).id}/comments`, form: { body: 'A matrix comment' } }),
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'forbidden', admin: 'ok' },
  },
  {
    route: 'POST /bids/:id/comments/:commentId/hide',
    async prepare(t) {
      const bid = await submittedHomeBid(t)
      const [comment] = await t.handle.db.insert(bidComments).values({ bidId: bid.id, authorLabel: 'Someone', body: 'Hide me' }).returning()
      return { path: `/bids/${bid.id}/comments/${comment!.id}/hide`, form: { reason: 'Off topic' } }
    },
    expect: admins,
  },
  {
    // The lead withdraws its own bid; a submitted bid is public, so others are refused rather than not found.
    route: 'POST /bids/:id/withdraw',
    prepare: async (t) => ({ path: `/bids/${(await submittedHomeBid(t)).id}/withdraw`, form: {} }),
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'forbidden', editor: 'forbidden', admin: 'forbidden' },
  },
  { route: 'POST /admin/calls', prepare: async () => ({ path: '/admin/calls', form: callForm(unique('Matrix call')) }), expect: admins },
  {
    route: 'POST /admin/calls/:id',
    prepare: async (t) => ({ path: `/admin/calls/${(await buildCall(t.handle.db, { status: 'draft' })).id}`, form: callForm(unique('Renamed call'), '1') }),
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/open',
    prepare: async (t) => ({ path: `/admin/calls/${(await buildCall(t.handle.db, { status: 'draft' })).id}/open`, form: {} }),
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/close',
    prepare: async (t) => ({ path: `/admin/calls/${(await buildCall(t.handle.db, { status: 'open' })).id}/close`, form: {} }),
    expect: admins,
  },
  {
    // One ballot per member organisation, cast by its officer: editors and administrators have none.
    route: 'POST /calls/:slug/vote',
    async prepare(t) {
      const { call, bids } = await buildVoteCall(t.handle.db, { leadOrganisationId: home })
      await buildVote(t.handle.db, call.id)
      return { path: `/calls/${call.slug}/vote`, form: { bids: String(bids[0]!.id), action: 'cast' } }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    // Anyone checks a receipt code against the published ballots: by POST, so the code stays out of addresses and logs.
    route: 'POST /calls/:slug/ballots',
    async prepare(t) {
      const { call } = await buildVoteCall(t.handle.db, { leadOrganisationId: home })
      await buildVote(t.handle.db, call.id, { status: 'closed' })
      return { path: `/calls/${call.slug}/ballots`, form: { receipt: 'AAAA-AAAA-AAAA-AAAA' } }
    },
    expect: everyone,
  },
  {
    route: 'POST /admin/calls/:id/vote',
    async prepare(t) {
      const { call } = await buildVoteCall(t.handle.db, { leadOrganisationId: home })
      const opens = new Date(Date.now() + 86_400_000)
      const day = (d: Date) => ({ day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) })
      const [o, c] = [day(opens), day(new Date(opens.getTime() + 7 * 86_400_000))]
      return {
        path: `/admin/calls/${call.id}/vote`,
        form: {
          revision: '',
          ballotType: 'approval',
          minChoices: '1',
          countingRule: 'greedy',
          budget: '20,000',
          tiers: 'full',
          'opensAt-day': o.day,
          'opensAt-month': o.month,
          'opensAt-year': o.year,
          'opensAt-time': '12:00',
          'closesAt-day': c.day,
          'closesAt-month': c.month,
          'closesAt-year': c.year,
          'closesAt-time': '12:00',
        },
      }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/vote/open',
    async prepare(t) {
      const { call } = await buildVoteCall(t.handle.db, { leadOrganisationId: home })
      await buildVote(t.handle.db, call.id, { status: 'draft' })
      return { path: `/admin/calls/${call.id}/vote/open`, form: {} }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/vote/close',
    async prepare(t) {
      const { call } = await buildVoteCall(t.handle.db, { leadOrganisationId: home })
      await buildVote(t.handle.db, call.id)
      return { path: `/admin/calls/${call.id}/vote/close`, form: {} }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/vote/count',
    async prepare(t) {
      const { call } = await buildVoteCall(t.handle.db, { leadOrganisationId: home })
      await buildVote(t.handle.db, call.id, { status: 'closed' })
      return { path: `/admin/calls/${call.id}/vote/count`, form: {} }
    },
    expect: admins,
  },
  {
    // The lead's officers write its reports; nobody else, administrators included (they read them on the project's page).
    route: 'POST /projects/:slug/reports/:id/edit',
    async prepare(t) {
      const { project, reports } = await buildFundedProject(t.handle.db, { leadOrganisationId: home, title: unique('Matrix project') })
      return { path: `/projects/${project.slug}/reports/${reports[0]!.id}/edit`, form: { revision: '1', whatHappened: 'Started.', action: 'save' } }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'forbidden', editor: 'forbidden', admin: 'forbidden' },
  },
  {
    route: 'POST /projects/:slug/close',
    async prepare(t) {
      const { project } = await buildFundedProject(t.handle.db, { leadOrganisationId: home, title: unique('Matrix closing') })
      await submitFinalReport(t.handle.db, project.id)
      return { path: `/projects/${project.slug}/close`, form: {} }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'forbidden', editor: 'forbidden', admin: 'ok' },
  },
  {
    route: 'POST /projects/:slug/case-study',
    async prepare(t) {
      const { project } = await buildFundedProject(t.handle.db, { leadOrganisationId: home, title: unique('Matrix learning') })
      await submitFinalReport(t.handle.db, project.id)
      await t.handle.db.update(projects).set({ status: 'closed', closedAt: new Date() }).where(eq(projects.id, project.id))
      return { path: `/projects/${project.slug}/case-study`, form: {} }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'forbidden', editor: 'ok', admin: 'ok' },
  },
  { route: 'POST /admin/events', prepare: async () => ({ path: '/admin/events', form: eventForm(unique('Matrix new event')) }), expect: admins },
  {
    route: 'POST /admin/events/:id',
    async prepare(t) {
      const { event } = await buildEvent(t.handle.db, { title: unique('Matrix edit event') })
      return { path: `/admin/events/${event.id}`, form: { ...eventForm(event.title), revision: '1' } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/sessions',
    async prepare(t) {
      const { event } = await buildEvent(t.handle.db, { title: unique('Matrix agenda') })
      return { path: `/admin/events/${event.id}/sessions`, form: sessionForm(event.startsAt) }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/sessions/:sessionId',
    async prepare(t) {
      const start = inDays(30, 9)
      const { event, sessions } = await buildEvent(t.handle.db, {
        title: unique('Matrix session'),
        startsAt: start,
        sessions: [{ title: 'Session', startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }],
      })
      return { path: `/admin/events/${event.id}/sessions/${sessions[0]!.id}`, form: { ...sessionForm(event.startsAt), revision: '1' } }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/sessions/:sessionId/case-study',
    async prepare(t) {
      const start = inDays(-3, 9)
      const { event, sessions } = await buildEvent(t.handle.db, {
        title: unique('Matrix session case study'),
        startsAt: start,
        sessions: [{ title: unique('Matrix session story'), startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }],
      })
      return { path: `/admin/events/${event.id}/sessions/${sessions[0]!.id}/case-study`, form: {} }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/materials',
    prepare: async (t) => ({
      path: `/admin/events/${(await buildEvent(t.handle.db, { title: unique('Matrix materials') })).event.id}/materials`,
      form: { kind: 'recording', title: 'Recording', url: 'https://video.example.org/matrix' },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/materials/:materialId/remove',
    async prepare(t) {
      const { event } = await buildEvent(t.handle.db, { title: unique('Matrix material removal') })
      const [material] = await t.handle.db
        .insert(eventMaterials)
        .values({ eventId: event.id, kind: 'notes', title: 'Notes', url: 'https://example.org/notes' })
        .returning()
      return { path: `/admin/events/${event.id}/materials/${material!.id}/remove`, form: {} }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/attendees.csv',
    prepare: async (t) => ({ path: `/admin/events/${(await buildEvent(t.handle.db, { title: unique('Matrix csv') })).event.id}/attendees.csv`, form: {} }),
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/message',
    prepare: async (t) => ({
      path: `/admin/events/${(await buildEvent(t.handle.db, { title: unique('Matrix message') })).event.id}/message`,
      form: { subject: 'Parking', body: 'Use the car park on Quay Road.' },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/events/:id/attendance',
    prepare: async (t) => ({ path: `/admin/events/${(await buildEvent(t.handle.db, { title: unique('Matrix attendance') })).event.id}/attendance`, form: {} }),
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/assessment/criteria',
    prepare: async (t) => ({
      path: `/admin/calls/${(await buildCall(t.handle.db, { status: 'closed' })).id}/assessment/criteria`,
      form: { fingerprint: criteriaFingerprint([]), rowCount: '1', 'criterionTitle-0': 'Reach', 'criterionMax-0': '5', action: 'save' },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/assessment/assessors',
    prepare: async (t) => ({
      path: `/admin/calls/${(await buildCall(t.handle.db, { status: 'closed' })).id}/assessment/assessors`,
      form: { email: await activeAccount(t) },
    }),
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/assessment/assessors/:userId/remove',
    async prepare(t) {
      const call = await buildCall(t.handle.db, { status: 'closed' })
      const [user] = await t.handle.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, await activeAccount(t)))
      await t.handle.db.insert(callAssessors).values({ callId: call.id, userId: user!.id })
      return { path: `/admin/calls/${call.id}/assessment/assessors/${user!.id}/remove`, form: {} }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/calls/:id/panel/bids/:bidId',
    async prepare(t) {
      const call = await buildCall(t.handle.db, { status: 'closed' })
      const bid = await buildBid(t.handle.db, { callId: call.id, leadOrganisationId: home, status: 'submitted' })
      return { path: `/admin/calls/${call.id}/panel/bids/${bid.id}`, form: { outcome: 'decline', feedback: 'Not this round.' } }
    },
    expect: admins,
  },
  {
    // A closed call with no bids has nothing left to decide.
    route: 'POST /admin/calls/:id/decided',
    prepare: async (t) => ({ path: `/admin/calls/${(await buildCall(t.handle.db, { status: 'closed' })).id}/decided`, form: {} }),
    expect: admins,
  },
  {
    // Only the call's assessors, and not one whose organisation leads the bid; to anyone else the page does not exist.
    route: 'POST /assess/bids/:id',
    async prepare(t) {
      const { bidId, criterionId } = await assessedBid(t)
      return { path: `/assess/bids/${bidId}`, form: { revision: '0', action: 'submit', [`score-${criterionId}`]: '4' } }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'not-found', admin: 'not-found' },
  },
  {
    // Each assessor takes back only their own declaration (both councils' officers declared one here).
    route: 'POST /assess/bids/:id/conflict/withdraw',
    async prepare(t) {
      const { bidId } = await assessedBid(t)
      const officers = await t.handle.db.select({ id: users.id }).from(users).where(eq(users.role, 'officer'))
      await t.handle.db.insert(assessorConflicts).values(officers.map((o) => ({ bidId, userId: o.id, reason: 'Declared' })))
      return { path: `/assess/bids/${bidId}/conflict/withdraw`, form: {} }
    },
    expect: { anonymous: 'sign-in', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'not-found', admin: 'not-found' },
  },
  {
    route: 'POST /assess/bids/:id/conflict',
    prepare: async (t) => ({ path: `/assess/bids/${(await assessedBid(t)).bidId}/conflict`, form: { reason: 'I advised the lead.' } }),
    expect: { anonymous: 'sign-in', ownOfficer: 'forbidden', otherOfficer: 'ok', editor: 'not-found', admin: 'not-found' },
  },
  {
    route: 'POST /admin/jobs/:id/retry',
    prepare: async (t) => ({ path: `/admin/jobs/${await failedJob(t.handle.pool, 'matrix-job', 'refused')}/retry`, form: {} }),
    expect: admins,
  },
  {
    route: 'POST /admin/publications/packs/preview',
    async prepare(t) {
      await buildCaseStudy(t.handle.db, { title: unique('Matrix pack'), yearStart: 2019 })
      return { path: '/admin/publications/packs/preview', form: packForm }
    },
    expect: admins,
  },
  {
    route: 'POST /admin/publications/packs',
    async prepare(t) {
      await buildCaseStudy(t.handle.db, { title: unique('Matrix pack'), yearStart: 2019 })
      return { path: '/admin/publications/packs', form: packForm }
    },
    expect: admins,
  },
  {
    route: 'POST /set-up/:token',
    // The page exists only while no administrator does, for anyone who holds the link printed at
    // start. So for each actor but an administrator (who is one), the earlier cells' administrators
    // become editors first; for an administrator the page is gone.
    async prepare(t, actor) {
      if (actor !== 'admin') await t.handle.db.update(users).set({ role: 'editor' }).where(eq(users.role, 'admin'))
      return {
        path: `/set-up/${t.app.setUpLink.issue()}`,
        form: { name: 'First Administrator', email: `${unique('first')}@example.org`, password: testPassword },
      }
    },
    expect: { anonymous: 'ok', ownOfficer: 'ok', otherOfficer: 'ok', editor: 'ok', admin: 'not-found' },
  },
]

function outcomeOf(status: number, location: string | undefined): Outcome | `unexpected ${number}` {
  if (status === 303 && location?.startsWith('/sign-in')) return 'sign-in'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 200 || status === 303) return 'ok'
  return `unexpected ${status}`
}

describeEachDatabase('authorisation matrix', (get) => {
  before(async () => {
    home = (await buildOrganisation(get().handle.db, { slug: 'home-council', name: 'Home Council' })).id
    await buildOrganisation(get().handle.db, { slug: 'away-council', name: 'Away Council' })
  })

  it('lists exactly the write routes the app serves', () => {
    const served = get()
      .app.routeTable.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .sort()
    assert.deepEqual(served, matrix.map((e) => e.route).sort())
  })

  it('gives each actor the expected outcome on every write route', async () => {
    const t = get()
    const agentFor = async (actor: Actor): Promise<Agent> => {
      if (actor === 'anonymous') return new Agent(t.app)
      if (actor === 'ownOfficer') return agentWithSession(t.app, t.handle.db, 'officer', 'home-council')
      if (actor === 'otherOfficer') return agentWithSession(t.app, t.handle.db, 'officer', 'away-council')
      return agentWithSession(t.app, t.handle.db, actor)
    }
    const failures: string[] = []
    for (const entry of matrix) {
      for (const actor of actors) {
        // A fresh sign-in per cell: some cells (sign-out, password reset) end the session.
        const agent = await agentFor(actor)
        const cell = await entry.prepare(t, actor, agent)
        const res = await agent.post(cell.path, cell.form)
        const outcome = outcomeOf(res.statusCode, res.headers.location as string | undefined)
        if (outcome !== entry.expect[actor]) failures.push(`${entry.route} as ${actor}: expected ${entry.expect[actor]}, got ${outcome}`)
      }
    }
    assert.deepEqual(failures, [])
  })
})
