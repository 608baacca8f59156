// A file's bytes → its text, by file type. Async because unzipping and mammoth are; nothing here touches
// the file system. Every refusal says what is wrong and what to do about it.

import mammoth from 'mammoth'
import { decodeBytes } from './decode-bytes.ts'
import { unpackArchive } from './extraction/unpack-archive.ts'
import { storedRecord, writeZip } from './extraction/zip-writer.ts'
import { htmlToText } from './html-to-text.ts'
import { MAX_FILE_BYTES } from './file-limits.ts'
import type { ExtractResult } from './types.ts'

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown'])
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

function withText(name: string, text: string, title?: string): ExtractResult {
  if (text.trim().length === 0) {
    return { ok: false, error: `"${name}" has no text: it holds only spaces or blank lines. Choose the file that holds the case study.` }
  }
  return title ? { ok: true, text, title } : { ok: true, text }
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  const name = fileName.split(/[\\/]/).pop() || fileName || 'The file'
  if (bytes.length === 0) return { ok: false, error: `"${name}" is empty (0 bytes). Choose the file that holds the case study.` }
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: `"${name}" is ${megabytes(bytes.length)}; the importer reads files up to 5 MB. Save only the case study's text (without images) and try again.`,
    }
  }
  const ext = extensionOf(name)
  if (ext === '.docx') return readDocx(bytes, name)
  if (ext === '.doc') return { ok: false, error: `"${name}" is in the old Word format (.doc). Open it in Word and save it as .docx, then try again.` }
  if (ext === '.pdf')
    return { ok: false, error: `"${name}" is a PDF, which the importer cannot read. Copy its text into a .txt file, or save it as .docx, then try again.` }
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext)) {
    return { ok: false, error: `"${name}" is not a file type the importer reads (${ext || 'no extension'}). Use .txt, .md, .html, .htm or .docx.` }
  }
  if (isZip(bytes)) {
    return {
      ok: false,
      error: `"${name}" is a zip archive (perhaps a Word document) although its name ends in ${ext}. If it is a Word document, rename it to .docx.`,
    }
  }
  const decoded = decodeBytes(bytes)
  if (!decoded.ok) return { ok: false, error: `"${name}": ${decoded.error}` }
  const looksLikeHtml = /^\s*(?:<!doctype html|<html[\s>])/i.test(decoded.text.slice(0, 500))
  if (HTML_EXTENSIONS.has(ext) || looksLikeHtml) {
    const page = htmlToText(decoded.text)
    if (!page.text.trim()) {
      return {
        ok: false,
        error: `"${name}" has no readable text in the page's main content. Save the case study page itself (not a list or a search page) and try again.`,
      }
    }
    return withText(name, page.text, page.title)
  }
  return withText(name, decoded.text)
}

async function readDocx(bytes: Uint8Array, name: string): Promise<ExtractResult> {
  if (!isZip(bytes)) {
    return { ok: false, error: `"${name}" is not a valid Word (.docx) document. Open it in Word, save it again as .docx, and try again.` }
  }
  const unpacked = await unpackArchive(bytes)
  if (!unpacked.ok) return { ok: false, error: `"${name}" could not be read: ${unpacked.reason}` }
  // mammoth is given an archive of only what was unpacked and counted, stored, so that its own
  // unzipping has nothing left to inflate.
  const checked = writeZip([...unpacked.files].map(([entry, data]) => storedRecord(entry, data)))
  unpacked.files.clear()
  try {
    const result = await mammoth.convertToHtml(
      { buffer: checked },
      {
        externalFileAccess: false,
        // Bullets typed with a list style rather than Word numbering still read as bullets.
        styleMap: ["p[style-name='List Bullet'] => ul > li:fresh", "p[style-name='List Paragraph'] => ul > li:fresh"],
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    )
    const page = htmlToText(result.value)
    if (!page.text.trim()) return { ok: false, error: `"${name}" holds no text. Check that it is the case study document.` }
    return withText(name, page.text, page.title)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      error: `"${name}" could not be read as a Word document (${reason.slice(0, 200)}). Open it in Word, save it again as .docx, and try again.`,
    }
  }
}
