import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ARCHIVE_LIMITS, checkArchive, nameProblem } from './archive-check.ts'
import type { ArchiveEntry } from './archive-check.ts'

const KB = 1024
const MB = 1024 * KB

function entry(name: string, uncompressedSize: number, compressedSize = Math.ceil(uncompressedSize / 8), extra: Partial<ArchiveEntry> = {}): ArchiveEntry {
  return { name, compressedSize, uncompressedSize, method: 8, encrypted: false, ...extra }
}

/** The parts of an ordinary Word document, packing about eight times. */
const ORDINARY = [
  entry('[Content_Types].xml', 2 * KB),
  entry('_rels/.rels', 600),
  entry('word/document.xml', 180 * KB),
  entry('word/styles.xml', 40 * KB),
  entry('word/_rels/document.xml.rels', 1 * KB),
]
const size = (entries: readonly ArchiveEntry[]): number => entries.reduce((n, e) => n + e.compressedSize + 100, 0)

describe('checkArchive', () => {
  const cases: { name: string; entries: ArchiveEntry[]; archiveBytes?: number; refused: RegExp | null }[] = [
    { name: 'an ordinary document', entries: ORDINARY, refused: null },
    { name: 'pictures stored as they are', entries: [...ORDINARY, entry('word/media/image1.png', 3 * MB, 3 * MB, { method: 0 })], refused: null },
    { name: 'a folder entry', entries: [...ORDINARY, entry('word/media/', 0, 0, { method: 0 })], refused: null },
    { name: 'a small part packed very tightly (a page of blank lines)', entries: [...ORDINARY, entry('word/footer1.xml', 500 * KB, 1 * KB)], refused: null },
    { name: 'just under the size limit', entries: [entry('word/document.xml', 50 * MB, 5 * MB)], refused: null },
    { name: 'no entries', entries: [], refused: /empty archive/ },
    {
      name: 'the issue\u2019s bomb: 0.95 MB declaring 400 MB',
      entries: [entry('word/document.xml', 400 * MB, 0.95 * MB)],
      refused: /expands to more than 50 MB when unpacked \(400 MB\)/,
    },
    {
      name: 'many parts adding up past the limit',
      entries: Array.from({ length: 60 }, (_, i) => entry(`word/part${i}.xml`, 1 * MB, 200 * KB)),
      refused: /expands to more than 50 MB when unpacked \(60 MB\)/,
    },
    {
      name: 'one part packed 1,000 times',
      entries: [...ORDINARY, entry('word/document.xml', 20 * MB, 20 * KB)],
      refused: /a part of it expands 1024 times over/,
    },
    {
      name: 'the whole packed 150 times, no part over 200',
      entries: Array.from({ length: 20 }, (_, i) => entry(`word/part${i}.xml`, 2 * MB, 14 * KB)),
      archiveBytes: 280 * KB,
      refused: /it expands 146 times over when unpacked/,
    },
    { name: 'too many entries', entries: Array.from({ length: 1001 }, (_, i) => entry(`f${i}.xml`, 100)), refused: /holds 1,001 files; .* reads up to 1,000/ },
    {
      name: 'a name that climbs out',
      entries: [...ORDINARY, entry('word/../../etc/passwd', 100)],
      refused: /climbs out of the archive \("word\/\.\.\/\.\.\/etc\/passwd"\)/,
    },
    { name: 'an absolute name', entries: [entry('/etc/passwd', 100)], refused: /absolute path/ },
    { name: 'a drive letter', entries: [entry('C:/Windows/x.xml', 100)], refused: /absolute path/ },
    { name: 'a password', entries: [entry('word/document.xml', 100, 100, { encrypted: true })], refused: /password-protected/ },
    {
      name: 'an unknown packing method',
      entries: [entry('word/document.xml', 100, 100, { method: 14 })],
      refused: /packed in a way Word never uses \(method 14\)/,
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const verdict = checkArchive(c.entries, c.archiveBytes ?? size(c.entries))
      if (c.refused === null) assert.deepEqual(verdict, { ok: true, unpackedBytes: c.entries.reduce((n, e) => n + e.uncompressedSize, 0) })
      else {
        assert.equal(verdict.ok, false)
        assert.match(verdict.ok ? '' : verdict.reason, c.refused)
        assert.match(verdict.ok ? '' : verdict.reason, /try again\.$/, 'every refusal says what to do')
      }
    })
  }

  it('takes other limits', () => {
    const verdict = checkArchive(ORDINARY, size(ORDINARY), { ...ARCHIVE_LIMITS, maxUnpackedBytes: 100 * KB })
    assert.match(verdict.ok ? '' : verdict.reason, /expands to more than 100 KB when unpacked \(224 KB\)/)
  })
})

describe('nameProblem', () => {
  const cases: [string, RegExp | null][] = [
    ['word/document.xml', null],
    ['[Content_Types].xml', null],
    ['word/media/image 1.png', null],
    ['..', /climbs out/],
    ['a/../../b', /climbs out/],
    ['a/..b/c', null],
    ['/abs', /absolute/],
    ['d:\u005cx', /backslash/],
    ['a\u0000b', /control characters/],
    ['', /no name/],
  ]
  for (const [name, problem] of cases) {
    it(JSON.stringify(name), () => {
      const found = nameProblem(name)
      if (problem === null) assert.equal(found, null)
      else assert.match(found ?? '', problem)
    })
  }
})
