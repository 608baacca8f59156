// The pack's cover image: uploaded with the multipart form (its CSRF token checked), refused unless
// it is a PNG or JPEG under the limit with its alternative text, kept from the preview to the
// publish button, stored with the pack, shown on the HTML edition and a tagged figure in the PDF.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { type Agent, agentWithSession } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildCaseStudy } from '../../../test/factories.ts'
import { htmlErrors } from '../../../test/html-validity.ts'
import { pngImage, svgImage } from '../../../test/images.ts'
import { pdfAltTexts, pdfImages, pdfInfo, pdfToolsMissing } from '../../../test/pdf-tools.ts'
import { publications } from '../../db/schema/index.ts'

const skip = pdfToolsMissing() ?? false
const folder = mkdtempSync(path.join(tmpdir(), 'coophub-cover-'))
after(() => rmSync(folder, { recursive: true, force: true }))

const fields = (over: Record<string, string | string[]> = {}) => ({
  year: '2024',
  kinds: ['case-studies', 'policy-labs', 'affiliate-pieces'],
  order: 'council',
  language: 'en',
  title: 'Pack with a cover',
  coverText: '',
  foreword: '',
  matters: ['principles'],
  coverAlt: 'Residents and councillors planting trees in Parc Ŵyn',
  ...over,
})
const png = pngImage(120, 80)
const file = (content: Buffer, name = 'cover.png', type = 'image/png') => ({ field: 'coverImage', name, type, content })

describeEachDatabase('publications: the pack’s cover image', (get) => {
  let admin: Agent

  before(async () => {
    const { app, handle } = get()
    admin = await agentWithSession(app, handle.db, 'admin')
    await buildCaseStudy(handle.db, { title: 'Trees for every ward', yearStart: 2024 })
  })

  it('refuses, with the reason by the field, an SVG, a file that is no image, an image over the limit, and an image without its description', async () => {
    const cases: Array<[ReturnType<typeof file>, Record<string, string>, string, string]> = [
      [file(svgImage, 'cover.svg', 'image/svg+xml'), {}, '#coverImage', 'The selected file must be a PNG or JPEG image'],
      [file(svgImage, 'cover.png'), {}, '#coverImage', 'The selected file must be a PNG or JPEG image'],
      [file(Buffer.from('just words'), 'cover.jpg', 'image/jpeg'), {}, '#coverImage', 'The selected file must be a PNG or JPEG image'],
      [file(Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)])), {}, '#coverImage', 'The selected image must be smaller than 2 MB'],
      [file(png), { coverAlt: '  ' }, '#coverAlt', 'Enter a description of the cover image'],
    ]
    for (const [upload, over, href, message] of cases) {
      for (const url of ['/admin/publications/packs/preview', '/admin/publications/packs']) {
        const res = await admin.postMultipart(url, fields(over), upload)
        assert.equal(res.statusCode, 400, `${upload.name} ${url}: ${res.statusCode}`)
        assert.match(String(res.headers['content-type']), /^text\/html/)
        assert.ok(
          summaryLinks(res.body).some((l) => l.includes(href)),
          `${href} in ${summaryLinks(res.body).join(', ')}`,
        )
        assert.ok(res.body.includes(message), message)
      }
    }
    assert.equal((await get().handle.db.select().from(publications)).length, 0)
  })

  it('keeps a valid image when only its description is missing, so it is not chosen again', async () => {
    const res = await admin.postMultipart('/admin/publications/packs/preview', fields({ coverAlt: '' }), file(png))
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /An image is chosen for the cover/)
    assert.match(res.body, /name="coverKept" value="data:image\/png;base64,/)
  })

  it('keeps the image chosen before when a new file is refused', async () => {
    const kept = `data:image/png;base64,${png.toString('base64')}`
    const res = await admin.postMultipart('/admin/publications/packs/preview', fields({ coverKept: kept }), file(svgImage, 'cover.svg', 'image/svg+xml'))
    assert.equal(res.statusCode, 400)
    assert.ok(res.body.includes(`name="coverKept" value="${kept}"`))
  })

  it('refuses the multipart form without its CSRF token', async () => {
    const res = await admin.postMultipart('/admin/publications/packs', { ...fields(), _csrf: 'wrong' }, file(png))
    assert.equal(res.statusCode, 403)
    assert.equal((await get().handle.db.select().from(publications)).length, 0)
  })

  it('previews the cover with its image and description, then publishes it: stored, shown on the edition, a tagged figure in the PDF', { skip }, async () => {
    const { app, handle } = get()
    const preview = await admin.postMultipart('/admin/publications/packs/preview', fields(), file(png))
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 500))
    assert.match(
      preview.body,
      /<img class="pack-cover-image" src="data:image\/png;base64,[^"]+" alt="Residents and councillors planting trees in Parc Ŵyn" width="120" height="80">/,
    )
    assert.match(preview.body, /enctype="multipart\/form-data"/)
    assert.deepEqual(await htmlErrors(preview.body), [], 'the preview with its image is valid HTML')
    const kept = /name="coverKept" value="([^"]+)"/.exec(preview.body)?.[1]
    assert.ok(kept)

    // The publish button sends the same form again, with the image it kept and no new file.
    const res = await admin.postMultipart('/admin/publications/packs', fields({ coverKept: kept }))
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const slug = 'case-study-pack-2024'
    const [row] = await handle.db.select().from(publications).where(eq(publications.slug, slug))
    assert.equal(row!.coverImageType, 'image/png')
    assert.ok(row!.coverImage!.equals(png), 'the image is stored as sent')

    const page = await app.inject(`/publications/${slug}`)
    assert.match(
      page.body,
      new RegExp(`<img class="pack-cover-image" src="/publications/${slug}/cover-image" alt="Residents and councillors planting trees in Parc Ŵyn"`),
    )
    assert.deepEqual(await htmlErrors(page.body), [])
    const image = await app.inject(`/publications/${slug}/cover-image`)
    assert.equal(image.statusCode, 200)
    assert.equal(image.headers['content-type'], 'image/png')
    assert.ok(image.rawPayload.equals(png))
    assert.equal((await app.inject('/publications/no-such-pack/cover-image')).statusCode, 404)

    const pdf = path.join(folder, 'cover.pdf')
    writeFileSync(pdf, row!.pdf)
    assert.equal(pdfInfo(pdf).Tagged, 'yes')
    const images = pdfImages(pdf)
    assert.deepEqual(
      images.map((i) => [i.page, i.width, i.height]),
      [[1, 120, 80]],
      'one image, on the cover',
    )
    assert.ok(pdfAltTexts(pdf).includes('Residents and councillors planting trees in Parc Ŵyn'), JSON.stringify(pdfAltTexts(pdf)))
  })

  it('publishes without an image when the kept one is removed, and a pack without one has no image address', { skip }, async () => {
    const { app, handle } = get()
    const kept = `data:image/png;base64,${png.toString('base64')}`
    const res = await admin.postMultipart('/admin/publications/packs', fields({ coverKept: kept, coverRemove: 'yes', language: 'cy' }))
    assert.equal(res.statusCode, 303)
    const [row] = await handle.db.select().from(publications).where(eq(publications.slug, 'case-study-pack-2024-cy'))
    assert.equal(row!.coverImage, null)
    assert.equal((await app.inject('/publications/case-study-pack-2024-cy/cover-image')).statusCode, 404)
    assert.doesNotMatch((await app.inject('/publications/case-study-pack-2024-cy')).body, /pack-cover-image/)
  })
})
