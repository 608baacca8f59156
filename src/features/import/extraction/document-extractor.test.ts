import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { buildDocx } from '../../../../test/import/docx-fixture.ts'
import { createDocumentExtractor } from './document-extractor.ts'
import type { DocumentExtractor } from './document-extractor.ts'
import { bombDocx } from '../../../../test/import/zip-bombs.ts'

const extractors: DocumentExtractor[] = []
function extractor(...args: Parameters<typeof createDocumentExtractor>): DocumentExtractor {
  const e = createDocumentExtractor(...args)
  extractors.push(e)
  return e
}
after(async () => {
  await Promise.all(extractors.map((e) => e.close()))
})

/** Passes every archive check, then needs far more memory to convert than a case study does. */
const heavy = (): Buffer => bombDocx({ megabytes: 10, shape: 'numbered' })

describe('reading documents in worker threads', () => {
  it('reads text and Word documents as extractText does', async () => {
    const e = extractor()
    assert.deepEqual(await e.extract(new TextEncoder().encode('Plain words.'), 'a.txt'), { ok: true, text: 'Plain words.' })
    assert.deepEqual(await e.extract(buildDocx([{ style: 'Heading1', text: 'Shop' }, { text: 'Run by residents.' }]), 'shop.docx'), {
      ok: true,
      text: '# Shop\n\nRun by residents.',
      title: 'Shop',
    })
    assert.deepEqual(await e.extract(new Uint8Array(), 'empty.txt'), {
      ok: false,
      error: '"empty.txt" is empty (0 bytes). Choose the file that holds the case study.',
    })
  })

  it('refuses three zip bombs sent at once, each with the reason', async () => {
    const e = extractor()
    const results = await Promise.all([1, 2, 3].map((n) => e.extract(bombDocx({ megabytes: 400 }), `bomb-${n}.docx`)))
    assert.deepEqual(
      results.map((r) => (r.ok ? 'read' : r.error.replace(/ \(\d+ MB\).*/, ''))),
      [1, 2, 3].map((n) => `"bomb-${n}.docx" could not be read: it expands to more than 50 MB when unpacked`),
    )
  })

  it('stops a document that needs more memory than a worker has', async () => {
    const e = extractor({ maxOldGenerationSizeMb: 64 })
    const r = await e.extract(heavy(), 'heavy.docx')
    assert.equal(
      r.ok ? 'read' : r.error,
      '"heavy.docx" could not be read: it needs more memory than the importer allows (64 MB), so it was stopped. Save only the case study\u2019s text in a new document (or as .txt) and try again.',
    )
    assert.deepEqual(await e.extract(new TextEncoder().encode('Next one.'), 'b.txt'), { ok: true, text: 'Next one.' }, 'a fresh worker reads the next')
  })

  it('stops a document that takes longer than the time limit', async () => {
    const e = extractor({ timeLimitMs: 50 })
    const r = await e.extract(heavy(), 'slow.docx')
    assert.match(r.ok ? 'read' : r.error, /^"slow\.docx" could not be read: reading it took longer than 50 milliseconds, so it was stopped\./)
  })

  it('tells the person to try again when every worker is busy and no one may wait', async () => {
    const e = extractor({ size: 1, queueLimit: 0, maxOldGenerationSizeMb: 64 })
    const first = e.extract(heavy(), 'heavy.docx')
    assert.deepEqual(await e.extract(new TextEncoder().encode('x'), 'b.txt'), {
      ok: false,
      error: 'The importer is busy reading other documents just now. Wait a minute and try again.',
    })
    assert.equal((await first).ok, false)
  })
})
