import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildRegisterCouncil, loadExampleSchedule } from '../../../test/membership.ts'
import { emails, membershipApplications } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'

const links = (html: string) => summaryLinks(html).map((l) => l.split(' ')[0])

const fullApplication = {
  tier: 'full',
  council: 'MNC',
  sponsorName: 'Sam Lee',
  sponsorJobTitle: 'Director of Policy',
  sponsorEmail: 'sam.lee@example.org',
  decisionMakerName: 'Cllr Rhian Evans',
  decisionMakerRole: 'Leader of the council',
  contactName: 'Aled Jones',
  contactJobTitle: 'Policy officer',
  contactEmail: 'aled.jones@example.org',
  consent: 'yes',
}

describeEachDatabase('join: the public application', (get) => {
  before(async () => {
    const { handle, config } = get()
    await loadExampleSchedule(handle.db, currentYear(config))
    await buildRegisterCouncil(handle.db, { code: 'MNC', name: 'Midtown', population: 220_000 })
    await buildRegisterCouncil(handle.db, { code: 'SMV', name: 'Smallvale', population: null })
  })

  it('shows the tiers with their fees and the application form, with no account', async () => {
    const res = await new Agent(get().app).get('/join')
    assert.equal(res.statusCode, 200)
    for (const words of ['Join the network', 'Full member', '£250.00 a year', '£50.00 a year', 'Which tier are you applying for?', 'Work out the fee'])
      assert.ok(res.body.includes(words), words)
    assert.doesNotMatch(res.body, /aria-expanded/, 'no fields revealed by the tier radios')
  })

  it('asks first for the tier, then only what that tier needs', async () => {
    const agent = new Agent(get().app)
    const none = await agent.get('/join?step=tier')
    assert.deepEqual(links(none.body), ['#tier'])
    assert.match(none.body, /<title>Error: /)
    const full = await agent.get('/join?apply=full&council=MNC')
    assert.match(full.body, /You are applying as: Full member/)
    assert.match(full.body, /<option value="MNC" selected>/)
    assert.match(full.body, /Sponsoring officer’s name/)
    assert.doesNotMatch(full.body, /id="organisationName"/)
    const associate = await agent.get('/join?apply=associate')
    assert.match(associate.body, /id="sitsOn"/)
    assert.match(associate.body, /name="kind-associate"/)
    assert.doesNotMatch(associate.body, /Sponsoring officer/)
    const supporter = await agent.get('/join?apply=supporter')
    assert.doesNotMatch(supporter.body, /id="sitsOn"/)
  })

  it('works out a council’s fee without JavaScript, from the register’s population, saying it is an example', async () => {
    const res = await new Agent(get().app).get('/join?calculate=yes&tier=full&council=MNC')
    assert.equal(res.statusCode, 200)
    const result = /data-qa="fee-result"[\s\S]*?<\/div>/.exec(res.body)?.[0] ?? ''
    assert.match(result, /£2,500.00 a year/)
    assert.match(result, /150,001 to 300,000 residents/)
    assert.match(result, /population 220,000 \(2020, UK local authorities register/)
    assert.match(result, /href="\/join\?apply=full&amp;council=MNC#apply"/)
    assert.match(res.body, /These are example fees/)
  })

  it('works out a fee from figures typed in, and says what is wrong with them', async () => {
    const agent = new Agent(get().app)
    const priced = await agent.get('/join?calculate=yes&tier=full&population=700000')
    assert.match(priced.body, /£5,000.00 a year/)
    const bad = await agent.get('/join?calculate=yes&tier=full&population=-3&budget=lots')
    assert.equal(bad.statusCode, 200)
    assert.deepEqual(links(bad.body), ['#calc-population', '#calc-budget'])
    const none = await agent.get('/join?calculate=yes&tier=full&council=SMV')
    assert.match(none.body, /population/i)
    assert.doesNotMatch(none.body, /data-qa="fee-result"/)
    const noTier = await agent.get('/join?calculate=yes')
    assert.deepEqual(links(noTier.body), ['#calc-tier'])
  })

  it('lists every problem of an empty application against its field', async () => {
    const res = await new Agent(get().app).post('/join', { tier: 'full' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(links(res.body), [
      '#council',
      '#contactName',
      '#contactEmail',
      '#consent',
      '#sponsorName',
      '#sponsorJobTitle',
      '#sponsorEmail',
      '#decisionMakerName',
      '#decisionMakerRole',
    ])
    assert.match(res.body, /Choose the council/)
  })

  it('takes an application, emails its private link, and catches a second for the same council', async () => {
    const { app, handle } = get()
    const agent = new Agent(app)
    const res = await agent.post('/join', fullApplication)
    assert.equal(res.statusCode, 303)
    const link = res.headers.location as string
    assert.match(link, /^\/join\/applications\/[A-Za-z0-9_-]{40,}\?sent=yes$/)
    const [row] = await handle.db.select().from(membershipApplications).where(eq(membershipApplications.authorityCode, 'MNC'))
    assert.equal(row?.status, 'received')
    assert.equal(row?.organisationName, 'Midtown Council')
    assert.equal(row?.quotedPence, 250_000)
    const [email] = await handle.db.select().from(emails).where(eq(emails.toAddress, 'aled.jones@example.org'))
    assert.match(email?.subject ?? '', /We have your application to join/)
    assert.ok(email?.bodyText.includes(link.replace('?sent=yes', '')))

    const page = await agent.get(link)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Application sent/)
    assert.match(page.body, /Received/)
    assert.equal(page.headers['referrer-policy'], 'no-referrer')

    const again = await new Agent(app).post('/join', { ...fullApplication, contactEmail: 'someone.else@example.org' })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /already being considered/)
  })

  it('takes a councillors’ group naming its council', async () => {
    const res = await new Agent(get().app).post('/join', {
      tier: 'associate',
      'kind-associate': 'councillor-group',
      organisationName: 'Midtown Independent Group',
      sitsOn: 'MNC',
      contactName: 'Cllr Jo Bloggs',
      contactEmail: 'jo@example.org',
      consent: 'yes',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await get().handle.db.select().from(membershipApplications).where(eq(membershipApplications.organisationName, 'Midtown Independent Group'))
    assert.equal(row?.sitsOnAuthorityCode, 'MNC')
    assert.equal(row?.quotedPence, 25_000)
  })

  it('answers an unknown or malformed application link with not found', async () => {
    const agent = new Agent(get().app)
    for (const url of ['/join/applications/nope', `/join/applications/${'a'.repeat(43)}`]) {
      assert.equal((await agent.get(url)).statusCode, 404, url)
    }
    assert.equal((await agent.get('/join/applications/%00%ff')).statusCode, 400)
  })
})

describeEachDatabase('join: before the year’s fees are published', (get) => {
  it('says the fees are not published yet, and still takes an application', async () => {
    const agent = new Agent(get().app)
    const page = await agent.get('/join')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /have not been published yet/)
    const res = await agent.post('/join', {
      tier: 'supporter',
      'kind-supporter': 'individual',
      organisationName: 'Early Bird',
      contactName: 'Early Bird',
      contactEmail: 'early@example.org',
      consent: 'yes',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await get().handle.db.select().from(membershipApplications).where(eq(membershipApplications.contactEmail, 'early@example.org'))
    assert.equal(row?.quotedPence, null)
  })
})
