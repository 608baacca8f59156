// The administrators' pages about people, in Welsh: the list, the invitation and an account.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'

describeEachDatabase('admin: people in Welsh', (get) => {
  let admin: Agent
  let invitedId = 0
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    const org = await buildOrganisation(get().handle.db, { slug: 'cyngor-cymraeg', name: 'Cyngor Cymraeg' })
    const res = await admin.post('/cy/admin/users', { email: 'swyddog@example.org', name: 'Swyddog Newydd', role: 'officer', organisation: org.slug })
    assert.equal(res.statusCode, 303)
    const location = String(res.headers.location)
    assert.match(location, /^\/cy\/admin\/users\?invited=\d+$/, 'the redirect stays in Welsh')
    invitedId = Number(location.split('=')[1])
  })

  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
  }

  it('lists people in Welsh, with the banner after an invitation', async () => {
    const res = await admin.get(`/cy/admin/users?invited=${invitedId}`)
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of [
      'Mae gwahoddiad wedi’i anfon at swyddog@example.org',
      'Gwahodd rhywun',
      'Wedi mewngofnodi ddiwethaf',
      'Swyddog aelod',
      'Wedi’i wahodd',
      'Byth',
    ]) {
      assert.ok(res.body.includes(words), words)
    }
  })

  it('shows the invitation form in Welsh', async () => {
    const res = await admin.get('/cy/admin/users/new')
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    assert.match(res.body, /Anfon gwahoddiad/)
    assert.match(res.body, /Yn adolygu ac yn cyhoeddi astudiaethau achos gan bob sefydliad\./)
  })

  it('explains a wrong invitation in Welsh', async () => {
    const res = await admin.post('/cy/admin/users', { email: 'nid-e-bost', name: '', role: 'officer', organisation: '' })
    assert.equal(res.statusCode, 400)
    welsh(res.body)
    assert.match(res.body, /<title>Gwall:/)
    const links = summaryLinks(res.body)
    assert.ok(links.includes('#email Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.org'), links.join('\n'))
    assert.ok(links.includes('#organisation Dewiswch y sefydliad y mae’r swyddog hwn yn gweithio iddo'), links.join('\n'))
  })

  it('shows an invited account in Welsh, with its invitation', async () => {
    const res = await admin.get(`/cy/admin/users/${invitedId}?sent=${invitedId}`)
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of [
      'Cyfrif Swyddog Newydd',
      'Ydy’r person hwn yn gallu mewngofnodi?',
      'Anfon gwahoddiad newydd',
      'Nid yw Swyddog Newydd wedi dewis cyfrinair eto.',
      'Mae gwahoddiad newydd wedi’i anfon at swyddog@example.org',
    ]) {
      assert.ok(res.body.includes(words), words)
    }
  })
})
