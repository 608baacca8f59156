import assert from 'node:assert/strict'
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { type Agent, agentWithSession } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple } from '../../../test/factories.ts'
import { mainOf, unsafeMarkup } from '../../../test/html-safety.ts'
import { htmlErrors } from '../../../test/html-validity.ts'
import { pdfInfo, pdfText, pdfToolsMissing } from '../../../test/pdf-tools.ts'
import { auditEvents, caseStudies, publicationCaseStudies, publications } from '../../db/schema/index.ts'

const skip = pdfToolsMissing() ?? false
const folder = mkdtempSync(path.join(tmpdir(), 'coophub-publications-'))
after(() => rmSync(folder, { recursive: true, force: true }))

const form = (over: Record<string, string | string[]> = {}) => ({
  year: '2025',
  from: '',
  to: '',
  kinds: ['case-studies', 'policy-labs', 'affiliate-pieces'],
  order: 'council',
  language: 'en',
  title: '',
  coverText: 'The work of our members.',
  foreword: '## Welcome\n\nA year of *co-operation*.',
  matters: ['principles', 'projects', 'members', 'join-us'],
  ...over,
})

describeEachDatabase('publications: the annual pack made, previewed, published and read', (get) => {
  let admin: Agent
  let editor: Agent
  let firstId: number

  before(async () => {
    const { app, handle } = get()
    admin = await agentWithSession(app, handle.db, 'admin')
    editor = await agentWithSession(app, handle.db, 'editor')
    const principle = await buildPrinciple(handle.db, { shortName: 'Citizens as equal partners', shortNameCy: 'Dinasyddion yn bartneriaid cyfartal' })
    const lead = await buildOrganisation(handle.db, { name: 'Cyngor Gwynedd', region: 'Wales' })
    const consenting = await buildPerson(handle.db, { name: 'Ann Consent', email: 'ann@example.org', publishContact: true })
    const private_ = await buildPerson(handle.db, { name: 'Private Person', email: 'private@example.org', publishContact: false })
    firstId = (
      await buildCaseStudy(handle.db, {
        title: 'Gŵyl y gymuned',
        yearStart: 2025,
        leadId: lead.id,
        principleIds: [principle.id],
        contactPersonId: consenting.id,
      })
    ).id
    await buildCaseStudy(handle.db, {
      title: 'Hostile <b>title</b> 😀',
      body: '| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script> [x](javascript:alert(1))',
      yearStart: 2025,
      contactPersonId: private_.id,
    })
    await buildCaseStudy(handle.db, { title: 'Another year', yearStart: 2021 })
  })

  it('refuses the pages to the public (sign in) and to editors (forbidden)', async () => {
    const { app } = get()
    const anonymous = await app.inject('/admin/publications/packs/new')
    assert.equal(anonymous.statusCode, 303)
    assert.equal((await editor.get('/admin/publications/packs/new')).statusCode, 403)
    const post = await editor.post('/admin/publications/packs', form())
    assert.equal(post.statusCode, 403)
    assert.equal((await get().handle.db.select().from(publications)).length, 0)
  })

  it('shows each invalid field with its message and a summary link', async () => {
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ year: '25' }, '#year', 'Enter a year as 4 digits, for example 2025'],
      [{ year: '2025', from: '2025-01-01' }, '#year', 'Enter a year or dates, not both'],
      [{ year: '' }, '#year', 'Enter a year, or the dates the pack covers'],
      [{ year: '', from: '2025-02-30', to: '2025-03-01' }, '#from', 'Enter the first date as year-month-day, for example 2025-04-01'],
      [{ year: '', from: '2025-03-01', to: '2025-02-01' }, '#to', 'The last date must be on or after the first date'],
      [{ kinds: [] }, '#kinds', 'Select at least one kind to include'],
      [{ order: 'by-size' }, '#order', 'Select an order'],
      [{ language: 'fr' }, '#language', 'Select the language of the pack'],
      [{ title: 'x'.repeat(301) }, '#title', 'The title must be 300 characters or fewer'],
      [{ year: '1999' }, '#year', 'No published case study of the kinds chosen falls in this period'],
    ]
    for (const [over, href, message] of cases) {
      const res = await admin.post('/admin/publications/packs/preview', form(over))
      assert.equal(res.statusCode, 400, JSON.stringify(over))
      assert.ok(
        summaryLinks(res.body).some((l) => l.includes(href)),
        `${href} in ${summaryLinks(res.body).join(', ')}`,
      )
      assert.ok(res.body.includes(message.replace(/'/g, '&#39;')), message)
    }
    const publish = await admin.post('/admin/publications/packs', form({ year: '1999' }))
    assert.equal(publish.statusCode, 400)
    assert.equal((await get().handle.db.select().from(publications)).length, 0)
  })

  it('previews the year’s published case studies as the HTML edition, escaped, contacts only with consent', async () => {
    const form0 = await admin.get('/admin/publications/packs/new')
    assert.equal(form0.statusCode, 200)
    assert.match(form0.body, /Make the annual case-study pack/)
    const res = await admin.post('/admin/publications/packs/preview', form())
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /2 case studies will be in the pack/)
    assert.match(res.body, /Gŵyl y gymuned/)
    assert.match(res.body, /Hostile &lt;b&gt;title&lt;\/b&gt; 😀/)
    assert.doesNotMatch(res.body, /Another year/)
    assert.match(res.body, /ann@example\.org/)
    assert.doesNotMatch(res.body, /private@example\.org/)
    assert.match(res.body, /<th scope="col" class="govuk-table__header">a<\/th>/)
    assert.deepEqual(unsafeMarkup(mainOf(res.body)), [])
    assert.deepEqual(await htmlErrors(res.body), [], 'the preview, hostile content and all, is valid HTML')
    assert.match(res.body, /formaction="\/admin\/publications\/packs"/)
  })

  it('previews by region: a section for each lead member’s region, in alphabetical order, each case study under its own', async () => {
    const res = await admin.post('/admin/publications/packs/preview', form({ order: 'region' }))
    assert.equal(res.statusCode, 200)
    const sections = [
      ...res.body.matchAll(/<section aria-labelledby="section-\d+"><h2 class="govuk-heading-xl" id="section-\d+">([^<]+)<\/h2>([\s\S]*?)<\/section>/g),
    ]
    const headings = sections.map((m) => m[1]!)
    assert.ok(headings.includes('Wales'), headings.join(', '))
    assert.deepEqual(
      headings,
      [...headings].sort((a, b) => a.localeCompare(b, 'en')),
    )
    const wales = sections.find((m) => m[1] === 'Wales')![2]!
    assert.match(wales, /Gŵyl y gymuned/)
    assert.doesNotMatch(wales, /Hostile/)
    assert.deepEqual(await htmlErrors(res.body), [])
  })

  it('publishes: the publication, the revisions it printed, the audit; the page, the PDF; a later edit changes neither', { skip }, async () => {
    const { app, handle } = get()
    const res = await admin.post('/admin/publications/packs', form())
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/publications/case-study-pack-2025?published=1')
    const [row] = await handle.db.select().from(publications)
    assert.equal(row!.title, 'Case-study pack 2025')
    assert.equal(row!.edition, 1)
    const record = await handle.db.select().from(publicationCaseStudies).where(eq(publicationCaseStudies.publicationId, row!.id))
    assert.deepEqual(record.map((r) => r.title).sort(), ['Gŵyl y gymuned', 'Hostile <b>title</b> 😀'])
    assert.ok(record.every((r) => r.revisionId !== null && r.revisionNumber === 1))
    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'pack-published'))
    assert.equal(audits.length, 1)

    await handle.db.update(caseStudies).set({ title: 'Renamed later' }).where(eq(caseStudies.id, firstId))
    const page = await app.inject('/publications/case-study-pack-2025')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1 class="govuk-heading-xl">Case-study pack 2025<\/h1>/)
    assert.match(page.body, /Download the PDF \(\d+ pages, \d+ kB\)/)
    assert.match(page.body, /Gŵyl y gymuned \(version 1\)/)
    assert.doesNotMatch(page.body, /Renamed later/)
    assert.deepEqual(unsafeMarkup(mainOf(page.body)), [])
    assert.deepEqual(await htmlErrors(page.body), [], 'the HTML edition is valid HTML')
    const list = await app.inject('/publications')
    assert.match(list.body, /href="\/publications\/case-study-pack-2025"/)
    const welsh = await app.inject('/cy/publications/case-study-pack-2025')
    assert.match(welsh.body, /Lawrlwytho’r PDF/)
    assert.match(welsh.body, /<div class="pack-edition" data-qa="pack-edition" lang="en">/)

    const pdf = await app.inject('/publications/case-study-pack-2025/pack.pdf')
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    const file = path.join(folder, `${Date.now()}.pdf`)
    writeFileSync(file, pdf.rawPayload)
    assert.equal(pdfInfo(file).Tagged, 'yes')
    assert.ok(pdfText(file).includes('Gŵyl y gymuned'))

    const again = await admin.post('/admin/publications/packs', form({ language: 'cy' }))
    assert.equal(again.headers.location, '/publications/case-study-pack-2025-cy?published=1')
    const second = await admin.post('/admin/publications/packs', form())
    assert.equal(second.headers.location, '/publications/case-study-pack-2025-edition-2?published=1')
    const cy = await app.inject('/publications/case-study-pack-2025-cy')
    assert.match(cy.body, /Dinasyddion yn bartneriaid cyfartal/)
    assert.equal((await app.inject('/publications/no-such-pack')).statusCode, 404)
    assert.equal((await app.inject('/publications/no-such-pack/pack.pdf')).statusCode, 404)
  })
})
