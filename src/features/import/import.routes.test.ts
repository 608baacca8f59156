import assert from 'node:assert/strict'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { caseStudies, organisations, principles } from '../../db/schema/index.ts'
import { commandLineActor } from '../audit/record-audit.ts'
import { AUTHORITIES_CSV, caseStudyText, PRINCIPLES_JSON, tempFolder } from '../../../test/import/cli-fixtures.ts'
import { memoryOutput } from './cli/progress.ts'
import { runAuthoritiesImport, runPrinciplesImport } from './cli/reference-commands.ts'
import type { JobEvent } from './extraction/worker-pool.ts'
import { bombDocx } from '../../../test/import/zip-bombs.ts'

const errorLinks = (body: string) =>
  [...body.matchAll(/<a href="#([A-Za-z]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'")}`)
const unescape = (s: string) =>
  s
    .replace(/&#92;/g, '\\')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
/** The id of an organisation the review proposes to create: its option in the lead select. */
const proposedId = (body: string, name: string) => Number(new RegExp(`<option value="(-\\d+)"[^>]*>${name} \\(new`).exec(body)?.[1])
const hidden = (body: string, name: string) => unescape(new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '')

/** A multipart form as a browser sends it: the CSRF field first, then the file, then the text. */
function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const boundary = '----coophubTestBoundary'
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
  const chunks: Buffer[] = [Buffer.from(parts.join(''))]
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    )
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

describeEachDatabase('import on the web', (get) => {
  let officer: Agent
  let home: number

  const upload = async (agent: Agent, fields: Record<string, string>, file?: { name: string; content: Buffer | string }, csrf = true) => {
    const body = multipart({ ...(csrf ? { _csrf: await agent.csrf() } : {}), ...fields }, file)
    const cookie = ['coophub_session', 'coophub_csrf'].map((n) => `${n}=${agent.cookie(n) ?? ''}`).join('; ')
    return get().app.inject({ method: 'POST', url: '/import', headers: { cookie, 'content-type': body.contentType }, payload: body.payload })
  }

  before(async () => {
    const { app, handle } = get()
    const folder = tempFolder()
    await runPrinciplesImport(handle.db, commandLineActor, folder.write('p.json', PRINCIPLES_JSON), memoryOutput())
    await runAuthoritiesImport(handle.db, commandLineActor, folder.write('a.csv', AUTHORITIES_CSV), memoryOutput(), false)
    folder.remove()
    home = (await buildOrganisation(handle.db, { slug: 'elmstead', name: 'Elmstead City Council' })).id
    officer = (await signedInAgent(app, handle.db, 'officer', 'elmstead')).agent
  })

  describe('not signed in', () => {
    it('sends people to sign in', async () => {
      const anonymous = new Agent(get().app)
      assert.equal((await anonymous.get('/import')).headers.location, '/sign-in?next=%2Fimport')
      assert.match(String((await anonymous.post('/import', { text: 'x' })).headers.location), /^\/sign-in/)
      assert.match(String((await anonymous.post('/import/save', { title: 'x' })).headers.location), /^\/sign-in/)
    })
  })

  describe('each invalid input', () => {
    const cases: Array<[string, Record<string, string>, { name: string; content: Buffer | string } | undefined, string]> = [
      ['nothing', { text: '' }, undefined, 'document: Choose a file or paste the text of a case study'],
      ['a file and text', { text: 'Some text' }, { name: 'a.txt', content: 'Other text' }, 'document: Choose a file or paste the text, not both'],
      ['a file over 5 MB', {}, { name: 'big.txt', content: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') }, 'document: The selected file must be smaller than 5 MB'],
      ['an empty file', {}, { name: 'empty.txt', content: '' }, 'document: "empty.txt" is empty (0 bytes). Choose the file that holds the case study.'],
      [
        'a PDF',
        {},
        { name: 'report.pdf', content: '%PDF-1.4 binary' },
        'document: "report.pdf" is a PDF, which the importer cannot read. Copy its text into a .txt file, or save it as .docx, then try again.',
      ],
      ['a binary file', {}, { name: 'photo.txt', content: Buffer.from([0, 1, 2, 3, 255, 0, 0, 7, 8, 0, 1, 2]) }, 'document: '],
      ['only spaces pasted', { text: '   \n  ' }, undefined, 'document: Choose a file or paste the text of a case study'],
    ]
    for (const [name, fields, file, message] of cases) {
      it(`${name}: the form again with the error, never a 500`, async () => {
        const res = await upload(officer, fields, file)
        assert.equal(res.statusCode, 400, res.body.slice(0, 300))
        assert.match(res.body, /There is a problem/)
        const links = errorLinks(res.body)
        assert.equal(links.length, 1, links.join('\n'))
        assert.ok(links[0]!.startsWith(message), `${links[0]} starts with ${message}`)
      })
    }
  })

  describe('zip bombs and heavy documents', () => {
    const bombMessage =
      /^document: "bomb-?\d?\.docx" could not be read: it expands to more than 50 MB when unpacked \(\d+ MB\), far more than a case study needs\./

    it('a bomb is refused with the reason, never a 500', async () => {
      const res = await upload(officer, {}, { name: 'bomb.docx', content: bombDocx({ megabytes: 400 }) })
      assert.equal(res.statusCode, 400, res.body.slice(0, 300))
      const links = errorLinks(res.body)
      assert.equal(links.length, 1)
      assert.match(links[0]!, bombMessage)
    })

    it('three bombs at once are each refused, and /health answers', async () => {
      const [health, ...bombs] = await Promise.all([
        get().app.inject({ url: '/health' }),
        ...[1, 2, 3].map((n) => upload(officer, {}, { name: `bomb-${n}.docx`, content: bombDocx({ megabytes: 400 }) })),
      ])
      assert.equal(health!.statusCode, 200)
      for (const res of bombs) {
        assert.equal(res.statusCode, 400)
        assert.match(errorLinks(res.body)[0] ?? '', bombMessage)
      }
    })

    it('/health answers while a document is being read; one too heavy to read is stopped with a message', async () => {
      const events: string[] = []
      let health: Promise<unknown> | null = null
      const listener = (message: unknown): void => {
        const event = message as JobEvent
        events.push(event.phase)
        if (event.phase === 'start' && !health)
          health = get()
            .app.inject({ url: '/health' })
            .then((r) => events.push(`health ${r.statusCode}`))
      }
      subscribe('coophub:worker-pool:job', listener)
      try {
        // Passes every archive check, then needs more memory to convert than a worker may use.
        const res = await upload(officer, {}, { name: 'heavy.docx', content: bombDocx({ megabytes: 10, shape: 'numbered' }) })
        assert.equal(res.statusCode, 400, res.body.slice(0, 300))
        // Which limit stops it first depends on how busy the machine is: either way it is stopped, with its reason.
        const [message, ...more] = errorLinks(res.body)
        assert.deepEqual(more, [])
        assert.match(
          message ?? '',
          /^document: "heavy\.docx" could not be read: (it needs more memory than the importer allows \(192 MB\)|reading it took longer than 20 seconds), so it was stopped\. Save only the case study’s text in a new document \(or as \.txt\) and try again\.$/,
        )
        await health
        assert.deepEqual(events, ['start', 'health 200', 'end'])
      } finally {
        unsubscribe('coophub:worker-pool:job', listener)
      }
    })
  })

  describe('forbidden', () => {
    it('creates nothing from a state sent back by the browser: only what the server kept for this person, once', async () => {
      const { db } = get().handle
      const count = async () => [(await db.select().from(caseStudies)).length, (await db.select().from(organisations)).length]
      const before = await count()
      const forged = JSON.stringify({
        proposed: [{ id: -1, name: 'Forged Holdings Ltd', code: null }],
        warnings: [],
        matches: {},
        organisations: [],
        contentHash: '',
        sourceUrl: null,
      })
      const form = { title: 'Forged', kind: 'project', lead: '-1', participants: [''], partners: [''], funders: [''], body: 'x', action: 'save' }
      const noReview = await officer.post('/import/save', { ...form, state: forged })
      assert.equal(noReview.statusCode, 410)
      assert.match(noReview.body, /already been saved, or was left for more than a day/)
      assert.deepEqual(await count(), before)

      // Someone else's review cannot be used either.
      const review = await officer.post('/import', { text: caseStudyText('A review of my own') })
      const other = (await signedInAgent(get().app, db, 'officer', 'elmstead')).agent
      assert.equal((await other.post('/import/save', { ...form, review: hidden(review.body, 'review'), state: forged })).statusCode, 410)
      assert.deepEqual(await count(), before)

      // An organisation the review did not propose cannot be slipped in as a "new" choice.
      const slipped = await officer.post('/import/save', { ...form, review: hidden(review.body, 'review'), lead: '-40' })
      assert.equal(slipped.statusCode, 400)
      assert.deepEqual(await count(), before)

      // Sent twice (a double click), the page saves one draft.
      const save = { ...form, review: hidden(review.body, 'review'), title: 'A review of my own', lead: String(home) }
      assert.equal((await officer.post('/import/save', save)).statusCode, 303)
      assert.equal((await officer.post('/import/save', save)).statusCode, 410)
      assert.equal((await db.select().from(caseStudies).where(eq(caseStudies.title, 'A review of my own'))).length, 1)
    })

    it('refuses a multipart form with no token or a forged one, writing nothing', async () => {
      const before = (await get().handle.db.select().from(caseStudies)).length
      assert.equal((await upload(officer, { text: caseStudyText('No token') }, undefined, false)).statusCode, 403)
      assert.equal((await upload(officer, { _csrf: 'forged', text: caseStudyText('Forged') }, undefined, false)).statusCode, 403)
      assert.equal((await officer.post('/import/save', { title: 'x', kind: 'project' }, { csrf: false })).statusCode, 403)
      assert.equal((await get().handle.db.select().from(caseStudies)).length, before)
    })
  })

  describe('success', () => {
    it('shows the reading to review, then saves the draft with its new organisations', async () => {
      const { db } = get().handle
      assert.equal((await officer.get('/import')).statusCode, 200)
      const review = await officer.post('/import', { text: caseStudyText('Tool library at the mill') })
      assert.equal(review.statusCode, 200, review.body.slice(0, 500))
      assert.match(review.body, /Check the imported case study/)
      assert.match(review.body, /Local authority data: mySociety, CC BY 4\.0/)
      assert.match(review.body, /Found in the document: “We will give residents a real say/)
      assert.match(review.body, /data-qa="warning-partners"[\s\S]*Millbrook Town Council/)
      const [sharing] = await db.select().from(principles).where(eq(principles.slug, 'sharing-power'))
      assert.match(review.body, new RegExp(`value="${sharing!.id}" checked`))
      const reviewId = hidden(review.body, 'review')
      const brookfield = { id: proposedId(review.body, 'Brookfield Metropolitan Borough Council') }
      assert.ok(brookfield.id < 0, 'a council from the register is proposed as new')
      // Not a member, so not the lead: it is offered as a partner, the officer's own council leads, and the page says why.
      assert.match(
        review.body,
        /data-qa="warning-lead"[\s\S]*The document names Brookfield Metropolitan Borough Council as the lead, but it is not a member of the network/,
      )
      assert.match(review.body, new RegExp(`<select[^>]+id="lead"[\\s\\S]*?<option value="${home}" selected>`))
      assert.match(review.body, new RegExp(`<select[^>]+id="partners"[\\s\\S]*?<option value="${brookfield.id}" selected>`))
      const save = await officer.post('/import/save', {
        review: reviewId,
        title: 'Tool library at the old mill',
        kind: 'policy-lab',
        yearStart: '2021',
        lead: String(home),
        participants: [''],
        partners: [String(brookfield.id)],
        funders: [''],
        principles: [String(sharing!.id)],
        body: 'Neighbours lent tools every Saturday.',
        contactName: 'Rowan Ashby',
        contactOrganisation: String(brookfield.id),
        action: 'save',
      })
      assert.equal(save.statusCode, 303, save.body.slice(0, 500))
      assert.equal(save.headers.location, '/case-studies/tool-library-at-the-old-mill/edit?saved=created')
      const [cs] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'tool-library-at-the-old-mill'))
      assert.deepEqual([cs!.status, cs!.ownerOrganisationId, cs!.kind], ['draft', home, 'policy-lab'])
      assert.match(cs!.contentHash ?? '', /^[0-9a-f]{64}$/)
      const [org] = await db.select().from(organisations).where(eq(organisations.authorityCode, 'BRK'))
      assert.deepEqual([org!.verified, org!.tier, org!.kind], [true, 'none', 'council'])
      assert.equal(
        (await db.select().from(organisations).where(eq(organisations.name, 'Millbrook Town Council'))).length,
        0,
        'a proposal dropped in review is not created',
      )
    })

    it('the stage the document gives is shown and saved, as the person leaves or changes it', async () => {
      const text = caseStudyText('Street orchards on the estate').replace('\u2022 Status Policy Labs', '\u2022 Type: Policy Labs\n\u2022 Bid')
      const review = await officer.post('/import', { text })
      assert.equal(review.statusCode, 200, review.body.slice(0, 300))
      assert.match(review.body, /<option value="bid" selected>Bid<\/option>/)
      const form = {
        review: hidden(review.body, 'review'),
        title: 'Street orchards on the estate',
        kind: 'policy-lab',
        participants: [''],
        partners: [''],
        funders: [''],
        body: 'Trees.',
        action: 'save',
      }
      const again = await officer.post('/import/save', { ...form, title: '', stage: 'funded' })
      assert.equal(again.statusCode, 400)
      assert.match(again.body, /<option value="funded" selected>Funded<\/option>/, 'a form error keeps the chosen stage')
      const save = await officer.post('/import/save', { ...form, stage: 'funded' })
      assert.equal(save.statusCode, 303, save.body.slice(0, 300))
      const [cs] = await get().handle.db.select().from(caseStudies).where(eq(caseStudies.slug, 'street-orchards-on-the-estate'))
      assert.deepEqual([cs!.kind, cs!.stage], ['policy-lab', 'funded'])
      const second = await officer.post('/import', { text: caseStudyText('Street orchards again') })
      const odd = await officer.post('/import/save', { ...form, review: hidden(second.body, 'review'), title: 'Street orchards again', stage: 'approved' })
      assert.equal(odd.statusCode, 303)
      const [other] = await get().handle.db.select().from(caseStudies).where(eq(caseStudies.slug, 'street-orchards-again'))
      assert.equal(other!.stage, null, 'a stage we do not know is not stored')
    })

    it('an uploaded file is read too, and a form error keeps the warnings', async () => {
      const res = await upload(
        officer,
        {},
        { name: 'mill.html', content: `<!doctype html><html><body><main><h1>Seed swap</h1><p>Gardeners in Brookfield swapped seeds.</p></main></body></html>` },
      )
      assert.equal(res.statusCode, 200, res.body.slice(0, 300))
      assert.match(res.body, /value="Seed swap"/)
      const again = await officer.post('/import/save', { review: hidden(res.body, 'review'), title: '', kind: 'case-study', action: 'save' })
      assert.equal(again.statusCode, 400)
      assert.deepEqual(errorLinks(again.body), ['title: Enter a title'])
      assert.match(again.body, /data-qa="warning-principles"/)
    })
  })
})
