// What a closed project's case study starts from: a draft prefilled from the project, its bid and
// its final report, which the lead and the editors then finish through the normal review.
import type { CallKind, CaseStudyKind } from '../../../db/schema/enums.ts'
import type { CaseStudySnapshot, NamedRef } from '../../case-studies/snapshot.ts'

/** Labs and prototypes keep their kind in the library; anything else the network funded is a project. */
export function caseStudyKindFor(callKind: CallKind): CaseStudyKind {
  return callKind === 'policy-lab' || callKind === 'policy-prototype' ? callKind : 'project'
}

export interface ProjectForCaseStudy {
  title: string
  summary: string
  callKind: CallKind
  startsOn: string
  /** The day it closed in London, or its planned end when that is later than nothing else known. */
  endedOn: string
  theme: string | null
  lead: NamedRef | null
  /** Accepted members of the working group. */
  members: NamedRef[]
  /** Partners recorded as organisations. */
  partners: NamedRef[]
  /** Partners known only by name: named in the body, since the case study links organisations. */
  namedPartners?: string[]
  principles: NamedRef[]
  finalReport: { whatHappened: string; outcomes: string }
}

export function caseStudySnapshotFrom(project: ProjectForCaseStudy): CaseStudySnapshot {
  const yearStart = Number(project.startsOn.slice(0, 4))
  const yearEnd = Number(project.endedOn.slice(0, 4))
  return {
    language: 'en',
    title: project.title,
    summary: project.summary,
    body: withNamedPartners(project.finalReport.whatHappened, project.namedPartners ?? []),
    kind: caseStudyKindFor(project.callKind),
    yearStart,
    yearEnd: yearEnd > yearStart ? yearEnd : null,
    outcomes: project.finalReport.outcomes,
    principles: project.principles,
    lead: project.lead,
    participants: project.members.filter((m) => m.id !== project.lead?.id),
    partners: project.partners,
    funders: [],
    themes: project.theme ? [project.theme] : [],
    contact: null,
  }
}

/** The body with a closing line naming partners that are not organisations in coophub (the draft is in English, as bids are). */
function withNamedPartners(body: string, names: readonly string[]): string {
  if (names.length === 0) return body
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
  return `${body.trimEnd()}\n\nWorked with ${list}.`
}
