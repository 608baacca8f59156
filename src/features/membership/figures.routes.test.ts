import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { type Agent, signedInAgent } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildMember, buildRegisterCouncil } from '../../../test/membership.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { councilFigures } from '../../db/schema/index.ts'

const links = (html: string) => summaryLinks(html).map((l) => l.split(' ')[0])

describeEachDatabase('admin: councils’ figures', (get) => {
  let admin: Agent
  let editor: Agent
  before(async () => {
    const { app, handle } = get()
    await buildRegisterCouncil(handle.db, { code: 'FIG', name: 'Figtown', population: 123_456 })
    await buildMember(handle.db, { name: 'Figtown Council', tier: 'full', authorityCode: 'FIG' })
    admin = (await signedInAgent(app, handle.db, 'admin')).agent
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  it('is for administrators only', async () => {
    assert.equal((await editor.get('/admin/membership/figures')).statusCode, 403)
    assert.equal((await editor.post('/admin/membership/figures/FIG', { population: '1' })).statusCode, 403)
  })

  it('lists member councils with the register’s 2020 population as the starting figure, crediting the register', async () => {
    const res = await admin.get('/admin/membership/figures')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Figtown/)
    assert.match(res.body, /123,456/)
    assert.match(res.body, /2020, from the register/)
    assert.match(res.body, /mySociety, under the CC BY 4.0 licence/)
    const form = await admin.get('/admin/membership/figures/FIG')
    assert.match(form.body, /value="123456"/)
    assert.match(form.body, /a starting figure/)
  })

  it('says what is wrong, keeping what was typed, and stores nothing', async () => {
    const res = await admin.post('/admin/membership/figures/FIG', {
      population: '-4',
      populationYear: '1850',
      populationSource: '',
      budget: 'lots',
      budgetYear: '2025',
      budgetSource: 'Budget',
    })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(links(res.body), ['#population', '#populationYear', '#populationSource', '#budget'])
    assert.match(res.body, /value="lots"/)
    assert.equal((await get().handle.db.select().from(councilFigures)).length, 0)
  })

  it('saves figures with their years and sources', async () => {
    const res = await admin.post('/admin/membership/figures/FIG', {
      population: '130,000',
      populationYear: '2024',
      populationSource: 'ONS mid-year estimate',
      budget: '£310,000,000',
      budgetYear: '2025',
      budgetSource: 'Budget book',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await get().handle.db.select().from(councilFigures).where(eq(councilFigures.authorityCode, 'FIG'))
    assert.equal(row?.population, 130_000)
    assert.equal(row?.budgetPence, 31_000_000_000)
    const list = await admin.get(res.headers.location as string)
    assert.match(list.body, /Saved the figures of FIG/)
    assert.match(list.body, /ONS mid-year estimate/)
  })

  it('answers an unknown council with not found, and reads in Welsh', async () => {
    assert.equal((await admin.get('/admin/membership/figures/NOPE')).statusCode, 404)
    assert.equal((await admin.get('/admin/membership/figures/%3Cx%3E')).statusCode, 404)
    assert.equal((await admin.post('/admin/membership/figures/NOPE', { population: '1' })).statusCode, 404)
    for (const url of ['/cy/admin/membership/figures', '/cy/admin/membership/figures/FIG']) {
      const res = await admin.get(url)
      assert.equal(res.statusCode, 200, url)
      assert.deepEqual(englishOn(res.body.replace(/<td[^>]*>[^<]*(<br>)?<span class="govuk-hint[^>]*>[^<]*<\/span><\/td>/g, '')), [], url)
      assert.deepEqual(englishPhrasesOn(res.body.replace(/ONS mid-year estimate|Budget book/g, '')), [], url)
    }
  })
})
