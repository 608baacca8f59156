// Whether a zip archive (a .docx) may be unpacked, judged from its directory alone: how many
// entries, how much they declare they hold, how tightly they are packed, and what they are
// called. Pure: the unpacker reads the directory and then holds the archive to what it declared.
//
// A Word document of a case study holds a few dozen entries and unpacks to a few megabytes:
// XML packs about ten times, pictures not at all. A "zip bomb" packs hundreds of times.

export interface ArchiveEntry {
  name: string
  compressedSize: number
  uncompressedSize: number
  /** 0 stored, 8 deflated; anything else Word never writes. */
  method: number
  encrypted: boolean
}

export interface ArchiveLimits {
  maxEntries: number
  /** All entries together, unpacked. */
  maxUnpackedBytes: number
  /** Unpacked ÷ packed, for one entry and for the whole file. */
  maxEntryRatio: number
  maxOverallRatio: number
  /** Below this an entry (or the whole) may pack as tightly as it likes: a page of blank lines does. */
  ratioFloorBytes: number
}

const MB = 1024 * 1024

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 1000,
  maxUnpackedBytes: 50 * MB,
  maxEntryRatio: 200,
  maxOverallRatio: 100,
  ratioFloorBytes: 1 * MB,
}

export type ArchiveVerdict = { ok: true; unpackedBytes: number } | { ok: false; reason: string }

const AGAIN = 'Open it in Word, save it again as .docx (without large pictures or embedded files), and try again.'

/** Why a name must not be unpacked, or null. Nothing is written to disk, but no reader should meet these. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'an entry has no name'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'an entry\u2019s name holds control characters'
  if (name.includes('\\')) return `an entry\u2019s name holds a backslash ("${name.slice(0, 60)}")`
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `an entry has an absolute path ("${name.slice(0, 60)}")`
  if (name.split('/').includes('..')) return `an entry\u2019s name climbs out of the archive ("${name.slice(0, 60)}")`
  return null
}

function megabytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/**
 * The verdict on an archive of `archiveBytes` bytes from its directory's entries. Reasons follow
 * `"name" could not be read: ` and say what to do.
 */
export function checkArchive(entries: readonly ArchiveEntry[], archiveBytes: number, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveVerdict {
  if (entries.length === 0) return { ok: false, reason: `it is an empty archive, not a Word document. ${AGAIN}` }
  if (entries.length > limits.maxEntries) {
    return {
      ok: false,
      reason: `it holds ${entries.length.toLocaleString('en-GB')} files; a Word document holds a few dozen, and the importer reads up to ${limits.maxEntries.toLocaleString('en-GB')}. ${AGAIN}`,
    }
  }
  for (const e of entries) {
    const problem = nameProblem(e.name)
    if (problem) return { ok: false, reason: `${problem}, which a Word document never has. ${AGAIN}` }
    if (e.encrypted)
      return { ok: false, reason: 'it is password-protected. Remove the password in Word (File, Info, Protect Document), save it, and try again.' }
    if (e.method !== 0 && e.method !== 8) return { ok: false, reason: `it is packed in a way Word never uses (method ${e.method}). ${AGAIN}` }
  }
  let total = 0
  for (const e of entries) total += e.uncompressedSize
  if (total > limits.maxUnpackedBytes) {
    return {
      ok: false,
      reason: `it expands to more than ${megabytes(limits.maxUnpackedBytes)} when unpacked (${megabytes(total)}), far more than a case study needs. ${AGAIN}`,
    }
  }
  for (const e of entries) {
    if (e.uncompressedSize < limits.ratioFloorBytes) continue
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1)
    if (ratio > limits.maxEntryRatio) {
      return {
        ok: false,
        reason: `a part of it expands ${Math.round(ratio)} times over when unpacked, which real documents never do (it may be a "zip bomb"). ${AGAIN}`,
      }
    }
  }
  if (total >= limits.ratioFloorBytes && total / Math.max(archiveBytes, 1) > limits.maxOverallRatio) {
    return {
      ok: false,
      reason: `it expands ${Math.round(total / Math.max(archiveBytes, 1))} times over when unpacked, which real documents never do (it may be a "zip bomb"). ${AGAIN}`,
    }
  }
  return { ok: true, unpackedBytes: total }
}
