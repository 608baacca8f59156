// A reading → the draft case study it becomes: the editorial snapshot, with the organisations it
// needs created first. No I/O: the session answers lookups from memory.

import { caseStudyKinds, caseStudyStages } from '../../db/schema/enums.ts'
import type { CaseStudyStage } from '../../db/schema/enums.ts'
import type { CaseStudySnapshot, NamedRef } from '../case-studies/snapshot.ts'
import type { ImportSession, NewOrganisation, OrganisationTarget } from './import-session.ts'
import type { Reading, ReadingWarning } from './types.ts'
import { warning } from './warning.ts'

export const UNTITLED = 'Untitled case study'

// The same bounds as the case-study form and the table's checks.
const LIMITS = { title: 200, summary: 600, body: 100_000, name: 200 }
const YEARS = { first: 1900, last: 2200 }

export interface PlannedDraft {
  /** Organisation references hold id 0 until `finishSnapshot` fills in the created ones. */
  snapshot: CaseStudySnapshot
  targets: { lead: OrganisationTarget | null; participants: OrganisationTarget[]; partners: OrganisationTarget[]; contact: OrganisationTarget | null }
  newOrganisations: NewOrganisation[]
  /** Where the work stands in the programme: kept beside the snapshot, which has no place for it. */
  stage: CaseStudyStage | null
  /** What the plan changed from the reading, for the person to check (beside the reading's own warnings). */
  warnings: ReadingWarning[]
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

function year(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= YEARS.first && value <= YEARS.last ? value : null
}

/** The plain fields of the draft: title, summary, body, kind, years. */
export function draftFields(reading: Reading): Pick<CaseStudySnapshot, 'title' | 'summary' | 'body' | 'kind' | 'yearStart' | 'yearEnd'> {
  const yearStart = year(reading.yearStart)
  const end = yearStart === null ? null : year(reading.yearEnd)
  const kind = caseStudyKinds.find((k) => k === reading.kind) ?? 'case-study'
  return {
    title: clip(reading.title?.trim() || UNTITLED, LIMITS.title),
    summary: clip(reading.summary.trim(), LIMITS.summary),
    body: reading.bodyMarkdown.slice(0, LIMITS.body),
    kind,
    yearStart,
    yearEnd: end !== null && yearStart !== null && end > yearStart ? end : null,
  }
}

function targetKey(t: OrganisationTarget): string {
  return 'ref' in t ? `id:${t.ref.id}` : t.create.key
}

function placeholder(t: OrganisationTarget): NamedRef {
  return 'ref' in t ? { ...t.ref } : { id: 0, name: t.create.name }
}

/** The reading as a snapshot: lead, participants, and every other organisation named as a partner. */
export function planDraft(reading: Reading, session: ImportSession): PlannedDraft {
  const principles: NamedRef[] = []
  for (const p of reading.principles) {
    const ref = session.principle(p.slug)
    if (ref && !principles.some((x) => x.id === ref.id)) principles.push(ref)
  }
  const seen = new Set<string>()
  const pick = (role: string): OrganisationTarget[] =>
    reading.organisations
      .filter((o) => o.role === role)
      .map((o) => session.organisation(o.name, o.match))
      .filter((t) => {
        const key = targetKey(t)
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
  const named = pick('lead')[0] ?? null
  const participants = pick('participant')
  const partners = pick('mentioned')
  // Only a member of the network leads its work: a lead the document names that is not one (or
  // would be created now) takes part as a partner, and the person is asked to choose the lead.
  const warnings: ReadingWarning[] = []
  const leadIsMember = named !== null && 'ref' in named && session.isMember(named.ref.id)
  const lead = leadIsMember ? named : null
  if (named && !leadIsMember) {
    partners.unshift(named)
    const name = 'ref' in named ? named.ref.name : named.create.name
    warnings.push(warning('leadMember', 'import.warning.leadNotMember', { name }))
  }
  const c = reading.contact
  const contactName = c?.name?.trim() ? clip(c.name.trim(), LIMITS.name) : null
  const contactOrg = contactName && c?.organisation ? session.organisation(c.organisation) : null

  const newOrganisations = new Map<string, NewOrganisation>()
  for (const t of [lead, ...participants, ...partners, contactOrg]) if (t && 'create' in t) newOrganisations.set(t.create.key, t.create)

  const snapshot: CaseStudySnapshot = {
    ...draftFields(reading),
    // Imported drafts are stored as English (the column's default); an editor can change it.
    language: 'en',
    outcomes: '',
    principles,
    lead: lead ? placeholder(lead) : null,
    participants: participants.map(placeholder),
    partners: partners.map(placeholder),
    funders: [],
    themes: [],
    contact: contactName
      ? {
          name: contactName,
          jobTitle: clip(c?.jobTitle?.trim() ?? '', LIMITS.name),
          organisation: contactOrg ? placeholder(contactOrg) : null,
          email: c?.email ?? '',
          phone: c?.phone ?? '',
          publishContact: false,
        }
      : null,
  }
  const stage = caseStudyStages.find((s) => s === reading.stage) ?? null
  return { snapshot, targets: { lead, participants, partners, contact: contactOrg }, newOrganisations: [...newOrganisations.values()], stage, warnings }
}

/** The snapshot with the ids of the organisations created for it. */
export function finishSnapshot(plan: PlannedDraft, created: ReadonlyMap<string, NamedRef>): CaseStudySnapshot {
  const real = (t: OrganisationTarget): NamedRef => {
    if ('ref' in t) return t.ref
    const ref = created.get(t.create.key)
    if (!ref) throw new Error(`The organisation “${t.create.name}” was not created`)
    return ref
  }
  const { lead, participants, partners, contact } = plan.targets
  const s = plan.snapshot
  return {
    ...s,
    lead: lead ? real(lead) : null,
    participants: participants.map(real),
    partners: partners.map(real),
    contact: s.contact ? { ...s.contact, organisation: contact ? real(contact) : null } : null,
  }
}
