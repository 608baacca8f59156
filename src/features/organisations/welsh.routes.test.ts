// Members and other organisations in Welsh; their names, places and case studies are content
// (English), marked so.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { memberships } from '../../db/schema/index.ts'
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
    const since = { appliedOn: '2012-09-01', decidedOn: '2012-09-01', memberSince: '2012-10-01' }
    await db.insert(memberships).values({ organisationId: lead.id, tier: 'full', status: 'current', ...since })
    const former = await buildOrganisation(db, { slug: 'old-hill', name: 'Old Hill Parish Council', tier: 'none', kind: 'town-or-parish-council' })
    await db.insert(memberships).values({ organisationId: former.id, tier: 'associate', status: 'resigned', endedOn: '2024-03-31', ...since })
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
      '<li>1 aelod llawn</li>',
      '<li>1 aelod cyswllt</li>',
      '<li>Dim aelodau cysylltiedig</li>',
      '<li>Dim cefnogwyr</li>',
      'Aelod ers</th>',
      'aelod ers 2012',
      'Cyn-aelodau',
      'Blwyddyn gadael',
      '<td class="govuk-table__cell">2024</td>',
    ]) {
      assert.ok(res.body.includes(welsh), welsh)
    }
    const text = visibleText(res.body)
    for (const content of ['North Council', 'Valley Town Council', 'North West', 'Old Hill Parish Council']) assert.ok(!text.includes(content), content)
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
      'Aelod ers',
      '1 Hydref 2012',
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
