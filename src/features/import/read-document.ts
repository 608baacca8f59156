// readDocument: a case study's text → a structured reading with warnings. Pure: no I/O.
//
// What pages look like (the network's own case-study pages, saved or pasted):
//
//   Principles met            ← the block starts here; it may come first or after the narrative
//   -                         ← layout 1: "-" / short name / statement, repeated
//   Innovation
//   We will embrace …
//
//   Innovation                ← layout 2: short name / statement without "-" lines;
//   We will embrace …            sometimes a name is missing and a statement stands alone
//
//     • We will embrace …     ← layout 3: "•" bullets holding statements only
//
// Quirks every layout may carry:
// - One published statement ends with a copy of another's tail ("… staff and users. in designing
//   and commissioning …"). It is one principle; the tail never counts as the other one.
// - "Walking the talk" ends with "operational by:" and has "•" sub-points, one per line or run
//   together in one bullet ("•Membership-based: …" with no space). Sub-points join that entry;
//   "Co-production of the Network's work" is one of them, not the Co-production principle.
// - The block ends where the narrative starts: a line that matches no principle and is neither a
//   "-", a bullet of the block nor a statement-like line; a heading; a metadata or contact line.
//
// Around the block: metadata lines ("Lead Member …", "Participating Members A, B", "Year 2019-2021",
// "Status Policy Labs", "Type Policy Labs" then "Bid", "Posted on 3rd March, 2016"), the narrative (with headings such as "About the project"), a contact
// block ("For more information contact:" + name, job title, organisation) and page furniture
// (cookie banners, "Share this", "Latest posts", sometimes glued to the last line of text).

import { buildBodyBlocks, summarise, toMarkdown } from './body.ts'
import { contactHeaderRest, readContactBlock } from './contact.ts'
import { contentHash } from './content-hash.ts'
import { toDocLines } from './document-lines.ts'
import type { DocLine } from './document-lines.ts'
import { findBarePlaceNames, findCouncilNames } from './find-councils.ts'
import type { Mention } from './find-councils.ts'
import { isFurniture, looksLikePostTitle, startsPostList } from './furniture.ts'
import { kindFromText, parseMetadataLine, parseYear, postedYear, stageFromText } from './metadata.ts'
import type { MetadataLine } from './metadata.ts'
import { splitNameList } from './name-list.ts'
import { clip, tidySpaces, wordCount } from './normalise-text.ts'
import { resolveOrganisations } from './organisations.ts'
import { principlesHeaderRest, readPrinciplesBlock } from './principles-block.ts'
import type { ReadingContext } from './reading-context.ts'
import { warning } from './warning.ts'
import { findDocumentTitle, proposeTitle } from './title.ts'
import type { Contact, PrincipleMatch, Reading, ReadingHints, ReadingWarning, Stage } from './types.ts'

// A case study names a handful of councils; a bound keeps pathological input fast.
const MAX_MENTIONS = 1000

interface Meta extends MetadataLine {
  pos: number
}

