// Metadata lines ("Lead Member …", "Year 2019-2021", "Status Policy Labs"), as bullets or plain
// lines, with or without a colon. Without a colon a label is only believed when its value has the
// expected shape, because narrative also starts with "Year after year" or "Type of support".

import { stripEmphasis } from './document-lines.ts';
import { compactKey, startsWithUpper, wordCount } from './normalise-text.ts';
import type { Kind } from './types.ts';

export type MetadataKey = 'lead' | 'participants' | 'year' | 'kind';

export interface MetadataLine {
  key: MetadataKey;
  /** Empty when the value sits on the next line (label-only line, as definition lists print). */
  value: string;
}

const LABEL =
  /^(lead\s+(?:members?|organi[sz]ations?|councils?)|participating\s+(?:members?|organi[sz]ations?|councils?)|years?|status|type)\b\s*([:\-–—])?\s*(.*)$/i;

export function parseMetadataLine(content: string): MetadataLine | null {
  if (content.length > 400) return null;
  const m = LABEL.exec(stripEmphasis(content));
  if (!m) return null;
  const label = (m[1] ?? '').toLowerCase();
  const colon = m[2] !== undefined;
  const value = (m[3] ?? '').replace(/^\*\*\s*/, '').replace(/[.;]+$/, '').trim();
  const key: MetadataKey = label.startsWith('lead')
    ? 'lead'
    : label.startsWith('participating')
      ? 'participants'
      : label.startsWith('year')
        ? 'year'
        : 'kind';
  if (value.length === 0) return { key, value };
  if (colon) return { key, value };
  switch (key) {
    case 'year':
      return parseYear(value) ? { key, value } : null;
    case 'kind':
      return kindFromText(value) ? { key, value } : null;
    default:
      // "Lead Member for Housing said…" is a councillor's role in a sentence, not a label.
      return startsWithUpper(value) && wordCount(value) <= 25 && !/^for\b/i.test(value) ? { key, value } : null;
  }
}

const YEAR =
  /^(?:c\.\s*|circa\s+)?((?:19|20)\d{2})(?:\s*(?:-|–|—|\/|to|until|and)\s*((?:19|20)?\d{2}|present|now|ongoing|date))?(?:\s*(?:onwards|ongoing|\(ongoing\)))?$/i;

export function parseYear(value: string): { start: number; end: number | null } | null {
  const m = YEAR.exec(value.trim().replace(/\.$/, ''));
  if (!m) return null;
  const start = Number(m[1]);
  const rawEnd = m[2];
  if (rawEnd === undefined) return /onwards|ongoing/i.test(value) ? { start, end: null } : { start, end: start };
  if (!/^\d+$/.test(rawEnd)) return { start, end: null };
  const end = rawEnd.length === 2 ? Math.floor(start / 100) * 100 + Number(rawEnd) : Number(rawEnd);
  return end >= start ? { start, end } : null;
}

const KINDS: [string, Kind][] = [
  ['policyprototype', 'policy-prototype'],
  ['policylab', 'policy-lab'],
  ['actionlearning', 'action-learning-set'],
  ['casestud', 'case-study'],
  ['project', 'project'],
];

export function kindFromText(value: string): Kind | null {
  const key = compactKey(value);
  for (const [needle, kind] of KINDS) if (key.includes(needle)) return kind;
  return null;
}

const ORG_SUFFIX =
  /\b(?:council|authority|corporation|trust|ltd|limited|cic|plc|partnership|association|society|foundation|university|college|network|group|uk|nhs|co-?operative|federation|alliance)\.?$/i;

export function looksLikeOrganisation(text: string): boolean {
  return ORG_SUFFIX.test(text.trim());
}

/**
 * Splits "A, B and C" into names. Commas and "and" also occur inside official names
 * ("Armagh City, Banbridge and Craigavon …", "Telford and Wrekin"), so known names win.
 */
export function splitNameList(value: string, isKnown: (name: string) => boolean): string[] {
  const pieces = value
    .split(/\s*[;,]\s*/)
    .map((p) => p.replace(/^(?:and|&)\s+/i, '').replace(/\.$/, '').trim())
    .filter((p) => p.length > 0);
  const out: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = false;
    for (let j = Math.min(pieces.length, i + 4); j >= i + 2; j--) {
      const joined = pieces.slice(i, j).join(', ');
      if (isKnown(joined)) {
        out.push(joined);
        i = j;
        taken = true;
        break;
      }
    }
    if (taken) continue;
    const piece = pieces[i] ?? '';
    i++;
    const parts = piece.split(/\s+(?:and|&)\s+/i);
    const isLastOfList = i === pieces.length && pieces.length > 1;
    const split =
      parts.length > 1 &&
      !isKnown(piece) &&
      (parts.every((p) => isKnown(p) || looksLikeOrganisation(p)) || (isLastOfList && parts.every(startsWithUpper)));
    if (split) out.push(...parts);
    else out.push(piece);
  }
  return out;
}
