// Test helper (not tests): zip bombs built in memory, so no binary file is committed and a bomb
// of hundreds of megabytes costs a few hundred kilobytes and a few milliseconds to make.
//
// The trick: a block deflated on its own with a sync flush is a run of non-final deflate blocks
// whose back-references never reach before the block's own start. Written N times in a row and
// closed with an empty final block, it inflates to the block N times, however large N is.

import { constants, crc32, deflateRawSync } from 'node:zlib'
import { docxRecords } from './docx-fixture.ts'
import { writeZip } from '../../src/features/import/extraction/zip-writer.ts'
import type { ZipRecord } from '../../src/features/import/extraction/zip-writer.ts'

const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00])

function flushed(data: Buffer): Buffer {
  return deflateRawSync(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH })
}

/** A deflated entry of `head`, then `block` repeated `times`, then `tail`. */
export function repeatedEntry(name: string, parts: { head: string; block: Buffer; times: number; tail: string }, declaredSize?: number): ZipRecord {
  const head = Buffer.from(parts.head, 'utf8')
  const tail = Buffer.from(parts.tail, 'utf8')
  const blockDeflated = flushed(parts.block)
  const payload = Buffer.concat([flushed(head), ...Array.from({ length: parts.times }, () => blockDeflated), flushed(tail), FINAL_EMPTY_BLOCK])
  let crc = crc32(head)
  for (let i = 0; i < parts.times; i++) crc = crc32(parts.block, crc)
  crc = crc32(tail, crc)
  const size = head.length + parts.block.length * parts.times + tail.length
  return { name, method: 8, payload, crc, uncompressedSize: declaredSize ?? size }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const MB = 1024 * 1024
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`
const TAIL = '</w:body></w:document>'

/**
 * About a megabyte of the same paragraph again and again; of numbered paragraphs (packing only
 * about twenty times, as real text does); or of one letter inside a single paragraph.
 */
function megabyteBlock(shape: Shape): Buffer {
  if (shape === 'one-paragraph') return Buffer.alloc(MB, 'a')
  if (shape === 'numbered') {
    const paragraphs: string[] = []
    for (let i = 0, length = 0; length < MB - 100; i++) {
      const p = `<w:p><w:r><w:t>Paragraph ${(i * 7919) % 100003} of the long report.</w:t></w:r></w:p>`
      paragraphs.push(p)
      length += p.length
    }
    return Buffer.from(paragraphs.join(''), 'utf8')
  }
  const paragraph = '<w:p><w:r><w:t>All work and no play makes a dull report.</w:t></w:r></w:p>'
  return Buffer.from(paragraph.repeat(Math.floor(MB / paragraph.length)), 'utf8')
}

type Shape = 'paragraphs' | 'numbered' | 'one-paragraph'

export interface BombOptions {
  /** Megabytes (about) the document part really inflates to. */
  megabytes: number
  /** What the archive's directory says the part holds (bytes); the truth when absent. */
  declaredBytes?: number
  /** Many paragraphs (the default: costly to convert), numbered ones, or one paragraph of one letter. */
  shape?: Shape
}

/** A Word document whose main part inflates to `megabytes` MB; everything else is a real small document. */
export function bombDocx(options: BombOptions): Buffer {
  const records = docxRecords([{ text: 'Nothing to see.' }]).filter((r) => r.name !== 'word/document.xml')
  const document = repeatedEntry(
    'word/document.xml',
    options.shape === 'one-paragraph'
      ? { head: `${HEAD}<w:p><w:r><w:t>`, block: megabyteBlock('one-paragraph'), times: options.megabytes, tail: `</w:t></w:r></w:p>${TAIL}` }
      : { head: HEAD, block: megabyteBlock(options.shape ?? 'paragraphs'), times: options.megabytes, tail: TAIL },
    options.declaredBytes,
  )
  return writeZip([...records, document])
}
