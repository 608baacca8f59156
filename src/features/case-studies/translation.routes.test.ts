import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { caseStudies, caseStudyRevisions } from '../../db/schema/index.ts'
import { englishOn } from '../../../test/welsh.ts'

// The editing form's language and "this is a translation of": saved with the case study, in the
// history, and one version per language in a group.

describeEachDatabase('a case study’s language and translation on the editing form', (get) => {
  let editor: Agent
  let lead: number
  let english: { id: number; slug: string; title: string }
  let otherEnglish: { id: number; slug: string; title: string }
  const form = (over: Record<string, string>) => ({ title: 'Tai cydweithredol yn y cymoedd', summary: '', kind: 'project', lead: String(lead), ...over })

  before(async () => {
    const { app, handle } = get()
    lead = (await buildOrganisation(handle.db, { slug: 'valleys-council', name: 'Valleys Council' })).id
    english = await buildCaseStudy(handle.db, { title: 'Co-operative housing in the valleys', slug: 'co-operative-housing-valleys', leadId: lead })
    otherEnglish = await buildCaseStudy(handle.db, { title: 'Community energy', slug: 'community-energy', leadId: lead })
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  it('offers the language as English or Cymraeg, English chosen for a new case study', async () => {
    const page = await editor.get('/case-studies/new')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Language of this case study/)
    assert.match(page.body, /value="en" checked/)
    assert.match(page.body, /<span lang="cy">Cymraeg<\/span>/)
    assert.match(page.body, /This is a translation of \(optional\)/)
  })

  it('saves a Welsh case study as the translation of an English one, in one group, with the language in its history', async () => {
    const { db } = get().handle
    const created = await editor.post('/case-studies/new', form({ language: 'cy', translationOf: english.title }))
    assert.equal(created.statusCode, 303, created.body)
    const slug = /\/case-studies\/([^/]+)\/edit/.exec(String(created.headers.location))![1]!
    const [welsh] = await db.select().from(caseStudies).where(eq(caseStudies.slug, slug))
    const [original] = await db.select().from(caseStudies).where(eq(caseStudies.id, english.id))
    assert.equal(welsh!.language, 'cy')
    assert.equal(welsh!.translationGroup, english.id)
    assert.equal(original!.translationGroup, english.id)
    const [revision] = await db.select().from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, welsh!.id))
    assert.equal((revision!.snapshot as { language?: string }).language, 'cy')

    const edit = await editor.get(`/case-studies/${slug}/edit`)
    assert.match(edit.body, /value="cy" checked/)
    assert.match(edit.body, new RegExp(`name="translationOf" type="text" spellcheck="false" value="${english.title}"`))
    const history = await editor.get(`/case-studies/${slug}/history`)
    assert.equal(history.statusCode, 200)
  })

  it('finds the original by its address too, and refuses a second Welsh version of it', async () => {
    const second = await editor.post(
      '/case-studies/new',
      form({ title: 'Ail fersiwn', language: 'cy', translationOf: `https://example.org/case-studies/${english.slug}` }),
    )
    assert.equal(second.statusCode, 400)
    assert.match(second.body, /already has a translation in this language/)
  })

  it('refuses a translation in the same language, and a title that names no case study, with the field’s message', async () => {
    const same = await editor.post('/case-studies/new', form({ language: 'en', translationOf: otherEnglish.slug }))
    assert.equal(same.statusCode, 400)
    assert.match(same.body, /“Community energy” is in English too: a translation must be in the other language/)
    assert.match(same.body, /href="#translationOf"/)
    const none = await editor.post('/case-studies/new', form({ language: 'cy', translationOf: 'No such case study' }))
    assert.equal(none.statusCode, 400)
    assert.match(none.body, /There is no case study with the title or address “No such case study”/)
    const badLanguage = await editor.post('/case-studies/new', form({ language: 'fr' }))
    assert.equal(badLanguage.statusCode, 400)
    assert.match(badLanguage.body, /Select the language of this case study/)
  })

  it('says so in Welsh on the Welsh form', async () => {
    const same = await editor.post('/cy/case-studies/new', form({ language: 'en', translationOf: otherEnglish.slug }))
    assert.equal(same.statusCode, 400)
    assert.match(same.body, /Mae “Community energy” yn Saesneg hefyd: rhaid i gyfieithiad fod yn yr iaith arall/)
    assert.match(same.body, /Iaith yr astudiaeth achos hon/)
    assert.deepEqual(englishOn(same.body), [])
  })

  it('unlinks a translation when the field is emptied, and a lone version leaves its group', async () => {
    const { db } = get().handle
    const welsh = await buildCaseStudy(db, { language: 'cy', title: 'Ynni cymunedol', slug: 'ynni-cymunedol', status: 'draft', leadId: lead })
    const edit = await editor.get('/case-studies/ynni-cymunedol/edit')
    const base = /name="baseRevision" value="(\d+)"/.exec(edit.body)![1]!
    const linked = await editor.post(
      '/case-studies/ynni-cymunedol/edit',
      form({ title: 'Ynni cymunedol', language: 'cy', translationOf: otherEnglish.title, baseRevision: base }),
    )
    assert.equal(linked.statusCode, 303, linked.body)
    assert.equal((await db.select().from(caseStudies).where(eq(caseStudies.id, welsh.id)))[0]!.translationGroup, otherEnglish.id)
    const again = await editor.get('/case-studies/ynni-cymunedol/edit')
    const base2 = /name="baseRevision" value="(\d+)"/.exec(again.body)![1]!
    const unlinked = await editor.post(
      '/case-studies/ynni-cymunedol/edit',
      form({ title: 'Ynni cymunedol', language: 'cy', translationOf: '', baseRevision: base2 }),
    )
    assert.equal(unlinked.statusCode, 303)
    assert.equal((await db.select().from(caseStudies).where(eq(caseStudies.id, welsh.id)))[0]!.translationGroup, null)
    assert.equal((await db.select().from(caseStudies).where(eq(caseStudies.id, otherEnglish.id)))[0]!.translationGroup, null)
  })
})
