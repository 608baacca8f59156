import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { jpegHeader, pngHeaderOnly, pngImage, svgImage } from '../../../../test/images.ts'
import { coverDataUrl, coverFromDataUrl, readCoverAlt, readCoverChoice, readCoverImage } from './cover-image.ts'

describe('the cover image, told by its bytes', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['a PNG', pngImage(40, 30), 'png 40×30'],
    ['a JPEG', jpegHeader(1200, 800), 'jpeg 1200×800'],
    ['an SVG, whatever its name', svgImage, 'publications.form.error.coverType'],
    ['a GIF', Buffer.from('GIF89a\u0001\u0000\u0001\u0000'), 'publications.form.error.coverType'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'publications.form.error.coverType'],
    ['nothing', new Uint8Array(), 'publications.form.error.coverEmpty'],
    ['over 2 MB', Buffer.concat([pngImage(4, 4), Buffer.alloc(2 * 1024 * 1024)]), 'publications.form.error.coverTooLarge'],
    ['a PNG of no pixels', pngHeaderOnly(0, 10), 'publications.form.error.coverBroken'],
    ['a PNG claiming 100,000 × 100,000 pixels', pngHeaderOnly(100_000, 100_000), 'publications.form.error.coverPixels'],
    ['a PNG signature and nothing else', Buffer.from('89504e470d0a1a0a', 'hex'), 'publications.form.error.coverType'],
    ['a JPEG cut before its frame', jpegHeader(10, 10).subarray(0, 12), 'publications.form.error.coverType'],
  ]
  for (const [name, bytes, expected] of cases)
    it(name, () => {
      const read = readCoverImage(bytes)
      assert.equal(read.ok ? `${read.value.format} ${read.value.width}×${read.value.height}` : read.message, expected)
    })
})

describe('its alternative text', () => {
  const cases: Array<[string, string]> = [
    ['  Residents\nplanting trees ', 'Residents planting trees'],
    ['', 'publications.form.error.coverAlt'],
    [' \n ', 'publications.form.error.coverAlt'],
    ['x'.repeat(501), 'publications.form.error.coverAltLong'],
  ]
  for (const [alt, expected] of cases)
    it(JSON.stringify(alt.slice(0, 20)), () => {
      const read = readCoverAlt(alt)
      assert.equal(read.ok ? read.value : read.message, expected)
    })
})

describe('the form’s choice of image', () => {
  const png = pngImage(8, 8)
  const kept = coverDataUrl({ format: 'png', bytes: png })
  const upload = (bytes: Uint8Array, tooLarge = false) => ({ bytes, tooLarge })
  const summary = (r: ReturnType<typeof readCoverChoice>) =>
    r.ok ? (r.value ? `${r.value.image.format}: ${r.value.alt}` : 'none') : r.errors.map((e) => `${e.field} ${e.message}`).join('; ')
  const cases: Array<[string, Parameters<typeof readCoverChoice>[0], string]> = [
    ['no image', { upload: null, kept: '', remove: false, alt: '' }, 'none'],
    ['an upload with its text', { upload: upload(png), kept: '', remove: false, alt: 'A park' }, 'png: A park'],
    ['an upload without text', { upload: upload(png), kept: '', remove: false, alt: ' ' }, 'coverAlt publications.form.error.coverAlt'],
    [
      'an upload over the limit',
      { upload: upload(new Uint8Array(), true), kept: '', remove: false, alt: 'A park' },
      'coverImage publications.form.error.coverTooLarge',
    ],
    ['an SVG', { upload: upload(svgImage), kept: '', remove: false, alt: 'A park' }, 'coverImage publications.form.error.coverType'],
    ['the image kept from the page before', { upload: null, kept, remove: false, alt: 'A park' }, 'png: A park'],
    ['the kept image removed', { upload: null, kept, remove: true, alt: 'A park' }, 'none'],
    [
      'a kept value that is no image',
      { upload: null, kept: 'data:image/svg+xml;base64,PHN2Zz4=', remove: false, alt: 'x' },
      'coverImage publications.form.error.coverType',
    ],
    [
      'a kept PNG address holding an SVG',
      { upload: null, kept: `data:image/png;base64,${svgImage.toString('base64')}`, remove: false, alt: 'x' },
      'coverImage publications.form.error.coverType',
    ],
  ]
  for (const [name, choice, expected] of cases) it(name, () => assert.equal(summary(readCoverChoice(choice)), expected))

  it('keeps a valid image when only its text is missing, so the form need not ask for the file again', () => {
    const r = readCoverChoice({ upload: upload(png), kept: '', remove: false, alt: '' })
    assert.ok(!r.ok && r.image?.format === 'png')
    assert.ok(Buffer.from(coverFromDataUrl(kept)!).equals(png))
  })
})