export function readDocument(text: string, ctx: ReadingContext, hints: ReadingHints = {}): Reading {
  const lines = toDocLines(text)
  const warnings: ReadingWarning[] = []
  const excluded = new Set<number>()
  const metaCache = new Map<number, MetadataLine | null>()
  const metaOf = (line: DocLine): MetadataLine | null => {
    if (line.blank || line.dash || line.heading > 0) return null
    let m = metaCache.get(line.index)
    if (m === undefined) {
      m = parseMetadataLine(line.content)
      metaCache.set(line.index, m)
    }
    return m
  }
  const isPrinciplesHeader = (l: DocLine): boolean => !l.blank && principlesHeaderRest(l.content) !== null
  const isContactHeader = (l: DocLine): boolean => !l.blank && contactHeaderRest(l.content) !== null
  const isStructural = (l: DocLine): boolean => isPrinciplesHeader(l) || isContactHeader(l) || metaOf(l) !== null
  const isKnown = (name: string): boolean => ctx.organisations.lookup(name) !== null

  const docTitle = findDocumentTitle(lines, isStructural)
  if (docTitle) excluded.add(docTitle.line)
  let title = hints.title?.trim() ? tidySpaces(hints.title) : (docTitle?.title ?? null)
  const statedTitle = title

  let principles: PrincipleMatch[] = []
  let principlesFound = false
  let contact: Contact | null = null
  let contactFound = false
  let contactPos = 0
  const metas: Meta[] = []
  // A bare "Bid" or "Funded" counts as the stage only among the metadata lines.
  let afterMeta = false

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line || line.blank || excluded.has(i)) continue
    if (isFurniture(line.text)) {
      excluded.add(i)
      if (startsPostList(line.text)) {
        for (let j = i + 1; j < lines.length; j++) {
          const next = lines[j]
          if (!next || next.blank || !looksLikePostTitle(next.content) || isStructural(next)) break
          excluded.add(j)
        }
      }
      continue
    }
    if (isPrinciplesHeader(line)) {
      afterMeta = false
      const block = readPrinciplesBlock(lines, i, ctx.principles, isStructural)
      for (const c of block.consumed) excluded.add(c)
      if (!principlesFound) {
        principlesFound = true
        principles = block.matches
        for (const w of block.warnings) warnings.push(warning('principles', w.key, w.values))
        if (block.matches.length === 0 && block.warnings.length === 0) {
          warnings.push(warning('principles', 'import.warning.principlesEmpty'))
        }
      } else if (block.consumed.length > 1) {
        warnings.push(warning('principles', 'import.warning.principlesTwice', { line: i + 1 }))
      }
      continue
    }
    if (isContactHeader(line)) {
      afterMeta = false
      const block = readContactBlock(lines, i, isStructural, isKnown)
      for (const c of block.consumed) excluded.add(c)
      if (!contactFound) {
        contactFound = true
        contact = block.contact
        contactPos = (block.consumed[block.consumed.length - 1] ?? i) * 1e6
        if (!contact) warnings.push(warning('contact', 'import.warning.contactNoName', { heading: clip(line.content, 60) }))
      } else {
        warnings.push(warning('contact', 'import.warning.contactTwice', { line: i + 1 }))
      }
      continue
    }
    const meta = metaOf(line)
    if (meta) {
      excluded.add(i)
      let value = meta.value
      if (!value) {
        const next = nextNonBlank(lines, i + 1)
        if (next && !isStructural(next) && next.heading === 0 && wordCount(next.content) <= 20) {
          value = next.content
          excluded.add(next.index)
        }
      }
      if (value) metas.push({ key: meta.key, value, pos: i * 1e6 })
      afterMeta = true
    } else if (afterMeta && line.heading === 0 && wordCount(line.content) <= 4 && stageFromText(line.content)) {
      excluded.add(i)
      metas.push({ key: 'stage', value: line.content, pos: i * 1e6 })
    } else {
      afterMeta = false
    }
  }

  if (!principlesFound) warnings.push(warning('principles', 'import.warning.principlesMissing'))
  if (!contactFound) warnings.push(warning('contact', 'import.warning.contactMissing'))

  const blocks = buildBodyBlocks(lines, excluded)
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph')
  const narrative = blocks.map((b) => b.text).join('\n')
  let titleProposed = false
  if (!title) {
    title = proposeTitle(paragraphs.map((p) => p.text))
    titleProposed = title !== null
    warnings.push(title ? warning('title', 'import.warning.titleProposed', { title }) : warning('title', 'import.warning.titleMissing'))
  }
  const bodyMarkdown = toMarkdown(blocks)
  if (!bodyMarkdown) warnings.push(warning('body', 'import.warning.bodyEmpty'))

  const { yearStart, yearEnd } = readYear(metas, narrative, statedTitle, warnings)
  const { kind, kindText, stage } = readKindAndStage(metas, warnings)

  const leadMeta = metas.find((m) => m.key === 'lead')
  const participants: { name: string; pos: number }[] = []
  for (const m of metas.filter((x) => x.key === 'participants')) {
    const list = splitNameList(m.value, isKnown)
    for (const name of list.names) participants.push({ name, pos: m.pos })
    for (const d of list.doubts) warnings.push(doubtWarning(d.written, d.parts))
  }

  const mentions: Mention[] = []
  for (const b of blocks) {
    if (mentions.length >= MAX_MENTIONS) {
      warnings.push(warning('organisations', 'import.warning.tooManyCouncils', { max: MAX_MENTIONS }))
      break
    }
    mentions.push(...findCouncilNames(b.text, b.line, ctx.organisations))
  }
  const opening = paragraphs[0]
  if (opening) mentions.push(...findBarePlaceNames(opening.text, opening.line, ctx.organisations))
  mentions.sort((a, b) => a.pos - b.pos)

  const orgs = resolveOrganisations(
    {
      lead: leadMeta ? { name: leadMeta.value, pos: leadMeta.pos } : null,
      participants,
      contactOrganisation: contact?.organisation ? { name: contact.organisation, pos: contactPos } : null,
      mentions,
      narrative,
    },
    ctx.organisations,
  )
  warnings.push(...orgs.warnings)

  return {
    title,
    titleProposed,
    summary: summarise(blocks),
    bodyMarkdown,
    kind,
    kindText,
    stage,
    yearStart,
    yearEnd,
    principles,
    leadMember: orgs.leadMember,
    participatingMembers: participants.map((p) => p.name),
    contact,
    councils: orgs.councils,
    authorities: orgs.authorities,
    organisations: orgs.organisations,
    warnings,
    contentHash: contentHash(text),
  }
}

