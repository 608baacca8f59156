import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../app.ts'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent } from '../../../test/agent.ts'
import type { Agent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { pageSearchDeps } from './page-deps.ts'
import { runSearchRebuild } from './rebuild-command.ts'
import { liveSearchEngine } from './run-search.ts'

// Caches are emptied when public content changes, and only then; the search engine follows each
// change in place, on this instance at once and on another instance after its next poll.

const slugsIn = (html: string) => [...html.matchAll(/<a class="govuk-link" href="\/case-studies\/([a-z0-9-]+)">/g)].map((m) => m[1])
const totalIn = (html: string) => Number(/([\d,]+) case stud(?:y|ies)/.exec(html)?.[1]?.replace(',', '') ?? NaN)

describeEachDatabase('search and page cache follow content changes', (get) => {
  let editor: Agent
  let principle: { id: number; slug: string }
  const draft = (title: string, action: string) => ({
    title,
    summary: 'Apples for everyone.',
    kind: 'project',
    lead: '',
    principles: [String(principle.id)],
    body: 'Quinces and medlars.',
    action,
  })
  const engineOf = (app: FastifyInstance) => liveSearchEngine(pageSearchDeps(app))

  before(async () => {
    const { app, handle } = get()
    principle = await buildPrinciple(handle.db, { slug: 'growing', shortName: 'Growing' })
    await buildOrganisation(handle.db, { slug: 'orchard-council', name: 'Orchard Council' })
    await buildCaseStudy(handle.db, { slug: 'community-orchard', title: 'A community orchard', principleIds: [principle.id] })
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  it('sign-in, sign-out, a preview, a form shown again, a rejected form and a draft leave the search engine and cached pages in place', async () => {
    const { app, handle } = get()
    for (const url of ['/', '/case-studies', '/case-studies?q=orchard', '/case-studies/community-orchard'])
      assert.equal((await app.inject(url)).statusCode, 200)
    const live = await engineOf(app)
    const engine = live.current()
    const pages = app.pageCache.size
    assert.ok(pages >= 4)

    const visitor = (await signedInAgent(app, handle.db, 'officer', 'orchard-council')).agent
    assert.equal((await visitor.post('/sign-out')).statusCode, 303)
    const preview = await editor.post('/case-studies/new', draft('Medlar walk', 'preview'))
    assert.equal(preview.statusCode, 200)
    const rejected = await editor.post('/case-studies/new', draft('', 'save'))
    assert.equal(rejected.statusCode, 400)
    assert.match(rejected.body, /govuk-error-summary/)
    // A form shown again (200) to add a row of choices.
    assert.equal((await editor.post('/case-studies/new', draft('Medlar walk', 'add-participants'))).statusCode, 200)
    assert.equal((await editor.post('/case-studies/new', draft('Medlar walk', 'save'))).statusCode, 303)

    assert.equal(app.pageCache.size, pages)
    assert.equal(await engineOf(app), live)
    assert.equal(live.current(), engine)
    assert.equal((await app.inject('/case-studies?q=orchard')).headers['x-coophub-cache'], 'hit')
  })

  it('a publish empties the cached pages and the case study is found and counted at once; an unpublish takes it out at once', async () => {
    const { app } = get()
    const live = await engineOf(app)
    const before = await app.inject(`/case-studies?principle=${principle.slug}`)
    assert.deepEqual(slugsIn((await app.inject('/case-studies?q=medlar')).body), [])

    assert.equal((await editor.post('/admin/review/medlar-walk/publish', { revision: '1' })).statusCode, 303)
    assert.equal(app.pageCache.size, 0)
    const found = await app.inject('/case-studies?q=medlar')
    assert.equal(found.headers['x-coophub-cache'], undefined)
    assert.deepEqual(slugsIn(found.body), ['medlar-walk'])
    const after = await app.inject(`/case-studies?principle=${principle.slug}`)
    assert.equal(totalIn(after.body), totalIn(before.body) + 1)
    assert.equal(await engineOf(app), live, 'changed in place, not built again')

    assert.equal((await editor.post('/admin/review/medlar-walk/unpublish')).statusCode, 303)
    assert.deepEqual(slugsIn((await app.inject('/case-studies?q=medlar')).body), [])
    assert.equal(totalIn((await app.inject(`/case-studies?principle=${principle.slug}`)).body), totalIn(before.body))
  })

  it('a second instance on the same database sees a change after its next poll', async () => {
    const { app, handle, config } = get()
    const other = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion: 'test' })
    after(() => other.close())
    await other.ready()
    // Its polls are made by the test, so that what it shows before one is certain.
    other.pageCache.stop()
    const engine = await engineOf(other)
    assert.deepEqual(slugsIn((await other.inject('/case-studies?q=medlar')).body), [])

    assert.equal((await editor.post('/admin/review/medlar-walk/publish', { revision: '1' })).statusCode, 303)
    assert.deepEqual(slugsIn((await app.inject('/case-studies?q=medlar')).body), ['medlar-walk'])
    assert.deepEqual(slugsIn((await other.inject('/case-studies?q=medlar')).body), [], 'not before its poll')

    await other.pageCache.refresh()
    assert.deepEqual(slugsIn((await other.inject('/case-studies?q=medlar')).body), ['medlar-walk'])
    assert.equal(await engineOf(other), engine)
  })

  it('coophub search rebuild: the search data recomputed, and each server reads its engine again in the background, answering meanwhile', async () => {
    const { app, handle } = get()
    const live = await engineOf(app)
    const before = (await app.inject('/case-studies?q=orchard')).body
    await handle.db.execute(sql`DELETE FROM search_words`)
    const { recomputed } = await runSearchRebuild(handle.db, { database: true })
    assert.equal(recomputed, live.stats.rows)
    const words = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM search_words`)
    assert.ok(words.rows[0]!.n > 0)

    await app.pageCache.refresh()
    assert.equal(live.current().stale, true)
    const meanwhile = await app.inject('/case-studies?q=orchard')
    assert.deepEqual(slugsIn(meanwhile.body), slugsIn(before))
    assert.equal(meanwhile.headers['x-coophub-cache'], undefined)
    await live.idle()
    assert.equal(live.current().stale, false)
    assert.equal(await engineOf(app), live)
    assert.deepEqual(slugsIn((await app.inject('/case-studies?q=orchard')).body), slugsIn(before))
  })
})
