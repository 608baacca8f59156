import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildDocx, docxRecords } from '../../../../test/import/docx-fixture.ts'
import { extractText } from '../extract-text.ts'
import { unpackArchive } from './unpack-archive.ts'
import { bombDocx, repeatedEntry } from '../../../../test/import/zip-bombs.ts'
import { storedRecord, writeZip } from './zip-writer.ts'

const MB = 1024 * 1024
const paragraph = [{ text: 'A short case study about a community shop.' }]

async function refusal(bytes: Uint8Array, name = 'bomb.docx'): Promise<string> {
  const r = await extractText(bytes, name)
  assert.equal(r.ok, false, 'refused')
  return r.ok ? '' : r.error
}

describe('unpacking a Word document', () => {
  it('gives every part of an ordinary document, as it was', async () => {
    const records = docxRecords(paragraph)
    const unpacked = await unpackArchive(writeZip(records))
    assert.ok(unpacked.ok)
    assert.deepEqual(
      [...unpacked.files.keys()],
      records.map((r) => r.name),
    )
    assert.deepEqual(unpacked.files.get('word/document.xml'), records.find((r) => r.name === 'word/document.xml')!.payload)
  })

  it('reads deflated parts, as Word writes them', async () => {
    const small = repeatedEntry('word/document.xml', {
      head: '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
      block: Buffer.from('<w:p><w:r><w:t>Deflated words.</w:t></w:r></w:p>'),
      times: 3,
      tail: '</w:body></w:document>',
    })
    const bytes = writeZip([...docxRecords(paragraph).filter((r) => r.name !== 'word/document.xml'), small])
    const r = await extractText(bytes, 'deflated.docx')
    assert.deepEqual(r, { ok: true, text: 'Deflated words.\n\nDeflated words.\n\nDeflated words.' })
  })
})

describe('zip bombs and broken archives are refused', () => {
  it('the issue\u2019s bomb: about a megabyte that expands to 400 MB', async () => {
    const bomb = bombDocx({ megabytes: 400 })
    assert.ok(bomb.length < 2 * MB, `${bomb.length} bytes`)
    assert.match(
      await refusal(bomb),
      /^"bomb\.docx" could not be read: it expands to more than 50 MB when unpacked \(\d+ MB\), far more than a case study needs\. .*try again\.$/,
    )
  })

  it('one paragraph of one letter, 400 MB of it', async () => {
    assert.match(await refusal(bombDocx({ megabytes: 400, shape: 'one-paragraph' })), /expands to more than 50 MB/)
  })

  it('a part under the size limit packed hundreds of times over', async () => {
    assert.match(
      await refusal(bombDocx({ megabytes: 30 })),
      /a part of it expands \d+ times over when unpacked, which real documents never do \(it may be a "zip bomb"\)/,
    )
  })

  it('a directory that lies about the sizes: unpacking stops at what it declared', async () => {
    const lying = bombDocx({ megabytes: 400, declaredBytes: 40 * MB })
    assert.match(await refusal(lying), /holds more than its table of contents declares \(a sign of a "zip bomb"\), so unpacking was stopped/)
    const tiny = bombDocx({ megabytes: 400, declaredBytes: 1000 })
    assert.match(await refusal(tiny), /holds more than its table of contents declares/)
  })

  it('a directory that declares more than there is: damaged', async () => {
    const records = docxRecords(paragraph)
    const document = repeatedEntry('word/document.xml', { head: '<w:document>', block: Buffer.from('<w:p/>'), times: 10, tail: '</w:document>' }, 5000)
    const bytes = writeZip([...records.filter((r) => r.name !== 'word/document.xml'), document])
    assert.match(await refusal(bytes, 'short.docx'), /^"short\.docx" could not be read: it is damaged or is not a Word document\./)
  })

  it('a stored part whose sizes disagree: damaged', async () => {
    const records = docxRecords(paragraph).map((r) => (r.name === 'word/styles.xml' ? { ...r, uncompressedSize: r.uncompressedSize + 1 } : r))
    assert.match(await refusal(writeZip(records)), /damaged or is not a Word document/)
  })

  it('a part whose name climbs out of the archive', async () => {
    const bytes = writeZip([...docxRecords(paragraph), storedRecord('../../outside.txt', Buffer.from('x'))])
    assert.match(await refusal(bytes), /an entry’s name climbs out of the archive \("\.\.\/\.\.\/outside\.txt"\), which a Word document never has/)
  })

  it('thousands of parts', async () => {
    const bytes = writeZip(Array.from({ length: 1500 }, (_, i) => storedRecord(`word/p${i}.xml`, Buffer.from('<a/>'))))
    assert.match(await refusal(bytes), /holds 1,500 files; a Word document holds a few dozen/)
  })

  it('a zip that ends early', async () => {
    const whole = buildDocx(paragraph)
    assert.match(await refusal(whole.subarray(0, whole.length - 30)), /damaged or is not a Word document/)
  })
})
