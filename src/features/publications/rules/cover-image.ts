// The pack's cover image: PNG or JPEG only, told by its bytes (never by its name or the browser's
// word), with its size in pixels read from its header. Pure, never throws.

export type CoverFormat = 'png' | 'jpeg'

/** Large enough for a cover printed on A4 at 300 dpi; small enough to keep the pack's PDF light. */
export const MAX_COVER_BYTES = 2 * 1024 * 1024
/** A small file can still claim millions of pixels (a decompression bomb): refused before decoding. */
export const MAX_COVER_PIXELS = 25_000_000
export const MAX_COVER_ALT = 500

export interface CoverImage {
  format: CoverFormat
  width: number
  height: number
  bytes: Uint8Array
}

export const coverMediaType = (format: CoverFormat) => (format === 'png' ? 'image/png' : 'image/jpeg')

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 33 || !pngSignature.every((v, i) => b[i] === v)) return null
  // The first chunk must be IHDR: width and height as 32-bit big-endian numbers.
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i++
      continue
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!
    // Start of frame (C0–CF, but not C4 DHT, C8 JPG or CC DAC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
    }
    if (length < 2) return null
    i += 2 + length
  }
  return null
}

/** The image, or the catalogue key of why it is refused. */
export function readCoverImage(bytes: Uint8Array): { ok: true; value: CoverImage } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: 'publications.form.error.coverEmpty' }
  if (bytes.length > MAX_COVER_BYTES) return { ok: false, message: 'publications.form.error.coverTooLarge' }
  const png = pngSize(bytes)
  const jpeg = png ? null : jpegSize(bytes)
  const size = png ?? jpeg
  if (!size) return { ok: false, message: 'publications.form.error.coverType' }
  if (size.width === 0 || size.height === 0) return { ok: false, message: 'publications.form.error.coverBroken' }
  if (size.width * size.height > MAX_COVER_PIXELS) return { ok: false, message: 'publications.form.error.coverPixels' }
  return { ok: true, value: { format: png ? 'png' : 'jpeg', ...size, bytes } }
}

/** The alternative text, or the catalogue key of why it is refused (required with an image). */
export function readCoverAlt(alt: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = alt.replace(/\s+/g, ' ').trim()
  if (!text) return { ok: false, message: 'publications.form.error.coverAlt' }
  if (text.length > MAX_COVER_ALT) return { ok: false, message: 'publications.form.error.coverAltLong' }
  return { ok: true, value: text }
}

/** The image as a data: address (the preview shows it, and carries it to the publish button). */
export const coverDataUrl = (image: Pick<CoverImage, 'format' | 'bytes'>) =>
  `data:${coverMediaType(image.format)};base64,${Buffer.from(image.bytes).toString('base64')}`

/** The bytes of a data: address this page made; anything else is not an image. */
export function coverFromDataUrl(url: string): Uint8Array | null {
  const m = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(url)
  return m ? Buffer.from(m[1]!, 'base64') : null
}

export interface CoverChoice {
  /** The file sent with this form, if any. */
  upload: { bytes: Uint8Array; tooLarge: boolean } | null
  /** The image chosen on an earlier page of this form, carried as a data: address. */
  kept: string
  remove: boolean
  alt: string
}

/**
 * The cover image the form asks for (a new file wins over the one kept), with its alternative
 * text, or none; or the errors (catalogue keys) on coverImage and coverAlt.
 */
export function readCoverChoice(
  choice: CoverChoice,
): { ok: true; value: { image: CoverImage; alt: string } | null } | { ok: false; errors: Array<{ field: string; message: string }>; image: CoverImage | null } {
  if (choice.upload?.tooLarge) return { ok: false, errors: [{ field: 'coverImage', message: 'publications.form.error.coverTooLarge' }], image: null }
  const bytes = choice.upload ? choice.upload.bytes : choice.remove || !choice.kept ? null : coverFromDataUrl(choice.kept)
  if (!bytes) {
    if (choice.upload || (choice.kept && !choice.remove))
      return { ok: false, errors: [{ field: 'coverImage', message: 'publications.form.error.coverType' }], image: null }
    return { ok: true, value: null }
  }
  const image = readCoverImage(bytes)
  if (!image.ok) return { ok: false, errors: [{ field: 'coverImage', message: image.message }], image: null }
  const alt = readCoverAlt(choice.alt)
  if (!alt.ok) return { ok: false, errors: [{ field: 'coverAlt', message: alt.message }], image: image.value }
  return { ok: true, value: { image: image.value, alt: alt.value } }
}
