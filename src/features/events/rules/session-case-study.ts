// What a past session's case study starts from: a draft prefilled from the session, which the lead
// organisation and the editors then finish through the normal review (as a project's is).
import type { CaseStudyKind } from '../../../db/schema/enums.ts'
import type { EventKind } from '../../../db/schema/events.ts'
import type { CaseStudySnapshot, NamedRef } from '../../case-studies/snapshot.ts'

/** Labs and action learning sets keep their kind in the library; any other session is a case study. */
export function caseStudyKindForEvent(kind: EventKind): CaseStudyKind {
  if (kind === 'policy-lab-workshop') return 'policy-lab'
  if (kind === 'action-learning-set') return 'action-learning-set'
  return 'case-study'
}

export interface SessionForCaseStudy {
  title: string
  description: string
  eventTitle: string
  eventKind: EventKind
  /** The session's day in London, YYYY-MM-DD. */
  day: string
  principles: NamedRef[]
  /** The speakers' organisations coophub knows, in the agenda's order: the first leads. */
  organisations: NamedRef[]
}

export function sessionCaseStudySnapshot(session: SessionForCaseStudy): CaseStudySnapshot {
  const [lead, ...rest] = uniqueById(session.organisations)
  const description = session.description.trim()
  const firstParagraph = description.split(/\r?\n\s*\r?\n/)[0]?.trim() ?? ''
  return {
    language: 'en',
    title: session.title,
    summary: firstParagraph,
    // The draft is in English, as the agenda is; the closing line says where it came from.
    body: `${description ? `${description}\n\n` : ''}A session of ${session.eventTitle} on ${session.day}.`,
    kind: caseStudyKindForEvent(session.eventKind),
    yearStart: Number(session.day.slice(0, 4)),
    yearEnd: null,
    outcomes: '',
    principles: session.principles,
    lead: lead ?? null,
    participants: rest,
    partners: [],
    funders: [],
    themes: [],
    contact: null,
  }
}

function uniqueById(refs: readonly NamedRef[]): NamedRef[] {
  const seen = new Set<number>()
  return refs.filter((r) => !seen.has(r.id) && seen.add(r.id))
}
