// The principles' public pages in Welsh; the principles' own words are content (English), marked so.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildPrinciple } from '../../../test/factories.ts'
import { englishOn, visibleText } from '../../../test/welsh.ts'

describeEachDatabase('the principles in Welsh', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power', statement: 'We share power with residents.' })
    await buildPrinciple(db, { slug: 'learning', shortName: 'Learning together', statement: 'We learn from each other.' })
    await buildCaseStudy(db, { slug: 'one', title: 'First of many', principleIds: [sharing.id] })
    await buildCaseStudy(db, { slug: 'two', title: 'Second of many', principleIds: [sharing.id] })
    await buildCaseStudy(db, { slug: 'three', title: 'Third of many', principleIds: [sharing.id] })
  })

  it('lists the principles in Welsh', async () => {
    const res = await get().app.inject('/cy/principles')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.match(res.body, /<h1 class="govuk-heading-xl">Ein hegwyddorion<\/h1>/)
    assert.match(res.body, /3 astudiaeth achos/)
    assert.match(res.body, /0 astudiaethau achos/)
    assert.match(res.body, /pa rai o egwyddorion y rhwydwaith/)
    const text = visibleText(res.body)
    for (const content of ['Sharing power', 'We share power', 'Learning together']) assert.ok(!text.includes(content), content)
  })

  it('shows a principle and its case studies in Welsh', async () => {
    const res = await get().app.inject('/cy/principles/sharing')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.match(res.body, /Mae 3 astudiaeth achos yn bodloni’r egwyddor hon/)
    assert.match(res.body, /Chwilio a hidlo’r astudiaethau achos hyn/)
    assert.match(res.body, /href="\/cy\/principles"/)
    const text = visibleText(res.body)
    for (const content of ['Sharing power', 'We share power', 'First of many']) assert.ok(!text.includes(content), content)
    const none = await get().app.inject('/cy/principles/learning')
    assert.match(none.body, /Nid oes unrhyw astudiaeth achos yn bodloni’r egwyddor hon/)
    assert.match(none.body, /Nid oes unrhyw astudiaeth achos gyhoeddedig yn cofnodi’r egwyddor hon eto\./)
  })

  it('keeps the English pages as they were', async () => {
    assert.match((await get().app.inject('/principles/sharing')).body, /3 case studies meet this principle/)
    assert.match((await get().app.inject('/principles')).body, /0 case studies/)
  })
})
