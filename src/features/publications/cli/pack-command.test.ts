import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { loadConfig } from '../../../config.ts'
import type { DatabaseHandle } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../../test/databases.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../../test/factories.ts'
import { pngImage, svgImage } from '../../../../test/images.ts'
import { pdfAltTexts, pdfBookmarks, pdfImages, pdfInfo, pdfText, pdfToolsMissing } from '../../../../test/pdf-tools.ts'
import { memoryOutput } from '../../import/cli/progress.ts'
import { packPeriod, runPackCommand, type PackCommandOptions } from './pack-command.ts'
import { eq } from 'drizzle-orm'

const skip = pdfToolsMissing() ?? false
const folder = mkdtempSync(path.join(tmpdir(), 'coophub-pack-cli-'))
after(() => rmSync(folder, { recursive: true, force: true }))
const config = loadConfig({ NETWORK_NAME: 'Test Councils Network', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://coophub.example' })
const options = (over: Partial<PackCommandOptions>): PackCommandOptions => ({ lang: 'en', kinds: [], order: 'council', ...over })

it('reads --year or --from/--to, and refuses a mix or a bad date', () => {
  assert.equal(packPeriod({ year: 2025 }).ok, true)
  assert.deepEqual(packPeriod({ year: 2025, from: '2025-01-01' }), { ok: false, message: 'Give either --year or --from and --to, not both.' })
  assert.deepEqual(packPeriod({ from: '2025-02-30x', to: '2025-03-01' }), { ok: false, message: '--from must be a date as YYYY-MM-DD (not “2025-02-30x”).' })
  assert.deepEqual(packPeriod({ from: '2025-03-01', to: '2025-02-01' }), { ok: false, message: '--to must not be before --from.' })
  assert.deepEqual(packPeriod({}), { ok: false, message: 'Give --year YYYY, or --from YYYY-MM-DD and --to YYYY-MM-DD.' })
})

for (const kind of testDatabaseKinds()) {
  describe(`coophub pack [${kind}]`, { skip }, () => {
    let handle: DatabaseHandle
    before(async () => {
      handle = await createTestDatabase(kind)
      const principle = await buildPrinciple(handle.db)
      const lead = await buildOrganisation(handle.db, { name: 'Cyngor Sir Ynys Môn' })
      await buildCaseStudy(handle.db, { title: 'Gŵyl y gymuned', yearStart: 2025, leadId: lead.id, principleIds: [principle.id] })
      await buildCaseStudy(handle.db, { title: 'Budgets decided by residents', yearStart: 2024, yearEnd: 2025, principleIds: [principle.id] })
      await buildCaseStudy(handle.db, { title: 'Not this year', yearStart: 2023 })
      await buildCaseStudy(handle.db, { title: 'A draft', yearStart: 2025, status: 'draft' })
    })
    after(() => handle.close())

    it('writes the PDF and the HTML edition with the year’s published case studies only', async () => {
      const out = path.join(folder, `${kind}.pdf`)
      const htmlDir = path.join(folder, `${kind}-html`)
      const output = memoryOutput()
      assert.equal(await runPackCommand(handle.db, config, options({ year: 2025, out, htmlDir }), output, false), 0)
      assert.match(output.lines.at(-2)!, new RegExp(`Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages, \\d+ kB\\) with 2 case studies\\.`))
      assert.equal(pdfInfo(out).Title, 'Case-study pack 2025')
      const text = pdfText(out)
      assert.ok(text.includes('Gŵyl y gymuned') && text.includes('Budgets decided by residents'))
      assert.ok(!text.includes('Not this year') && !text.includes('A draft'))
      const titles = pdfBookmarks(out).flatMap((b) => b.kids.map((k) => k.title))
      assert.deepEqual(titles.sort(), ['Budgets decided by residents', 'Gŵyl y gymuned'])
      const html = readFileSync(path.join(htmlDir, 'index.html'), 'utf8')
      assert.match(html, /<html lang="en">/)
      assert.ok(html.includes('Gŵyl y gymuned'))
    })

    it('prints the published version, not a later unpublished edit', async () => {
      await handle.db.update(caseStudies).set({ title: 'Edited but not published' }).where(eq(caseStudies.title, 'Gŵyl y gymuned'))
      const out = path.join(folder, `${kind}-2.pdf`)
      assert.equal(await runPackCommand(handle.db, config, options({ year: 2025, out, lang: 'cy' }), memoryOutput(), false), 0)
      const text = pdfText(out)
      assert.ok(text.includes('Gŵyl y gymuned') && !text.includes('Edited but not published'))
      assert.equal(pdfInfo(out).Title, 'Pecyn astudiaethau achos 2025')
    })

    it('puts --cover on the cover with --cover-alt: a tagged figure in the PDF, a file beside the HTML edition', async () => {
      const cover = path.join(folder, `${kind}-cover.png`)
      writeFileSync(cover, pngImage(60, 40))
      const out = path.join(folder, `${kind}-cover.pdf`)
      const htmlDir = path.join(folder, `${kind}-cover-html`)
      const alt = 'Pobl yn plannu coed ym Mhorthaethwy'
      assert.equal(await runPackCommand(handle.db, config, options({ year: 2025, out, htmlDir, cover, coverAlt: alt }), memoryOutput(), false), 0)
      assert.equal(pdfInfo(out).Tagged, 'yes')
      assert.deepEqual(
        pdfImages(out).map((i) => [i.page, i.width, i.height]),
        [[1, 60, 40]],
      )
      assert.ok(pdfAltTexts(out).includes(alt))
      assert.ok(existsSync(path.join(htmlDir, 'cover.png')))
      assert.match(
        readFileSync(path.join(htmlDir, 'index.html'), 'utf8'),
        /<img class="pack-cover-image" src="cover.png" alt="Pobl yn plannu coed ym Mhorthaethwy" width="60" height="40">/,
      )
    })

    it('refuses a cover that is no PNG or JPEG, one too large, or one without --cover-alt, saying why', async () => {
      const svg = path.join(folder, `${kind}-cover.svg`)
      writeFileSync(svg, svgImage)
      const huge = path.join(folder, `${kind}-huge.png`)
      writeFileSync(huge, Buffer.concat([pngImage(4, 4), Buffer.alloc(3 * 1024 * 1024)]))
      const png = path.join(folder, `${kind}-small.png`)
      writeFileSync(png, pngImage(4, 4))
      const cases: Array<[Partial<PackCommandOptions>, RegExp]> = [
        [{ cover: svg, coverAlt: 'x' }, /The selected file must be a PNG or JPEG image/],
        [{ cover: huge, coverAlt: 'x' }, /The selected image must be smaller than 2 MB/],
        [{ cover: png }, /--cover-alt: Enter a description of the cover image/],
        [{ coverAlt: 'x' }, /give both/],
        [{ cover: path.join(folder, 'missing.png'), coverAlt: 'x' }, /cannot read .*ENOENT/],
      ]
      for (const [over, message] of cases) {
        const output = memoryOutput()
        const out = path.join(folder, `${kind}-refused.pdf`)
        assert.equal(await runPackCommand(handle.db, config, options({ year: 2025, out, ...over }), output, false), 1)
        assert.match(output.errors.join('\n'), message)
        assert.ok(!existsSync(out))
      }
    })

    it('exits 1 with a clear message when nothing falls in the period', async () => {
      const output = memoryOutput()
      assert.equal(await runPackCommand(handle.db, config, options({ year: 1999, out: path.join(folder, 'none.pdf') }), output, false), 1)
      assert.deepEqual(output.errors, ['Nothing to include: no published case study of the kinds chosen falls in 1999.'])
      const bad = memoryOutput()
      assert.equal(await runPackCommand(handle.db, config, options({}), bad, false), 1)
      assert.match(bad.errors[0]!, /Give --year YYYY/)
    })
  })
}
