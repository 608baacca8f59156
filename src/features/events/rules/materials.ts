// An event's materials as organisers add them: a link, or a file whose bytes must be what its name
// says (a PDF, or an office document, which is a zip). Served as a download, never shown inline.
import { materialKinds, type MaterialKind } from '../../../db/schema/events.ts'
import type { FieldError } from '../../../lib/result.ts'
import { MAX_FILE_BYTES } from '../../import/file-limits.ts'

export const MAX_MATERIAL_BYTES = MAX_FILE_BYTES

const fileTypes: Record<string, { contentType: string; zipMarker?: string }> = {
  '.pdf': { contentType: 'application/pdf' },
  '.pptx': { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', zipMarker: 'ppt/' },
  '.docx': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', zipMarker: 'word/' },
  '.odp': { contentType: 'application/vnd.oasis.opendocument.presentation', zipMarker: 'application/vnd.oasis.opendocument.presentation' },
  '.odt': { contentType: 'application/vnd.oasis.opendocument.text', zipMarker: 'application/vnd.oasis.opendocument.text' },
}

export const acceptedExtensions = Object.keys(fileTypes)

export interface MaterialForm {
  kind: string
  title: string
  url: string
}

export interface MaterialFile {
  fileName: string
  bytes: Uint8Array
  tooLarge: boolean
}

export type CheckedMaterial =
  | { kind: MaterialKind; title: string; url: string; file: null }
  | { kind: MaterialKind; title: string; url: ''; file: { fileName: string; contentType: string; bytes: Buffer } }

/** The name's last part, without folders, and only characters that are safe in a download's header. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  return (
    base
      .replace(/[^A-Za-z0-9._ -]+/g, '-')
      .replace(/^[.\s-]+/, '')
      .slice(0, 120) || 'file'
  )
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b)

/** Whether the bytes are what the name says: a PDF's header, or a zip holding that kind of document. */
export function sniffMaterial(name: string, bytes: Uint8Array): { ok: true; contentType: string } | { ok: false; message: string } {
  const type = fileTypes[extensionOf(name)]
  if (!type) return { ok: false, message: 'events.materials.errors.fileType' }
  if (!type.zipMarker)
    return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])
      ? { ok: true, contentType: type.contentType }
      : { ok: false, message: 'events.materials.errors.notWhatItSays' }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, message: 'events.materials.errors.notWhatItSays' }
  // Entry names (and an OpenDocument's first entry, its type) are stored uncompressed in the zip.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(type.zipMarker, 0, 'latin1')
    ? { ok: true, contentType: type.contentType }
    : { ok: false, message: 'events.materials.errors.notWhatItSays' }
}

export function checkMaterial(form: MaterialForm, file: MaterialFile | null): { ok: true; value: CheckedMaterial } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const kind = (materialKinds as readonly string[]).includes(form.kind) ? (form.kind as MaterialKind) : null
  if (!kind) errors.push({ field: 'material-kind', message: 'events.materials.errors.kind' })
  const title = form.title.trim()
  if (!title) errors.push({ field: 'material-title', message: 'events.materials.errors.title' })
  else if (title.length > 300) errors.push({ field: 'material-title', message: 'events.materials.errors.titleTooLong', values: { max: 300 } })
  const url = form.url.trim()
  let sniffed: { contentType: string } | null = null
  if (file && url) errors.push({ field: 'material-url', message: 'events.materials.errors.both' })
  else if (!file && !url) errors.push({ field: 'material-url', message: 'events.materials.errors.neither' })
  else if (url && (!/^https?:\/\/[^\s]+$/i.test(url) || url.length > 2000)) errors.push({ field: 'material-url', message: 'events.materials.errors.link' })
  else if (file) {
    const values = { name: safeFileName(file.fileName), max: Math.round(MAX_MATERIAL_BYTES / (1024 * 1024)) }
    if (file.tooLarge || file.bytes.length > MAX_MATERIAL_BYTES) errors.push({ field: 'material-file', message: 'events.materials.errors.tooLarge', values })
    else if (file.bytes.length === 0) errors.push({ field: 'material-file', message: 'events.materials.errors.empty', values })
    else {
      const sniff = sniffMaterial(file.fileName, file.bytes)
      if (sniff.ok) sniffed = sniff
      else errors.push({ field: 'material-file', message: sniff.message, values })
    }
  }
  if (errors.length || !kind) return { ok: false, errors }
  if (file && sniffed)
    return {
      ok: true,
      value: { kind, title, url: '', file: { fileName: safeFileName(file.fileName), contentType: sniffed.contentType, bytes: Buffer.from(file.bytes) } },
    }
  return { ok: true, value: { kind, title, url, file: null } }
}
