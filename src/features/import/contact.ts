// The contact block: "For more information contact:" (or "further"), then name, job title and
// organisation on the following non-empty lines, or after the colon on the same line.

import type { DocLine } from './document-lines.ts'
import { isFurniture } from './furniture.ts'
import { looksLikeOrganisation } from './metadata.ts'
import { wordCount } from './normalise-text.ts'
import type { Contact } from './types.ts'

const HEADER = /^for\s+(?:more|further)\s+(?:information|info|details)[,.]?\s+(?:please\s+)?contact\b\s*:?\s*(.*)$/i
const EMAIL = /^(?:e-?mail\s*:?\s*)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/i
const PHONE = /^(?:(?:tel(?:ephone)?|phone|mobile|t)\s*[:.]?\s*)?(\+?[\d][\d\s().-]{6,}\d)$/i

export function contactHeaderRest(content: string): string | null {
  if (content.length > 300) return null
  const m = HEADER.exec(content)
  return m ? (m[1] ?? '').trim() : null
}

export interface ContactBlock {
  contact: Contact | null
  /** Lines the block owns (header included), left out of the body. */
  consumed: number[]
}

export function readContactBlock(
  lines: readonly DocLine[],
  headerIndex: number,
  isStop: (line: DocLine) => boolean,
  isKnownOrganisation: (name: string) => boolean,
): ContactBlock {
  const consumed = [headerIndex]
  const fields: string[] = []
  const extras: { email?: string; phone?: string } = {}
  const header = lines[headerIndex]
  const inline = header ? (contactHeaderRest(header.content) ?? '') : ''
  if (inline) for (const f of inline.split(/\s*[,;|]\s*/)) addField(f, fields, extras)

  for (let i = headerIndex + 1; i < lines.length && i <= headerIndex + 12 && fields.length < 3; i++) {
    const line = lines[i]
    if (!line) break
    if (line.blank) continue
    if (isFurniture(line.text)) {
      consumed.push(i)
      continue
    }
    if (isStop(line) || line.heading > 0 || looksLikeNarrative(line.content)) break
    const parts = line.content.split(/\s*[,|]\s*/).filter((p) => p.length > 0)
    if (fields.length === 0 && parts.length >= 2 && parts.length <= 3 && !isKnownOrganisation(line.content)) {
      for (const p of parts) addField(p, fields, extras)
    } else {
      addField(line.content, fields, extras)
    }
    consumed.push(i)
  }
  return { contact: toContact(fields, extras, isKnownOrganisation), consumed }
}

function looksLikeNarrative(text: string): boolean {
  if (text.length > 300) return true
  const words = wordCount(text)
  return words > 12 || (words > 6 && /[.!?]$/.test(text))
}

function addField(raw: string, fields: string[], extras: { email?: string; phone?: string }): void {
  const text = raw.trim().replace(/[.;]$/, '')
  if (!text) return
  const email = EMAIL.exec(text)
  if (email) {
    extras.email = email[1] ?? text
    return
  }
  const phone = PHONE.exec(text)
  if (phone) {
    extras.phone = phone[1] ?? text
    return
  }
  if (fields.length < 3) fields.push(text)
}

function toContact(fields: string[], extras: { email?: string; phone?: string }, isKnownOrganisation: (name: string) => boolean): Contact | null {
  const isOrg = (t: string): boolean => isKnownOrganisation(t) || looksLikeOrganisation(t)
  let contact: Contact | null = null
  const [a, b, c] = fields
  if (a !== undefined && b !== undefined && c !== undefined) contact = { name: a, jobTitle: b, organisation: c }
  else if (a !== undefined && b !== undefined) contact = isOrg(b) ? { name: a, jobTitle: null, organisation: b } : { name: a, jobTitle: b, organisation: null }
  else if (a !== undefined) contact = isOrg(a) ? { name: null, jobTitle: null, organisation: a } : { name: a, jobTitle: null, organisation: null }
  if (contact === null && (extras.email || extras.phone)) contact = { name: null, jobTitle: null, organisation: null }
  if (contact && extras.email) contact.email = extras.email
  if (contact && extras.phone) contact.phone = extras.phone
  return contact
}
