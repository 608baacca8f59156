import type { FastifyRequest } from 'fastify'
import { MAX_FILE_BYTES } from './file-limits.ts'

export interface Upload {
  fileName: string
  bytes: Uint8Array
  tooLarge: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The file sent with a multipart form (the importer's document, the pack's cover), read before the CSRF check (see readMultipart). */
    upload?: Upload | null
  }
}

/**
 * Reads a multipart form in full, before the CSRF check: the app checks every POST's token from
 * `request.body._csrf`, which multipart bodies do not fill in. So the fields become the body and
 * the file waits on the request for the handler. The token stays out of the address (and so out of
 * logs and Referer headers). Limits: those the route's scope registered @fastify/multipart with.
 * A field named in `lists` may repeat (checkboxes) and is kept as a list; any other keeps its first value.
 */
export async function readMultipart(request: FastifyRequest, lists: ReadonlySet<string> = new Set()): Promise<void> {
  if (!request.isMultipart()) return
  const fields: Record<string, string | string[]> = {}
  let upload: Upload | null = null
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (upload) {
          part.file.resume()
          continue
        }
        try {
          const bytes = await part.toBuffer()
          upload = { fileName: part.filename, bytes, tooLarge: false }
        } catch (error) {
          if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error
          upload = { fileName: part.filename, bytes: new Uint8Array(), tooLarge: true }
        }
      } else if (typeof part.value === 'string') {
        const value = part.valueTruncated ? `${part.value}\u0000truncated` : part.value
        const kept = fields[part.fieldname]
        if (lists.has(part.fieldname)) fields[part.fieldname] = [...(Array.isArray(kept) ? kept : []), value]
        else if (kept === undefined) fields[part.fieldname] = value
      }
    }
  } catch {
    // A broken or over-long form: whatever arrived is kept; without its token it is refused.
  }
  // A form sent with no file chosen still carries an empty file part with no name.
  request.upload = upload && (upload.fileName || upload.bytes.length > 0 || upload.tooLarge) ? upload : null
  request.body = fields
}

export const multipartLimits = { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 12, fieldSize: MAX_FILE_BYTES }
