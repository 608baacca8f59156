import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { and, desc, eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { mainOf, unsafeMarkup } from '../../../test/html-safety.ts'
import { snapshotFromRow } from './revisions.ts'
import { auditEvents, caseStudies, caseStudyRevisions, emails, organisations, reviewComments, users } from '../../db/schema/index.ts'

interface Ctx {
  officer: Agent
  officerEmail: string
  other: Agent
  editor: Agent
  editorEmail: string
  sharing: number
  learning: number
  home: number
  partner: number
}

const valid = (c: Ctx, over: Record<string, string | string[]> = {}) => ({
  title: 'Street food stalls run by residents',
  summary: 'Residents ran food stalls in the market square.',
  kind: 'project',
  yearStart: '2021',
  yearEnd: '2022',
  lead: String(c.home),
  participants: [''],
  partners: [String(c.partner)],
  funders: [''],
  principles: [String(c.sharing)],
  themes: 'Food, Local economy',
  body: '## About the project\n\nStalls every Saturday.',
  outcomes: '- 40 traders',
  contactName: 'Robin Cook',
  contactJobTitle: 'Market Officer',
  contactOrganisation: String(c.home),
  contactEmail: 'robin@example.org',
  contactPhone: '01632 960 001',
  contactConsent: 'yes',
  ...over,
})

const errorLinks = (body: string) => [...body.matchAll(/<a href="#([A-Za-z]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`)

describeEachDatabase('editorial workflow', (get) => {
  const c = {} as Ctx
  before(async () => {
    const { app, handle } = get()
    c.home = (await buildOrganisation(handle.db, { slug: 'home-council', name: 'Home Council' })).id
    await buildOrganisation(handle.db, { slug: 'away-council', name: 'Away Council' })
    c.partner = (await buildOrganisation(handle.db, { slug: 'market-co-op', name: 'Market Co-op', tier: 'none', kind: 'organisation' })).id
    c.sharing = (await buildPrinciple(handle.db, { slug: 'sharing', shortName: 'Sharing power', statement: 'We share power.' })).id
    c.learning = (await buildPrinciple(handle.db, { slug: 'learning', shortName: 'Learning', statement: 'We learn.' })).id
    const officer = await signedInAgent(app, handle.db, 'officer', 'home-council')
    c.officer = officer.agent
    c.officerEmail = officer.email
    c.other = (await signedInAgent(app, handle.db, 'officer', 'away-council')).agent
    const editor = await signedInAgent(app, handle.db, 'editor')
    c.editor = editor.agent
    c.editorEmail = editor.email
  })

  describe('not signed in', () => {
    it('sends people to sign in and back', async () => {
      const anonymous = new Agent(get().app)
      const page = await anonymous.get('/case-studies/new')
      assert.equal(page.statusCode, 303)
      assert.equal(page.headers.location, '/sign-in?next=%2Fcase-studies%2Fnew')
      const post = await anonymous.post('/case-studies/new', { title: 'x', kind: 'project' })
      assert.equal(post.statusCode, 303)
      assert.match(String(post.headers.location), /^\/sign-in/)
      assert.equal((await anonymous.get('/admin/review')).statusCode, 303)
      assert.equal((await anonymous.get('/dashboard')).statusCode, 303)
    })
  })

  describe('each invalid field', () => {
    const cases: Array<[string, Record<string, string | string[]>, string]> = [
      ['no title', { title: '' }, 'title: Enter a title'],
      ['a title too long', { title: 'x'.repeat(201) }, 'title: Title must be 200 characters or fewer'],
      ['a summary too long', { summary: 'x'.repeat(601) }, 'summary: Summary must be 600 characters or fewer'],
      ['no kind', { kind: '' }, 'kind: Select what kind of work this is'],
      ['an unknown kind', { kind: 'podcast' }, 'kind: Select what kind of work this is'],
      ['a year in words', { yearStart: 'twenty' }, 'yearStart: First year must be a year in 4 digits, like 2022'],
      ['a year out of range', { yearStart: '1850' }, 'yearStart: First year must be between 1900 and'],
      ['an end before the start', { yearStart: '2022', yearEnd: '2020' }, 'yearEnd: Last year must be the same as or after the first year'],
      ['an end without a start', { yearStart: '', yearEnd: '2020' }, 'yearStart: Enter the first year as well as the last'],
      ['an unknown lead', { lead: '999999' }, 'lead: Select the lead member from the list'],
      [
        'a lead that is not a member',
        { lead: 'PARTNER' },
        'lead: Market Co-op is not a member of the network, so it cannot be the lead member. Choose the member that led the work, and name Market Co-op as a partner',
      ],
      ['an unknown participant', { participants: ['999999'] }, 'participants: Select participating members from the list'],
      ['an unknown principle', { principles: ['999999'] }, 'principles: Select principles from the list'],
      ['too many themes', { themes: 'a,b,c,d,e,f,g,h,i,j,k' }, 'themes: Enter 10 themes or fewer'],
      ['a contact without a name', { contactName: '' }, 'contactName: Enter the contact’s name'],
      ['a bad contact email', { contactEmail: 'robin at example' }, 'contactEmail: Enter an email address in the correct format, like name@example.org'],
      ['a bad contact phone', { contactPhone: 'call me' }, 'contactPhone: Enter a telephone number, like 01632 960 001'],
    ]
    for (const [name, over, expected] of cases) {
      it(`${name}: the exact message, linked from the error summary, and nothing typed is lost`, async () => {
        const form = valid(c, { ...over, ...(over.lead === 'PARTNER' ? { lead: String(c.partner) } : {}), action: 'save' })
        const res = await c.officer.post('/case-studies/new', form)
        assert.equal(res.statusCode, 400)
        assert.match(res.body, /<title>Error: /)
        assert.ok(
          errorLinks(res.body).some((l) => l.startsWith(expected)),
          `${errorLinks(res.body).join(' | ')}`,
        )
        assert.match(res.body, /Residents ran food stalls in the market square\.|x{50}/)
        assert.match(res.body, /Stalls every Saturday\./)
      })
    }

    it('submitting for review needs summary, year, lead, a principle and the story', async () => {
      const created = await c.officer.post('/case-studies/new', { title: 'Bare draft', kind: 'project', action: 'save' })
      assert.equal(created.statusCode, 303)
      const res = await c.officer.post('/case-studies/bare-draft/edit', { title: 'Bare draft', kind: 'project', action: 'submit', baseRevision: '1' })
      assert.equal(res.statusCode, 400)
      assert.deepEqual(errorLinks(res.body), [
        'summary: Enter a summary',
        'yearStart: Enter the year the work started',
        'lead: Select the lead member',
        'principles: Select at least one principle the work meets',
        'body: Enter the story of the work',
      ])
    })
  })

  describe('forbidden', () => {
    it('an officer cannot edit another organisation’s case study or publish anything', async () => {
      await c.officer.post('/case-studies/new', valid(c, { title: 'Owned by home', action: 'save' }))
      assert.equal((await c.other.get('/case-studies/owned-by-home/edit')).statusCode, 403)
      assert.equal((await c.other.post('/case-studies/owned-by-home/edit', valid(c, { title: 'Hijacked', baseRevision: '1' }))).statusCode, 403)
      assert.equal((await c.other.get('/case-studies/owned-by-home/history')).statusCode, 403)
      assert.equal((await c.officer.get('/admin/review')).statusCode, 403)
      assert.equal((await c.officer.post('/admin/review/owned-by-home/publish', { revision: '1' })).statusCode, 403)
      const [row] = await get().handle.db.select().from(caseStudies).where(eq(caseStudies.slug, 'owned-by-home'))
      assert.equal(row!.title, 'Owned by home')
      assert.equal(row!.status, 'draft')
    })
  })

  describe('success', () => {
    it('officer writes and submits, editor asks for a change, officer fixes it, editor publishes, the public sees it', async () => {
      const db = get().handle.db
      const create = await c.officer.post('/case-studies/new', valid(c, { action: 'save' }))
      assert.equal(create.statusCode, 303)
      assert.equal(create.headers.location, '/case-studies/street-food-stalls-run-by-residents/edit?saved=created')
      const [row] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'street-food-stalls-run-by-residents'))
      assert.equal(row!.status, 'draft')
      assert.equal(row!.ownerOrganisationId, c.home)
      assert.equal(row!.revision, 1)
      assert.equal((await get().app.inject('/case-studies/street-food-stalls-run-by-residents')).statusCode, 404, 'drafts are not public')

      const submit = await c.officer.post(
        '/case-studies/street-food-stalls-run-by-residents/edit',
        valid(c, { action: 'submit', baseRevision: '1', summary: 'Residents ran stalls.' }),
      )
      assert.equal(submit.statusCode, 303)
      const [submitted] = await db.select().from(caseStudies).where(eq(caseStudies.id, row!.id))
      assert.equal(submitted!.reviewState, 'submitted')
      assert.equal(submitted!.revision, 2)

      const queue = await c.editor.get('/admin/review')
      assert.match(queue.body, /data-qa="queue-waiting"[\s\S]*Street food stalls run by residents/)
      const review = await c.editor.get('/admin/review/street-food-stalls-run-by-residents')
      assert.equal(review.statusCode, 200)
      assert.match(review.body, /A new case study/)
      // Each line of the body is its own block, a blank line kept as a gap: paragraphs do not run together.
      assert.match(
        review.body,
        /<div><ins class="coophub-diff-added">## About the project<\/ins><\/div>\s*<div>(?:<ins class="coophub-diff-added"><\/ins>)?<br><\/div>\s*<div><ins class="coophub-diff-added">Stalls every Saturday\.<\/ins><\/div>/,
      )
      assert.match(review.body, /<td class="govuk-table__cell coophub-diff-cell">Project<\/td>/, 'the kind in words')

      const empty = await c.editor.post('/admin/review/street-food-stalls-run-by-residents/request-changes', { revision: '2', comment: '' })
      assert.equal(empty.statusCode, 400)
      assert.deepEqual(errorLinks(empty.body), ['comment: Enter what needs to change'])
      const back = await c.editor.post('/admin/review/street-food-stalls-run-by-residents/request-changes', {
        revision: '2',
        comment: 'Please add the number of stalls.',
      })
      assert.equal(back.statusCode, 303)
      const [comment] = await db.select().from(reviewComments).where(eq(reviewComments.caseStudyId, row!.id))
      assert.equal(comment!.body, 'Please add the number of stalls.')
      const [mail] = await db.select().from(emails).where(eq(emails.toAddress, c.officerEmail)).orderBy(desc(emails.id)).limit(1)
      assert.match(mail!.bodyText, /Please add the number of stalls\./)
      assert.match(mail!.bodyText, /\/case-studies\/street-food-stalls-run-by-residents\/edit/)

      const edit = await c.officer.get('/case-studies/street-food-stalls-run-by-residents/edit')
      assert.match(edit.body, /data-qa="review-comment"[\s\S]*Please add the number of stalls\./)
      const editorName = (await db.select({ name: users.name }).from(users).where(eq(users.email, c.editorEmail)))[0]!.name
      assert.match(edit.body, new RegExp(`data-qa="review-comment"[\\s\\S]*${editorName}, `), 'the comment is signed with the editor’s name')
      assert.doesNotMatch(edit.body, new RegExp(c.editorEmail), 'not with their sign-in address')
      await c.officer.post(
        '/case-studies/street-food-stalls-run-by-residents/edit',
        valid(c, { action: 'submit', baseRevision: '2', summary: 'Residents ran 12 stalls.' }),
      )
      const publish = await c.editor.post('/admin/review/street-food-stalls-run-by-residents/publish', { revision: '3' })
      assert.equal(publish.statusCode, 303)
      const page = await get().app.inject('/case-studies/street-food-stalls-run-by-residents')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Residents ran 12 stalls\./)
      assert.match(page.body, /Market Co-op/)
      assert.match(page.body, /robin@example.org/)
      const [published] = await db.select().from(caseStudies).where(eq(caseStudies.id, row!.id))
      assert.equal(published!.status, 'published')
      assert.equal(published!.publishedRevision, 3)
      const actions = (
        await db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(and(eq(auditEvents.subjectType, 'case-study'), eq(auditEvents.subjectId, String(row!.id))))
      ).map((a) => a.action)
      for (const a of ['case-study-created', 'case-study-saved', 'case-study-submitted', 'case-study-changes-requested', 'case-study-published'])
        assert.ok(actions.includes(a), a)

      // Editing a published case study leaves the public page alone until an editor publishes again.
      await c.officer.post(
        '/case-studies/street-food-stalls-run-by-residents/edit',
        valid(c, { action: 'save', baseRevision: '3', summary: 'Unreviewed words.' }),
      )
      const stillOld = await get().app.inject('/case-studies/street-food-stalls-run-by-residents')
      assert.match(stillOld.body, /Residents ran 12 stalls\./)
      assert.doesNotMatch(stillOld.body, /Unreviewed words/)
      const changes = await c.editor.get('/admin/review/street-food-stalls-run-by-residents')
      assert.match(changes.body, /Changes since the published version/)
      assert.match(changes.body, /Residents ran 12 stalls\.[\s\S]*Unreviewed words\./)

      assert.equal((await c.editor.post('/admin/review/street-food-stalls-run-by-residents/unpublish')).statusCode, 303)
      assert.equal((await get().app.inject('/case-studies/street-food-stalls-run-by-residents')).statusCode, 404)
      assert.equal((await c.editor.post('/admin/review/street-food-stalls-run-by-residents/archive')).statusCode, 303)
      const [archived] = await db.select().from(caseStudies).where(eq(caseStudies.id, row!.id))
      assert.equal(archived!.status, 'archived')
    })

    it('adds an organisation that is not in the list, unverified, with the case study; one of the same name is reused', async () => {
      const { db } = get().handle
      const res = await c.officer.post(
        '/case-studies/new',
        valid(c, {
          title: 'Stalls with a new partner',
          action: 'save',
          newOrganisationName: 'Acme  Community Trust',
          newOrganisationKind: 'organisation',
          newOrganisationRole: 'partners',
        }),
      )
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
      const [added] = await db.select().from(organisations).where(eq(organisations.name, 'Acme Community Trust'))
      assert.deepEqual([added!.tier, added!.verified, added!.kind], ['none', false, 'organisation'])
      const [cs] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'stalls-with-a-new-partner'))
      const snapshot = await snapshotFromRow(db, cs!.id)
      assert.deepEqual(
        snapshot!.partners.map((p) => p.name),
        ['Market Co-op', 'Acme Community Trust'],
      )
      const audit = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, 'organisation'), eq(auditEvents.subjectId, String(added!.id))))
      assert.match(audit[0]!.summary, /Added organisation Acme Community Trust \(unverified\) while writing “Stalls with a new partner”/)

      // Typed again, in other letters, as a funder: the one already stored is used, not a second.
      await c.officer.post(
        '/case-studies/new',
        valid(c, {
          title: 'Stalls funded by the trust',
          action: 'save',
          newOrganisationName: 'acme community trust',
          newOrganisationKind: 'organisation',
          newOrganisationRole: 'funders',
        }),
      )
      assert.equal(
        (
          await db
            .select()
            .from(organisations)
            .where(sql`lower(name) = 'acme community trust'`)
        ).length,
        1,
      )
      const [funded] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'stalls-funded-by-the-trust'))
      assert.deepEqual(
        (await snapshotFromRow(db, funded!.id))!.funders.map((f) => f.name),
        ['Acme Community Trust'],
      )
    })

    it('never drops a name typed into a picker without a message, and offers to add it', async () => {
      const { db } = get().handle
      const before = (await db.select().from(organisations)).length
      const res = await c.officer.post(
        '/case-studies/new',
        valid(c, { title: 'A typed funder', action: 'save', funders: [''], 'funders-typed': ['Nowhere Foundation'] }),
      )
      assert.equal(res.statusCode, 400)
      assert.deepEqual(errorLinks(res.body), [
        'funders: “Nowhere Foundation” is not in the list of organisations. Choose it from the list, or add it as an organisation that is not in the list',
      ])
      // The name is waiting in the "not in the list" section, which is open, with its role chosen.
      assert.match(res.body, /<details class="govuk-details"[^>]*open[\s\S]*id="newOrganisationName"[^>]*value="Nowhere Foundation"/)
      assert.match(res.body, /<input class="govuk-radios__input" id="newOrganisationRole-3" name="newOrganisationRole" type="radio" value="funders" checked>/)
      const lead = await c.officer.post('/case-studies/new', valid(c, { title: 'A typed lead', action: 'save', lead: '', 'lead-typed': 'Somewhere Council' }))
      assert.deepEqual(errorLinks(lead.body), ['lead: “Somewhere Council” is not one of the network’s members. Choose the lead member from the list'])
      const missing = await c.officer.post('/case-studies/new', valid(c, { title: 'No kind given', action: 'save', newOrganisationName: 'Half Told Ltd' }))
      assert.deepEqual(errorLinks(missing.body), [
        'newOrganisationKind: Select what kind of organisation Half Told Ltd is',
        'newOrganisationRole: Select how Half Told Ltd took part',
      ])
      assert.equal((await db.select().from(organisations)).length, before, 'nothing was added')
    })

    it('adds nothing when the save is refused: the new organisation and the case study are one unit', async () => {
      const { db } = get().handle
      await c.officer.post('/case-studies/new', valid(c, { title: 'Conflicted stalls', action: 'save' }))
      await c.officer.post(
        '/case-studies/conflicted-stalls/edit',
        valid(c, { title: 'Conflicted stalls', summary: 'Changed first.', action: 'save', baseRevision: '1' }),
      )
      const stale = await c.officer.post(
        '/case-studies/conflicted-stalls/edit',
        valid(c, {
          title: 'Conflicted stalls',
          action: 'save',
          baseRevision: '1',
          newOrganisationName: 'Too Late Ltd',
          newOrganisationKind: 'organisation',
          newOrganisationRole: 'partners',
        }),
      )
      assert.equal(stale.statusCode, 409)
      assert.equal((await db.select().from(organisations).where(eq(organisations.name, 'Too Late Ltd'))).length, 0)
    })

    it('offers only members as the lead, and every organisation as a partner or funder', async () => {
      const page = await c.officer.get('/case-studies/new')
      const select = (id: string) => new RegExp(`<select[^>]+id="${id}"[^>]*>[\\s\\S]*?</select>`).exec(page.body)?.[0] ?? ''
      assert.match(select('lead'), /Home Council/)
      assert.doesNotMatch(select('lead'), /Market Co-op/)
      assert.match(select('partners'), /Market Co-op/)
      assert.match(select('funders'), /Market Co-op/)
    })

    it('previews the Markdown and adds organisation pickers without saving anything', async () => {
      await c.officer.post('/case-studies/new', valid(c, { title: 'Preview me', action: 'save' }))
      const preview = await c.officer.post(
        '/case-studies/preview-me/edit',
        valid(c, { title: 'Preview me', body: '## Heard\n\n**bold** <script>x</script>', action: 'preview', baseRevision: '1' }),
      )
      assert.equal(preview.statusCode, 200)
      assert.match(preview.body, /data-qa="preview-panel"[\s\S]*<h2>Heard<\/h2>[\s\S]*<strong>bold<\/strong>/)
      assert.doesNotMatch(preview.body, /<script>x<\/script>/)
      const more = await c.officer.post(
        '/case-studies/preview-me/edit',
        valid(c, { title: 'Preview me', participants: [String(c.partner)], action: 'add-participants', baseRevision: '1' }),
      )
      assert.match(more.body, /id="participants-3"/)
      // As served, the pickers are plain selects: nothing tells people to type (the script adds that).
      assert.match(more.body, /id="lead-hint"[^>]*>\s*The member organisation that led the work\.\s*</)
      // (The words the script adds travel on its tag, in the page's language.)
      assert.match(more.body, /<script src="\/static\/autocomplete\.js"[^>]* data-hint="Start typing to find it\.">/)
      assert.doesNotMatch(more.body.replace(/ data-hint="[^"]*"/g, ''), /Start typing/)
      const [row] = await get().handle.db.select().from(caseStudies).where(eq(caseStudies.slug, 'preview-me'))
      assert.equal(row!.revision, 1)
    })

    it('keeps every revision, compares any two field by field, and restores an old one as a new revision', async () => {
      const db = get().handle.db
      await c.officer.post('/case-studies/new', valid(c, { title: 'Versioned', summary: 'First words.', action: 'save' }))
      await c.officer.post(
        '/case-studies/versioned/edit',
        valid(c, { title: 'Versioned', summary: 'Second words.', principles: [String(c.sharing), String(c.learning)], action: 'save', baseRevision: '1' }),
      )
      const history = await c.officer.get('/case-studies/versioned/history?from=1&to=2')
      assert.equal(history.statusCode, 200)
      assert.match(history.body, /Summary<\/th>\s*<td[^>]*>First words\.<\/td>\s*<td[^>]*>Second words\.<\/td>/)
      assert.match(history.body, /Principles met<\/th>\s*<td[^>]*>Sharing power<\/td>\s*<td[^>]*>Sharing power, Learning<\/td>/)
      const restore = await c.officer.post('/case-studies/versioned/history/1/restore', { baseRevision: '2' })
      assert.equal(restore.statusCode, 303)
      const [row] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'versioned'))
      assert.equal(row!.revision, 3)
      assert.equal(row!.summary, 'First words.')
      const revisions = await db.select().from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, row!.id))
      assert.deepEqual(revisions.map((r) => r.action).sort(), ['created', 'restored', 'saved'])
      assert.equal((await c.officer.post('/case-studies/versioned/history/99/restore', { baseRevision: '3' })).statusCode, 404)
    })
  })

  describe('hostile input', () => {
    it('script tags, javascript: links, event handlers and broken HTML in every field are inert on every page', async () => {
      const evil = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)" onclick="alert(4)">x</a><div <b'
      const form = valid(c, {
        title: `Evil ${evil}`.slice(0, 200),
        summary: evil,
        body: `${evil}\n\n[link](javascript:alert(5))\n\n<iframe src="https://evil.example"></iframe>`,
        outcomes: evil,
        themes: 'Safe, <script>alert(6)</script>',
        contactName: evil.slice(0, 190),
        contactJobTitle: evil.slice(0, 190),
        action: 'save',
      })
      const created = await c.officer.post('/case-studies/new', form)
      assert.equal(created.statusCode, 303)
      const slug = /\/case-studies\/([a-z0-9-]+)\/edit/.exec(String(created.headers.location))![1]!
      const submitted = await c.officer.post(`/case-studies/${slug}/edit`, { ...form, action: 'submit', baseRevision: '1' })
      assert.equal(submitted.statusCode, 303, errorLinks(submitted.body).join(' | '))
      // Submitting the same text adds no revision: the editor publishes revision 1.
      assert.equal((await c.editor.post(`/admin/review/${slug}/publish`, { revision: '1' })).statusCode, 303)
      const pages = [
        await get().app.inject(`/case-studies/${slug}`),
        await get().app.inject('/case-studies?q=evil'),
        await get().app.inject('/'),
        await c.officer.get(`/case-studies/${slug}/edit`),
        await c.officer.get(`/case-studies/${slug}/preview`),
        await c.officer.get(`/case-studies/${slug}/history?from=1&to=2`),
        await c.officer.get('/dashboard'),
        await c.editor.get(`/admin/review/${slug}`),
        await c.editor.get('/admin/review'),
        await c.officer.post(`/case-studies/${slug}/edit`, { ...form, action: 'preview', baseRevision: '2' }),
      ]
      for (const page of pages) {
        assert.ok(page.statusCode < 500, String(page.statusCode))
        assert.deepEqual(unsafeMarkup(mainOf(page.body)), [])
      }
      assert.match(pages[0]!.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    })
  })

  describe('concurrent edits', () => {
    it('two people edit the same case study: the second save gets the conflict page and both texts survive', async () => {
      const db = get().handle.db
      await c.officer.post('/case-studies/new', valid(c, { title: 'Shared work', body: 'Original story.', action: 'save' }))
      // Both open the form at revision 1.
      assert.match((await c.officer.get('/case-studies/shared-work/edit')).body, /name="baseRevision" value="1"/)
      assert.match((await c.editor.get('/case-studies/shared-work/edit')).body, /name="baseRevision" value="1"/)
      const first = await c.editor.post(
        '/case-studies/shared-work/edit',
        valid(c, { title: 'Shared work', body: 'The editor’s story.', action: 'save', baseRevision: '1' }),
      )
      assert.equal(first.statusCode, 303)
      const second = await c.officer.post(
        '/case-studies/shared-work/edit',
        valid(c, { title: 'Shared work', body: 'The officer’s story.', action: 'save', baseRevision: '1' }),
      )
      assert.equal(second.statusCode, 409)
      assert.match(second.body, /data-qa="conflict"/)
      assert.match(second.body, /data-qa="mine">[\s\S]*The officer’s story\./)
      assert.match(second.body, /data-qa="theirs">[\s\S]*The editor’s story\./)
      assert.match(second.body, /<textarea[^>]*id="body"[^>]*>The officer’s story\.<\/textarea>/)
      assert.match(second.body, /name="baseRevision" value="2"/)
      const [row] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'shared-work'))
      assert.equal(row!.body, 'The editor’s story.', 'nothing was overwritten')

      const chosen = await c.officer.post(
        '/case-studies/shared-work/edit',
        valid(c, { title: 'Shared work', body: 'The officer’s story.', action: 'save', baseRevision: '2' }),
      )
      assert.equal(chosen.statusCode, 303)
      const revisions = await db.select().from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, row!.id)).orderBy(caseStudyRevisions.number)
      assert.deepEqual(
        revisions.map((r) => (r.snapshot as { body: string }).body),
        ['Original story.', 'The editor’s story.', 'The officer’s story.'],
      )
    })
  })
})
