// Joining, in Welsh: the page, the fee calculator, errors, the applicant's page and email.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent } from '../../../test/agent.ts'
import { buildRegisterCouncil, loadExampleSchedule } from '../../../test/membership.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { emails } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'

describeEachDatabase('join in Welsh', (get) => {
  before(async () => {
    await loadExampleSchedule(get().handle.db, currentYear(get().config))
    await buildRegisterCouncil(get().handle.db, { code: 'CRD', name: 'Caerdydd', population: 370_000 })
  })

  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
    assert.deepEqual(englishPhrasesOn(html), [])
  }

  it('shows the tiers, the calculator and the form in Welsh', async () => {
    const res = await new Agent(get().app).get('/cy/join?calculate=yes&tier=full&council=CRD')
    assert.equal(res.statusCode, 200)
    welsh(res.body.replace(/<option[^>]*>[^<]*<\/option>/g, ''))
    for (const words of ['Ymuno â’r rhwydwaith', 'Cyfrifo’r ffi', 'Parhau', '£3,500.00 y flwyddyn']) assert.ok(res.body.includes(words), words)
    const form = await new Agent(get().app).get('/cy/join?apply=associate')
    welsh(form.body.replace(/<option[^>]*>[^<]*<\/option>/g, ''))
    assert.ok(form.body.includes('Anfon y cais'))
  })

  it('says what is wrong in Welsh', async () => {
    const res = await new Agent(get().app).post('/cy/join', { tier: 'supporter' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /Dewiswch pa fath o sefydliad ydyw/)
    assert.match(res.body, /Rhowch gyfeiriad e-bost/)
  })

  it('emails a Welsh applicant in Welsh, with the Welsh link to their application', async () => {
    const agent = new Agent(get().app)
    const res = await agent.post('/cy/join', {
      tier: 'supporter',
      'kind-supporter': 'individual',
      organisationName: 'Gwen Davies',
      contactName: 'Gwen Davies',
      contactEmail: 'gwen@example.org',
      consent: 'yes',
    })
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /^\/cy\/join\/applications\//)
    const [email] = await get().handle.db.select().from(emails).where(eq(emails.toAddress, 'gwen@example.org'))
    assert.match(email?.subject ?? '', /Mae eich cais i ymuno/)
    assert.match(email?.bodyText ?? '', /\/cy\/join\/applications\//)
    const page = await agent.get(res.headers.location as string)
    assert.equal(page.statusCode, 200)
    welsh(page.body)
    assert.match(page.body, /Cais wedi’i anfon/)
  })
})
