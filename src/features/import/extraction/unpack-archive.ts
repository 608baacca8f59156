// Unpacks a .docx without trusting it: the directory is read first (no inflating) and judged by
// checkArchive; then every entry is inflated as a stream, counting bytes, and stopped the moment
// it gives more than it declared or the whole passes the limit, because a crafted archive can lie
// in its directory. Only what was unpacked and counted goes on to the Word reader.

import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { ARCHIVE_LIMITS, checkArchive } from './archive-check.ts'
import type { ArchiveEntry, ArchiveLimits } from './archive-check.ts'

export type Unpacked = { ok: true; files: Map<string, Buffer> } | { ok: false; reason: string }

const AGAIN = 'Open it in Word, save it again as .docx, and try again.'
const DAMAGED = `it is damaged or is not a Word document. ${AGAIN}`
const LIED = `it holds more than its table of contents declares (a sign of a "zip bomb"), so unpacking was stopped. ${AGAIN}`

function describe(entry: Entry): ArchiveEntry {
  return {
    // decodeStrings is off so that yauzl leaves names to checkArchive; this decodes them as it would.
    name: yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false),
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    method: entry.compressionMethod,
    encrypted: entry.isEncrypted(),
  }
}

async function readDirectory(zip: ZipFile, limits: ArchiveLimits): Promise<Entry[]> {
  const entries: Entry[] = []
  for await (const entry of zip.eachEntry()) {
    entries.push(entry)
    if (entries.length > limits.maxEntries) break
  }
  return entries
}

export async function unpackArchive(bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<Unpacked> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let zip: ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false })
  } catch {
    return { ok: false, reason: DAMAGED }
  }
  // The end record says how many entries follow; a huge count is refused before reading them.
  if (zip.entryCount > limits.maxEntries) {
    return {
      ok: false,
      reason: `it holds ${zip.entryCount.toLocaleString('en-GB')} files; a Word document holds a few dozen, and the importer reads up to ${limits.maxEntries.toLocaleString('en-GB')}. ${AGAIN}`,
    }
  }
  let directory: Entry[]
  try {
    directory = await readDirectory(zip, limits)
  } catch (error) {
    const message = (error as Error).message
    if (/encryption/.test(message))
      return { ok: false, reason: 'it is password-protected. Remove the password in Word (File, Info, Protect Document), save it, and try again.' }
    return { ok: false, reason: DAMAGED }
  }
  const described = directory.map(describe)
  const verdict = checkArchive(described, buffer.length, limits)
  if (!verdict.ok) return verdict

  const files = new Map<string, Buffer>()
  let total = 0
  for (let i = 0; i < directory.length; i++) {
    const entry = directory[i]!
    const name = described[i]!.name
    if (name.endsWith('/')) continue
    const chunks: Buffer[] = []
    let size = 0
    try {
      const stream = await zip.openReadStreamPromise(entry)
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length
        total += chunk.length
        // yauzl stops an entry that outgrows its declared size; this also bounds the whole.
        if (size > entry.uncompressedSize || total > limits.maxUnpackedBytes) {
          stream.destroy()
          return { ok: false, reason: LIED }
        }
        chunks.push(chunk)
      }
    } catch (error) {
      return { ok: false, reason: /too many bytes/.test((error as Error).message) ? LIED : DAMAGED }
    }
    files.set(name, Buffer.concat(chunks, size))
  }
  return { ok: true, files }
}
