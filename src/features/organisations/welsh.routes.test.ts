// Members and other organisations in Welsh; their names, places and case studies are content
// (English), marked so.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { englishOn, visibleText } from '../../../test/welsh.ts'

describeEachDatabase('members and organisations in Welsh', (get) => {
  before(async () => {
    const { db } = get().handle
    const lead = await buildOrganisation(db, { slug: 'north', name: 'North Council', councilType: 'Metropolitan district', website: 'https://north.example' })
    await buildOrganisation(db, {
      slug: 'valley',
      name: 'Valley Town Council',
      kind: 'town-or-parish-council',
      tier: 'associate',
      region: 'Wales',
      nation: 'Wales',
    })
    const funder = await buildOrganisation(db, { slug: 'trust', name: 'Green Trust', tier: 'none', kind: 'organisation' })
    await buildCaseStudy(db, { slug: 'gardens', title: 'Gardens on every street', kind: 'project', leadId: lead.id, funderIds: [funder.id] })
  })

  it('lists the members in Welsh', async () => {
    const res = await get().app.inject('/cy/members')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    for (const welsh of [
      'Mae 2 cyngor a sefydliad yn perthyn i’r rhwydwaith.',
      'Aelod llawn',
      'Aelod cyswllt',
      'Cyngor tref neu gymuned',
      'Rhanbarth',
      'partneriaid a chyllidwyr',
    ]) {
      assert.ok(res.body.includes(welsh), welsh)
    }
    const text = visibleText(res.body)
    for (const content of ['North Council', 'Valley Town Council', 'North West']) assert.ok(!text.includes(content), content)
  })

  it('lists partners and funders in Welsh', async () => {
    const res = await get().app.inject('/cy/organisations')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.match(res.body, /\(Sefydliad, 1 astudiaeth achos\)/)
    assert.ok(!visibleText(res.body).includes('Green Trust'))
  })

  it('shows a member and another organisation in Welsh', async () => {
    const res = await get().app.inject('/cy/members/north')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    for (const welsh of [
      'Math o gyngor',
      'Gwefan',
      'Astudiaethau achos y mae’n eu harwain',
      'Dim wedi’u cyhoeddi eto.',
      'Chwilio’r astudiaethau achos hyn',
      '(Prosiect, 2022)',
    ]) {
      assert.ok(res.body.includes(welsh), welsh)
    }
    assert.match(
      res.body,
      /<meta name="description" content="North Council: Cyngor, Aelod llawn, North West, England\. Mae’n arwain 1 ac yn cymryd rhan mewn 0 o astudiaethau achos cyhoeddedig: Gardens on every street\.">/,
    )
    const text = visibleText(res.body)
    for (const content of ['North Council', 'Gardens on every street', 'Metropolitan district', 'North West']) assert.ok(!text.includes(content), content)
    const other = await get().app.inject('/cy/organisations/trust')
    assert.match(other.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(other.body), [])
    assert.match(other.body, /Astudiaethau achos a ariannwyd ganddo/)
    assert.match(other.body, /Wedi’i enwi mewn 1 astudiaeth achos gyhoeddedig/)
  })
})
