// Editors hear of submissions: an email for each as it arrives, or one digest an hour at most, as
// each chooses on their account page; their dashboard lists what waits for them.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { desc, eq, inArray } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { caseStudies, emails, users } from '../../db/schema/index.ts'
import { queueSubmissionDigests } from './submission-digest.ts'

describeEachDatabase('editors hear of submissions', (get) => {
  let officer: Agent
  let eager: { agent: Agent; email: string; userId: number }
  let patient: { agent: Agent; email: string; userId: number }
  let home = 0
  let sharing = 0
  const site = { baseUrl: 'https://coophub.example.org', networkName: 'Test Councils Network' }

  before(async () => {
    const { app, handle } = get()
    home = (await buildOrganisation(handle.db, { slug: 'home-council', name: 'Home Council' })).id
    sharing = (await buildPrinciple(handle.db, { slug: 'sharing', shortName: 'Sharing power' })).id
    officer = (await signedInAgent(app, handle.db, 'officer', 'home-council')).agent
    eager = await signedInAgent(app, handle.db, 'editor')
    patient = await signedInAgent(app, handle.db, 'editor')
  })

  const submit = async (slug: string, title: string) => {
    const { db } = get().handle
    await buildCaseStudy(db, { slug, title, leadId: home, principleIds: [sharing] })
    const [row] = await db.select().from(caseStudies).where(eq(caseStudies.slug, slug))
    await db.update(caseStudies).set({ ownerOrganisationId: home }).where(eq(caseStudies.id, row!.id))
    const form = {
      title,
      summary: 'A summary.',
      kind: 'project',
      yearStart: '2022',
      lead: String(home),
      principles: [String(sharing)],
      body: 'The story.',
      baseRevision: String(row!.revision),
      action: 'submit',
    }
    const res = await officer.post(`/case-studies/${slug}/edit`, form)
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
  }
  const mailTo = async (address: string) => get().handle.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(desc(emails.id))

  it('lets an editor choose on their account page, and says which choice is saved', async () => {
    const page = await patient.agent.get('/account')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /value="each" checked/)
    const bad = await patient.agent.post('/account/submission-emails', { submissionEmails: 'weekly' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /<a href="#submissionEmails">Select how you want to hear of submissions<\/a>/)
    const saved = await patient.agent.post('/account/submission-emails', { submissionEmails: 'hourly' })
    assert.deepEqual([saved.statusCode, saved.headers.location], [303, '/account?saved=1'])
    const after = (await patient.agent.get('/account?saved=1')).body
    assert.match(after, /Your choice was saved/)
    assert.match(after, /value="hourly" checked/)
    const [row] = await get().handle.db.select().from(users).where(eq(users.id, patient.userId))
    assert.equal(row!.submissionEmails, 'hourly')
    // An officer reviews nothing, so has no such choice.
    assert.doesNotMatch((await officer.get('/account')).body, /submission-emails-form/)
    assert.equal((await officer.post('/account/submission-emails', { submissionEmails: 'hourly' })).statusCode, 403)
  })

  it('emails at once the editors who chose each submission, and not the others', async () => {
    await submit('street-benches', 'Street benches')
    const [mail] = await mailTo(eager.email)
    assert.equal(mail!.subject, 'Submitted for review: Street benches')
    assert.match(mail!.bodyText, /has submitted “Street benches” to Test Councils Network for review/)
    assert.match(mail!.bodyText, /\/admin\/review\/street-benches/)
    assert.deepEqual(await mailTo(patient.email), [], 'the hourly editor waits for the digest')
  })

  it('sends an hourly digest of what arrived since the last one, at most once an hour, once across instances', async () => {
    const { db } = get().handle
    // The digest covers submissions after the editor switched to it: make the switch an hour old.
    const anHourAgo = new Date(Date.now() - 61 * 60_000)
    await db.update(users).set({ lastDigestAt: anHourAgo }).where(eq(users.id, patient.userId))
    await db
      .update(caseStudies)
      .set({ submittedAt: new Date(Date.now() - 30 * 60_000) })
      .where(eq(caseStudies.slug, 'street-benches'))
    await submit('tool-library', 'Tool library')
    // Two instances run the job at the same moment: one digest.
    const [first, second] = await Promise.all([queueSubmissionDigests(db, site), queueSubmissionDigests(db, site)])
    const digests = await mailTo(patient.email)
    assert.equal(digests.length, 1)
    assert.equal(first.length + second.length, 1)
    assert.equal(digests[0]!.subject, '2 case studies submitted for review')
    assert.match(
      digests[0]!.bodyText,
      /- Street benches: https:\/\/coophub\.example\.org\/admin\/review\/street-benches\n- Tool library: https:\/\/coophub\.example\.org\/admin\/review\/tool-library/,
    )
    assert.match(digests[0]!.bodyText, /2 case studies are waiting for review in all/)
    // Within the hour nothing more is sent, even when something new arrives.
    await submit('seed-swap', 'Seed swap')
    assert.deepEqual(await queueSubmissionDigests(db, site), [])
    assert.equal((await mailTo(patient.email)).length, 1)
    // An hour on, the digest has only what is new.
    await db
      .update(users)
      .set({ lastDigestAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(users.id, patient.userId))
    await db
      .update(caseStudies)
      .set({ submittedAt: new Date(Date.now() - 90 * 60_000) })
      .where(inArray(caseStudies.slug, ['street-benches', 'tool-library']))
    const later = await queueSubmissionDigests(db, site)
    assert.equal(later.length, 1)
    const [newest] = await mailTo(patient.email)
    assert.equal(newest!.subject, '1 case study submitted for review')
    assert.match(newest!.bodyText, /- Seed swap:/)
    assert.doesNotMatch(newest!.bodyText, /Tool library:/)
  })

  it('shows an editor what waits for review on their dashboard', async () => {
    const dashboard = await eager.agent.get('/dashboard')
    const waiting = /<ul class="govuk-list" data-qa="waiting-for-review">[\s\S]*?<\/ul>/.exec(dashboard.body)?.[0] ?? ''
    for (const title of ['Street benches', 'Tool library', 'Seed swap']) assert.match(waiting, new RegExp(`>${title}</a>`))
    assert.doesNotMatch(dashboard.body, /There is nothing here yet/)
    assert.doesNotMatch((await officer.get('/dashboard')).body, /Waiting for your review/)
  })
})
