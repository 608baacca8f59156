// Bytes → text for files people save from Word, Notepad and browsers: UTF-8 with or without a
// byte-order mark, UTF-16 (with a BOM, or the tell-tale zero bytes without one), and Windows-1252
// for anything that is not valid UTF-8. Binary files are refused with a message saying what to do.

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' } | { ok: false; error: string }

// Node's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters, which
// loses curly quotes and dashes; this table is the WHATWG mapping for that range.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const chunk = new Uint16Array(Math.min(bytes.length, 8192))
  for (let start = 0; start < bytes.length; start += chunk.length) {
    const end = Math.min(bytes.length, start + chunk.length)
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0
      chunk[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b
    }
    parts.push(String.fromCharCode(...chunk.subarray(0, end - start)))
  }
  return parts.join('')
}

const BINARY_ADVICE = 'Save the case study as plain text (.txt), Markdown (.md), a web page (.html) or a Word document (.docx) and try again.'

/** Zero bytes at every other position mean UTF-16 without a byte-order mark. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

function controlCharacterError(text: string): string | null {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  let nul = 0
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) nul++
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++
  }
  if (nul > 0) return `The file looks like a binary file, not text (it contains NUL bytes). ${BINARY_ADVICE}`
  if (sample.length > 0 && control / sample.length > 0.02) {
    return `The file looks like a binary file, not text (${Math.round((100 * control) / sample.length)}% of its characters are control characters). ${BINARY_ADVICE}`
  }
  return null
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  let text: string
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8'
    text = new TextDecoder('utf-8').decode(bytes.subarray(3))
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    text = new TextDecoder(encoding).decode(bytes.subarray(2))
  } else {
    const utf16 = utf16WithoutBom(bytes)
    if (utf16) {
      encoding = utf16
      text = new TextDecoder(utf16).decode(bytes)
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        encoding = 'utf-8'
      } catch {
        text = decodeWindows1252(bytes)
        encoding = 'windows-1252'
      }
    }
  }
  const error = controlCharacterError(text)
  if (error) return { ok: false, error }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding }
}
