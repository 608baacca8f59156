// Test helper: builds a minimal but real .docx (a zip of WordprocessingML parts) in memory,
// so the Word path is tested without committing a binary file.

import { storedRecord, writeZip } from '../../src/features/import/extraction/zip-writer.ts'
import type { ZipRecord } from '../../src/features/import/extraction/zip-writer.ts'

interface ZipEntry {
  name: string
  data: Buffer
}

/** A stored (uncompressed) zip archive: enough for mammoth. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  return writeZip(entries.map((e) => storedRecord(e.name, e.data)))
}

export type DocxParagraph = { style?: 'Heading1' | 'Heading2' | 'ListBullet'; text: string }

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The parts of a small Word document, for tests that change or add to them. */
export function docxRecords(paragraphs: readonly DocxParagraph[]): ZipRecord[] {
  const body = paragraphs
    .map((p) => {
      const style = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(p.text)}</w:t></w:r></w:p>`
    })
    .join('')
  const style = (id: string, name: string): string => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('ListBullet', 'List Bullet')}</w:styles>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  }
  return Object.entries(files).map(([name, text]) => storedRecord(name, Buffer.from(text, 'utf8')))
}

export function buildDocx(paragraphs: readonly DocxParagraph[]): Buffer {
  return writeZip(docxRecords(paragraphs))
}