/** The question the review screen asks about a name with an "and" that nothing known settles. */
function doubtWarning(written: string, parts: readonly string[]): ReadingWarning {
  const text = clip(written, 100)
  if (parts.length === 1) return warning('organisations', 'import.warning.readAsOne', { text })
  if (parts.length === 2) return warning('organisations', 'import.warning.readAsTwo', { text, first: clip(parts[0]!, 60), second: clip(parts[1]!, 60) })
  // More than two is rare: the parts as a plain list, each quoted.
  const list = parts.map((p) => `"${clip(p, 60)}"`).join(', ')
  return warning('organisations', 'import.warning.readAsMany', { text, count: parts.length, parts: list })
}

function nextNonBlank(lines: readonly DocLine[], from: number): DocLine | undefined {
  for (let j = from; j < lines.length; j++) if (!lines[j]?.blank) return lines[j]
  return undefined
}

// A year in a title ("Policy Labs 2021", "Food Lab 2019/20"), but not a target ("Net zero by 2030").
const TITLE_YEAR = /(?<!\b(?:by|until|to|vision|beyond)\s)\b(?:19|20)\d{2}(?:\s*(?:-|–|—|\/)\s*(?:19|20)?\d{2})?\b/i

function readYear(
  metas: readonly Meta[],
  narrative: string,
  statedTitle: string | null,
  warnings: ReadingWarning[],
): { yearStart: number | null; yearEnd: number | null } {
  const line = metas.find((m) => m.key === 'year')
  if (!line) {
    // Pages saved from the network's site give the year in the title or the date they were posted.
    const inTitle = statedTitle ? TITLE_YEAR.exec(statedTitle)?.[0] : undefined
    const fromTitle = inTitle ? parseYear(inTitle) : null
    if (fromTitle && inTitle) {
      warnings.push(warning('year', 'import.warning.yearFromTitle', { year: inTitle, title: clip(statedTitle ?? '', 60) }))
      return { yearStart: fromTitle.start, yearEnd: fromTitle.end }
    }
    const posted = metas.find((m) => m.key === 'posted')
    const year = posted ? postedYear(posted.value) : null
    if (posted && year) {
      warnings.push(warning('year', 'import.warning.yearFromPosted', { year, posted: clip(posted.value, 60) }))
      return { yearStart: year, yearEnd: year }
    }
    const seen = /\b(?:19|20)\d{2}\b/.exec(narrative)?.[0]
    warnings.push(seen ? warning('year', 'import.warning.yearMissingMentioned', { year: seen }) : warning('year', 'import.warning.yearMissing'))
    return { yearStart: null, yearEnd: null }
  }
  const year = parseYear(line.value)
  if (!year) {
    warnings.push(warning('year', 'import.warning.yearInvalid', { value: clip(line.value, 40) }))
    return { yearStart: null, yearEnd: null }
  }
  return { yearStart: year.start, yearEnd: year.end }
}

/**
 * The kind from a "Status" or "Type" line naming one; the stage from a "Stage" line, a "Status"
 * line naming one ("Status: Funded"), or a bare "Bid" among the metadata. A stage never stands
 * in for the kind.
 */
function readKindAndStage(metas: readonly Meta[], warnings: ReadingWarning[]): Pick<Reading, 'kind' | 'kindText' | 'stage'> {
  const kindLines = metas.filter((m) => m.key === 'kind')
  const stageLines = metas.filter((m) => m.key === 'stage' || m.key === 'kind')
  let stage: Stage | null = null
  for (const m of stageLines) {
    stage = stageFromText(m.value)
    if (stage) break
  }
  const unknownStage = metas.find((m) => m.key === 'stage' && !stageFromText(m.value))
  if (!stage && unknownStage) {
    warnings.push(warning('kind', 'import.warning.stageUnknown', { value: clip(unknownStage.value, 40) }))
  }
  const named = kindLines.find((m) => kindFromText(m.value) !== null)
  if (named) return { kind: kindFromText(named.value), kindText: named.value, stage }
  const unknown = kindLines.find((m) => stageFromText(m.value) === null)
  if (unknown) {
    warnings.push(warning('kind', 'import.warning.kindUnknown', { value: clip(unknown.value, 40) }))
    return { kind: null, kindText: unknown.value, stage }
  }
  // The draft is a case study until someone chooses (plan-draft.ts): say so, not that it is empty.
  warnings.push(stage ? warning('kind', 'import.warning.kindMissingStage', { stage: stage.replace('-', '') }) : warning('kind', 'import.warning.kindMissing'))
  return { kind: null, kindText: null, stage }
}
