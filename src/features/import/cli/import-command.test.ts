import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { asc, eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { buildOrganisation } from '../../../../test/factories.ts'
import { auditEvents, caseStudies, caseStudyOrganisations, caseStudyRevisions, organisations, people } from '../../../db/schema/index.ts'
import { commandLineActor } from '../../audit/record-audit.ts'
import { snapshotFromRow } from '../../case-studies/revisions.ts'
import { buildDocx } from '../../../../test/import/docx-fixture.ts'
import { bombDocx } from '../../../../test/import/zip-bombs.ts'
import { titleSimilarity } from '../title-index.ts'
import { AUTHORITIES_CSV, caseStudyText, PRINCIPLES_JSON, tempFolder } from '../../../../test/import/cli-fixtures.ts'
import type { TempFolder } from '../../../../test/import/cli-fixtures.ts'
import { missingReferenceNotices, runImport } from './import-command.ts'
import { memoryOutput } from './progress.ts'
import { runAuthoritiesImport, runPrinciplesImport } from './reference-commands.ts'

describeEachDatabase('coophub import', (get) => {
  let folder: TempFolder
  const run = (args: string[], options: { dryRun?: boolean; json?: boolean; batchSize?: number } = {}) => {
    const out = memoryOutput()
    return runImport(get().handle.db, commandLineActor, args, { ...options, cwd: folder.dir }, out).then((summary) => ({ summary, out }))
  }
  const row = async (slug: string) => (await get().handle.db.select().from(caseStudies).where(eq(caseStudies.slug, slug)))[0]!

  before(async () => {
    folder = tempFolder()
    const { db } = get().handle
    await runPrinciplesImport(db, commandLineActor, folder.write('p.json', PRINCIPLES_JSON), memoryOutput())
    await runAuthoritiesImport(db, commandLineActor, folder.write('a.csv', AUTHORITIES_CSV), memoryOutput(), false)
    await buildOrganisation(db, { slug: 'elmstead', name: 'Elmstead City Council', tier: 'full' })
  })
  after(() => folder.remove())

  it('says once, on the error stream, what to load when the database has no principles or register', async () => {
    assert.deepEqual(missingReferenceNotices({ principles: 10, authorities: 400 }), [])
    const notices = missingReferenceNotices({ principles: 0, authorities: 0 })
    assert.equal(notices.length, 2)
    assert.match(notices[0]!, /coophub principles import/)
    assert.match(notices[1]!, /coophub authorities import/)
    folder.write('notice.txt', caseStudyText('The notice check'))
    const { out } = await run(['notice.txt'], { dryRun: true, json: true })
    assert.deepEqual(out.errors, [], 'this database has both')
  })

  it('dry run: one JSON object per document, errors on the same stream, nothing stored', async () => {
    folder.write('docs/one.txt', caseStudyText('The mill tool library'))
    folder.write('docs/empty.txt', '')
    const { summary, out } = await run(['docs/*.txt'], { dryRun: true, json: true })
    const lines = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    assert.deepEqual(lines[0], { file: 'docs/empty.txt', error: '"empty.txt" is empty (0 bytes). Choose the file that holds the case study.' })
    assert.deepEqual(Object.keys(lines[1]!), [
      'file',
      'title',
      'principles',
      'leadMember',
      'participatingMembers',
      'year',
      'status',
      'contact',
      'councils',
      'authorities',
      'warnings',
      'stage',
    ])
    assert.deepEqual(lines[1]!.principles, ['Sharing power', 'Living our values'])
    assert.deepEqual(lines[1]!.authorities, ['BRK'])
    assert.equal(summary.failed, 1)
    assert.equal((await get().handle.db.select().from(caseStudies)).length, 0)
  })

  it('stores a draft with its organisations, principles and contact; unmatched names are kept unverified', async () => {
    const { db } = get().handle
    folder.write('mill.txt', caseStudyText('The mill tool library', { mention: 'Millbrook Town Council' }))
    const { summary, out } = await run(['mill.txt'])
    assert.deepEqual([summary.imported, summary.failed], [1, 0])
    assert.match(out.lines.join('\n'), /imported +mill\.txt → \/case-studies\/the-mill-tool-library/)
    const cs = await row('the-mill-tool-library')
    assert.deepEqual([cs.status, cs.kind, cs.yearStart, cs.revision], ['draft', 'policy-lab', 2021, 1])
    assert.equal(cs.sourceUrl, `${folder.dir}/mill.txt`)
    assert.match(cs.contentHash ?? '', /^[0-9a-f]{64}$/)
    const snapshot = await snapshotFromRow(db, cs.id)
    assert.deepEqual(
      snapshot?.principles.map((p) => p.name),
      ['Sharing power', 'Living our values'],
    )
    // The lead the document names is not a member of the network: it takes part as a partner, and the output says so.
    assert.equal(snapshot?.lead, null)
    assert.deepEqual(
      snapshot?.partners.map((p) => p.name),
      ['Brookfield Metropolitan Borough Council', 'Millbrook Town Council'],
    )
    assert.match(out.lines.join('\n'), /\(2 warnings\)/)
    assert.deepEqual(snapshot?.contact && [snapshot.contact.name, snapshot.contact.jobTitle, snapshot.contact.organisation?.name], [
      'Rowan Ashby',
      'Neighbourhoods Officer',
      'Brookfield Metropolitan Borough Council',
    ])
    const [revision] = await db.select().from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, cs.id))
    assert.deepEqual([revision!.action, revision!.authorLabel], ['imported', 'command line'])
    assert.deepEqual(revision!.snapshot, snapshot, 'the revision is the row as stored')
    assert.equal(cs.ownerOrganisationId, null, 'no member leads it, so editors own it')
    const orgs = await db.select().from(organisations).orderBy(asc(organisations.id))
    const brookfield = orgs.find((o) => o.authorityCode === 'BRK')!
    assert.deepEqual(
      [brookfield.kind, brookfield.tier, brookfield.verified, brookfield.gssCode, brookfield.region],
      ['council', 'none', true, 'E08000901', 'North West'],
    )
    const millbrook = orgs.find((o) => o.name === 'Millbrook Town Council')!
    assert.deepEqual([millbrook.kind, millbrook.verified], ['town-or-parish-council', false])
    assert.equal((await db.select().from(auditEvents).where(eq(auditEvents.action, 'case-study-imported'))).length, 1)
  })

  it('re-importing the same file changes nothing; a changed file updates the same draft', async () => {
    const { db } = get().handle
    const again = await run(['mill.txt'])
    assert.deepEqual([again.summary.imported, again.summary.unchanged], [0, 1])
    folder.write('mill.txt', caseStudyText('The mill tool library', { year: '2022', mention: 'Millbrook town council' }))
    const changed = await run(['mill.txt'])
    assert.deepEqual([changed.summary.imported, changed.summary.updated], [0, 1])
    const cs = await row('the-mill-tool-library')
    assert.deepEqual([cs.yearStart, cs.revision], [2022, 2])
    assert.equal((await db.select().from(caseStudies)).length, 1)
    assert.equal(
      (
        await db
          .select()
          .from(organisations)
          .where(sql`lower(${organisations.name}) = 'millbrook town council'`)
      ).length,
      1,
      'the unverified organisation is reused',
    )
    assert.equal((await db.select().from(people).where(eq(people.name, 'Rowan Ashby'))).length, 1)
  })

  it('a published case study keeps its public version: the re-import is a new revision', async () => {
    const { db } = get().handle
    const cs = await row('the-mill-tool-library')
    await db.update(caseStudies).set({ status: 'published', publishedRevision: cs.revision, publishedAt: new Date() }).where(eq(caseStudies.id, cs.id))
    folder.write('mill.txt', caseStudyText('The mill tool library', { year: '2023' }))
    const { summary, out } = await run(['mill.txt'])
    assert.equal(summary.updated, 1)
    assert.match(out.lines.join('\n'), /published: new revision awaits review/)
    const after = await row('the-mill-tool-library')
    assert.deepEqual([after.yearStart, after.revision, after.publishedRevision, after.status], [2022, 3, 2, 'published'])
  })

  it('the same text under another name is recognised; a similar title is flagged', async () => {
    const copy = await run([folder.write('copy-of-mill.txt', caseStudyText('The mill tool library', { year: '2023' }))])
    assert.equal(copy.summary.unchanged, 1)
    const similar = await run([folder.write('similar.txt', caseStudyText('The mill tool libraries', { lead: 'Elmstead', contact: false }))])
    assert.equal(similar.summary.imported, 1)
    assert.equal(similar.summary.duplicates[0]?.duplicate.slug, 'the-mill-tool-library')
    assert.match(
      similar.out.lines.join('\n'),
      /Likely duplicates \(imported; check before publishing\):\n {2}\S*similar\.txt: “The mill tool libraries” looks like “The mill tool library”/,
    )
    const cs = await row('the-mill-tool-libraries')
    const lead = await get().handle.db.select().from(caseStudyOrganisations).where(eq(caseStudyOrganisations.caseStudyId, cs.id))
    const [elmstead] = await get().handle.db.select().from(organisations).where(eq(organisations.slug, 'elmstead'))
    assert.deepEqual(
      lead.filter((l) => l.role === 'lead').map((l) => l.organisationId),
      [elmstead!.id],
      'a member is matched by name',
    )
  })

  it('one bad file never stops the others: a table at the end, each failure with its reason', async () => {
    folder.write('batch/a.txt', caseStudyText('Repair cafe in the market hall'))
    folder.write('batch/b.pdf', '%PDF-1.4')
    folder.write('batch/c.txt', caseStudyText('Winter warmth packs for carers'))
    folder.write(
      'batch/d.html',
      '<!doctype html><html><head><link rel="canonical" href="https://example.org/cs/allotments"></head><body><main><h1>Allotments for every estate</h1><p>Tenants took over six plots.</p></main></body></html>',
    )
    const { summary, out } = await run(['batch', 'batch/b.pdf', 'nothing-here/*.txt'], { batchSize: 2 })
    assert.deepEqual([summary.imported, summary.failed], [3, 2])
    const text = out.lines.join('\n')
    assert.match(text, /Imported +3\n {2}Updated +0\n {2}Unchanged +0\n {2}Warnings +\d+ in 3 documents\n {2}Likely duplicates +\d+\n {2}Failed +2/)
    assert.match(
      text,
      /Failed \(nothing was stored for these\):\n {2}nothing-here\/\*\.txt: No file matches "nothing-here\/\*\.txt"\.\n {2}batch\/b\.pdf: "b\.pdf" is a PDF/,
    )
    assert.equal((await row('allotments-for-every-estate')).sourceUrl, 'https://example.org/cs/allotments')
  })

  it('records the programme stage a document gives beside its kind, and a re-import updates it', async () => {
    const withStage = (stage: string) =>
      caseStudyText('Street orchards for the ring road').replace('\u2022 Status Policy Labs', `\u2022 Type: Policy Labs\n\u2022 ${stage}`)
    const first = await run([folder.write('orchard.txt', withStage('Bid'))])
    assert.equal(first.summary.imported, 1)
    const cs = await row('street-orchards-for-the-ring-road')
    assert.deepEqual([cs.kind, cs.stage], ['policy-lab', 'bid'])
    const dry = await run(['orchard.txt'], { dryRun: true, json: true })
    assert.equal((JSON.parse(dry.out.lines[0]!) as { stage: string }).stage, 'bid')
    const again = await run([folder.write('orchard.txt', withStage('Funded'))])
    assert.equal(again.summary.updated, 1)
    assert.deepEqual([(await row('street-orchards-for-the-ring-road')).stage, (await row('street-orchards-for-the-ring-road')).kind], ['funded', 'policy-lab'])
  })

  it('a zip bomb fails alone with its reason; the documents around it are imported', async () => {
    folder.write('word/a-bomb.docx', bombDocx({ megabytes: 400 }))
    folder.write('word/b-lying-bomb.docx', bombDocx({ megabytes: 400, declaredBytes: 40 * 1024 * 1024 }))
    folder.write(
      'word/c-garden.docx',
      buildDocx([
        { style: 'Heading1', text: 'Orchard on the ring road' },
        { text: 'Neighbours planted forty fruit trees on the verge with Brookfield Council.' },
      ]),
    )
    folder.write('word/d-pantry.txt', caseStudyText('Community pantry at the bus depot'))
    const { summary, out } = await run(['word'])
    assert.deepEqual([summary.imported, summary.failed], [2, 2])
    assert.deepEqual(
      summary.failures.map((f) => `${f.file}: ${f.error.replace(/ \(\d+ MB\)/, '').replace(/\. Open it in Word.*$/, '.')}`),
      [
        'word/a-bomb.docx: "a-bomb.docx" could not be read: it expands to more than 50 MB when unpacked, far more than a case study needs.',
        'word/b-lying-bomb.docx: "b-lying-bomb.docx" could not be read: it holds more than its table of contents declares (a sign of a "zip bomb"), so unpacking was stopped.',
      ],
    )
    assert.match(out.lines.join('\n'), /imported +word\/c-garden\.docx → \/case-studies\/orchard-on-the-ring-road/)
    assert.equal((await row('community-pantry-at-the-bus-depot')).status, 'draft')
  })

  it('measures title similarity as pg_trgm does', async () => {
    const pairs = [
      ['The mill tool library', 'The mill tool libraries'],
      ['Right to the streets', 'Rights to the street!'],
      ['Café culture', 'Cafe culture'],
      ['a', 'b'],
    ]
    for (const [a, b] of pairs) {
      const result = await get().handle.db.execute<{ s: number }>(sql`SELECT similarity(${a}, ${b})::float8 AS s`)
      assert.ok(Math.abs(Number(result.rows[0]!.s) - titleSimilarity(a!, b!)) < 1e-6, `${a} / ${b}`)
    }
  })

  it('says why a lead that is not a member was made a partner', async () => {
    folder.write('green.txt', caseStudyText('The orchard on the green'))
    const { out } = await run(['green.txt'], { json: true })
    const outcome = JSON.parse(out.lines.find((l) => l.includes('green.txt'))!) as { warnings: string[] }
    assert.ok(
      outcome.warnings.includes(
        'leadMember: The document names Brookfield Metropolitan Borough Council as the lead, but it is not a member of the network, so it is listed as a partner. Choose the member that led the work.',
      ),
      JSON.stringify(outcome),
    )
  })
})
