// Metadata lines ("Lead Member …", "Year 2019-2021", "Status Policy Labs", "Stage: Funded",
// "Posted on 3rd March, 2016"), as bullets or plain lines, with or without a colon. Without a
// colon a label is only believed when its value has the expected shape, because narrative also
// starts with "Year after year", "Type of support" or "Stage two".

import { stripEmphasis } from './document-lines.ts'
import { compactKey, startsWithUpper, wordCount } from './normalise-text.ts'
import type { Kind, Stage } from './types.ts'

export type MetadataKey = 'lead' | 'participants' | 'year' | 'kind' | 'stage' | 'posted'

export interface MetadataLine {
  key: MetadataKey
  /** Empty when the value sits on the next line (label-only line, as definition lists print). */
  value: string
}

const LABEL =
  /^(lead\s+(?:members?|organi[sz]ations?|councils?)|participating\s+(?:members?|organi[sz]ations?|councils?)|years?|status|type|stage)\b\s*([:\-–—])?\s*(.*)$/i

export function parseMetadataLine(content: string): MetadataLine | null {
  if (content.length > 400) return null
  const text = stripEmphasis(content)
  if (POSTED.test(text)) return postedYear(text) === null ? null : { key: 'posted', value: text.replace(/\.$/, '') }
  const m = LABEL.exec(text)
  if (!m) return null
  const label = (m[1] ?? '').toLowerCase()
  const colon = m[2] !== undefined
  const value = (m[3] ?? '')
    .replace(/^\*\*\s*/, '')
    .replace(/[.;]+$/, '')
    .trim()
  const key: MetadataKey = label.startsWith('lead')
    ? 'lead'
    : label.startsWith('participating')
      ? 'participants'
      : label.startsWith('year')
        ? 'year'
        : label === 'stage'
          ? 'stage'
          : 'kind'
  if (value.length === 0) return { key, value }
  if (colon) return { key, value }
  switch (key) {
    case 'year':
      return parseYear(value) ? { key, value } : null
    case 'kind':
      return kindFromText(value) || stageFromText(value) ? { key, value } : null
    case 'stage':
      return stageFromText(value) ? { key, value } : null
    default:
      // "Lead Member for Housing said…" is a councillor's role in a sentence, not a label.
      return startsWithUpper(value) && wordCount(value) <= 25 && !/^for\b/i.test(value) ? { key, value } : null
  }
}

const YEAR =
  /^(?:c\.\s*|circa\s+)?((?:19|20)\d{2})(?:\s*(?:-|–|—|\/|to|until|and)\s*((?:19|20)?\d{2}|present|now|ongoing|date))?(?:\s*(?:onwards|ongoing|\(ongoing\)))?$/i

export function parseYear(value: string): { start: number; end: number | null } | null {
  const m = YEAR.exec(value.trim().replace(/\.$/, ''))
  if (!m) return null
  const start = Number(m[1])
  const rawEnd = m[2]
  if (rawEnd === undefined) return /onwards|ongoing/i.test(value) ? { start, end: null } : { start, end: start }
  if (!/^\d+$/.test(rawEnd)) return { start, end: null }
  const end = rawEnd.length === 2 ? Math.floor(start / 100) * 100 + Number(rawEnd) : Number(rawEnd)
  return end >= start ? { start, end } : null
}

const KINDS: [string, Kind][] = [
  ['policyprototype', 'policy-prototype'],
  ['policylab', 'policy-lab'],
  ['actionlearning', 'action-learning-set'],
  ['casestud', 'case-study'],
  ['project', 'project'],
]

export function kindFromText(value: string): Kind | null {
  const key = compactKey(value)
  for (const [needle, kind] of KINDS) if (key.includes(needle)) return kind
  return null
}

const KIND_WORDS = /\b(?:policy\s+(?:labs?|prototypes?)|action[\s-]+learning(?:\s+sets?)?|case\s+stud(?:y|ies)|projects?)\b/gi
const STAGES: [RegExp, Stage][] = [
  [/^ideas?$/, 'idea'],
  [/^(?:bids?|bidding|bid submitted)$/, 'bid'],
  [/^(?:funded|funding (?:agreed|awarded))$/, 'funded'],
  [/^(?:in[\s-]progress|ongoing|under\s?way)$/, 'in-progress'],
  [/^(?:completed?|finished)$/, 'completed'],
]

/**
 * Where a piece of work stands ("Bid", "Funded", "In progress"…): the whole value, or what is
 * left of it once a kind is taken out ("Policy Labs – Funded", "Policy lab (bid stage)").
 */
export function stageFromText(value: string): Stage | null {
  const rest = value
    .replace(KIND_WORDS, ' ')
    .replace(/\bstage\b/gi, ' ')
    .replace(/[^\p{L}\s-]+/gu, ' ')
    .replace(/\s+-\s+|^\s*-|-\s*$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  if (!rest) return null
  for (const [pattern, stage] of STAGES) if (pattern.test(rest)) return stage
  return null
}

const POSTED = /^(?:posted|published)\b/i
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const POSTED_DATE = new RegExp(
  `^(?:posted|published)(?:\\s+on)?\\s*[:\\-–—]?\\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?` +
    `(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+|${MONTH}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?|\\d{1,2}[/.-]\\d{1,2}[/.-])` +
    `((?:19|20)\\d{2})\\b|((?:19|20)\\d{2})-\\d{2}-\\d{2}\\b)`,
  'i',
)

/** The year of a "Posted on 3rd March, 2016" line (what a saved page of the network's site shows), or null. */
export function postedYear(line: string): number | null {
  const m = POSTED_DATE.exec(line.trim())
  const year = m?.[1] ?? m?.[2]
  return year ? Number(year) : null
}

const ORG_SUFFIX =
  /\b(?:council|authority|corporation|trust|ltd|limited|cic|plc|partnership|association|society|foundation|university|college|network|group|uk|nhs|co-?operative|federation|alliance)\.?$/i

export function looksLikeOrganisation(text: string): boolean {
  return ORG_SUFFIX.test(text.trim())
}
