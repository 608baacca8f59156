import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../test/app.ts'
import { buildCaseStudy } from '../../test/factories.ts'

describeEachDatabase('Content languages in the database', (get) => {
  it('indexes a Welsh case study without stemming and an English one with the english stemmer', async () => {
    const { db } = get().handle
    const welsh = await buildCaseStudy(db, { language: 'cy', title: 'Tai cydweithredol yng Nghaerdydd', summary: 'Cynghorau yn gweithio gyda thenantiaid.' })
    const english = await buildCaseStudy(db, { title: 'Co-operative housing councils', summary: 'Councils working with tenants.' })
    const vectors = await db.execute<{ id: number; words: string[] }>(
      sql`SELECT id, tsvector_to_array(search_vector) AS words FROM case_studies WHERE id IN (${welsh.id}, ${english.id})`,
    )
    const words = new Map(vectors.rows.map((r) => [r.id, r.words]))
    assert.ok(words.get(welsh.id)!.includes('cynghorau'), 'the Welsh word is kept whole')
    assert.ok(words.get(welsh.id)!.includes('cydweithredol'))
    assert.ok(words.get(english.id)!.includes('council'), 'the English word is stemmed')
    assert.ok(!words.get(english.id)!.includes('councils'))
  })

  it('rebuilds the vectors when the language changes', async () => {
    const { db } = get().handle
    const row = await buildCaseStudy(db, { title: 'Cynghorau cymuned' })
    await db.execute(sql`UPDATE case_studies SET language = 'cy' WHERE id = ${row.id}`)
    const result = await db.execute<{ words: string[] }>(sql`SELECT tsvector_to_array(search_vector) AS words FROM case_studies WHERE id = ${row.id}`)
    assert.ok(result.rows[0]!.words.includes('cynghorau'))
  })

  it('keeps one version per language in a translation group', async () => {
    const { db } = get().handle
    const first = await buildCaseStudy(db)
    await db.execute(sql`UPDATE case_studies SET translation_group = ${first.id} WHERE id = ${first.id}`)
    await buildCaseStudy(db, { language: 'cy', translationGroup: first.id })
    await assert.rejects(buildCaseStudy(db, { language: 'cy', translationGroup: first.id }))
    await assert.rejects(db.execute(sql`UPDATE case_studies SET language = 'fr' WHERE id = ${first.id}`))
  })
})
