// The web review of one reading: the draft as the case-study form's values, organisations not yet
// stored offered as "new" choices (negative ids until saved), and what the page needs to show
// again if the form comes back with an error, kept on the server (review-store.ts).

import { caseStudyStages } from '../../db/schema/enums.ts'
import type { CaseStudyStage } from '../../db/schema/enums.ts'
import type { CaseStudyFormValues } from '../case-studies/form.ts'
import { formValuesFromSnapshot } from '../case-studies/form.ts'
import type { NamedRef } from '../case-studies/snapshot.ts'
import type { ImportSession, NewOrganisation } from './import-session.ts'
import { planDraft } from './plan-draft.ts'
import type { Reading, ReadingWarning, WarningField } from './types.ts'

export interface ProposedOrganisation {
  id: number
  name: string
  code: string | null
}

export interface ReviewState {
  proposed: ProposedOrganisation[]
  warnings: ReadingWarning[]
  /** Principle id → the text of the document that matched it. */
  matches: Record<string, string>
  organisations: Array<{ name: string; label: string }>
  contentHash: string
  sourceUrl: string | null
  /** The programme stage: as read from the document, then as the person chose it. */
  stage: CaseStudyStage | null
}

/** Where each kind of warning is shown: next to the field it concerns. */
export const WARNING_FIELDS: Record<WarningField, string> = {
  title: 'title',
  principles: 'principles',
  contact: 'contactName',
  leadMember: 'lead',
  year: 'yearStart',
  kind: 'kind',
  body: 'body',
  organisations: 'partners',
}

function matchLabel(o: Reading['organisations'][number]): string {
  if (o.match.kind === 'member') return 'member organisation'
  if (o.match.kind === 'authority') return `local authority ${o.match.code}`
  return 'matches nothing: will be added as unverified'
}

/** A reading as the review form: values, the new organisations it proposes, and its state. */
export function reviewOf(reading: Reading, session: ImportSession, sourceUrl: string | null): { values: CaseStudyFormValues; state: ReviewState } {
  const plan = planDraft(reading, session)
  const proposed = new Map<string, ProposedOrganisation & { create: NewOrganisation }>()
  plan.newOrganisations.forEach((o, i) => proposed.set(o.key, { id: -(i + 1), name: o.name, code: o.authorityCode, create: o }))
  const refOf = (t: (typeof plan.targets)['lead']): NamedRef | null => {
    if (!t) return null
    if ('ref' in t) return t.ref
    const p = proposed.get(t.create.key)!
    return { id: p.id, name: p.name }
  }
  const { lead, participants, partners, contact } = plan.targets
  const values = formValuesFromSnapshot({
    ...plan.snapshot,
    lead: refOf(lead),
    participants: participants.map((t) => refOf(t)!),
    partners: partners.map((t) => refOf(t)!),
    contact: plan.snapshot.contact ? { ...plan.snapshot.contact, organisation: refOf(contact) } : null,
  })
  const matches: Record<string, string> = {}
  for (const p of reading.principles) {
    const ref = session.principle(p.slug)
    if (ref) matches[String(ref.id)] = p.matchedText.slice(0, 300)
  }
  return {
    values,
    state: {
      proposed: [...proposed.values()].map(({ id, name, code }) => ({ id, name, code })),
      warnings: [...reading.warnings, ...plan.warnings].map((w) => ({ field: w.field, message: w.message.slice(0, 500) })),
      matches,
      organisations: reading.organisations.slice(0, 50).map((o) => ({ name: o.name.slice(0, 200), label: matchLabel(o) })),
      contentHash: reading.contentHash,
      sourceUrl,
      stage: plan.stage,
    },
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '')

/** A stored review state, every part checked and bounded, whatever shape an older version stored. */
export function readReviewState(raw: string): ReviewState {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    data = {}
  }
  const d = isObject(data) ? data : {}
  const list = (v: unknown) => (Array.isArray(v) ? v.slice(0, 50).filter(isObject) : [])
  const fields = Object.keys(WARNING_FIELDS)
  return {
    proposed: list(d.proposed)
      .map((p, i) => ({ id: -(i + 1), name: str(p.name, 200).trim(), code: typeof p.code === 'string' && /^[A-Z0-9]{2,6}$/.test(p.code) ? p.code : null }))
      .filter((p) => p.name !== ''),
    warnings: list(d.warnings)
      .filter((w) => fields.includes(String(w.field)))
      .map((w) => ({ field: w.field as WarningField, message: str(w.message, 500) })),
    matches: Object.fromEntries(
      Object.entries(isObject(d.matches) ? d.matches : {})
        .slice(0, 50)
        .map(([k, v]) => [k.slice(0, 12), str(v, 300)]),
    ),
    organisations: list(d.organisations).map((o) => ({ name: str(o.name, 200), label: str(o.label, 100) })),
    contentHash: /^[0-9a-f]{64}$/.test(str(d.contentHash, 64)) ? str(d.contentHash, 64) : '',
    sourceUrl: /^https?:\/\//.test(str(d.sourceUrl, 2000)) ? str(d.sourceUrl, 2000) : null,
    stage: readStage(d.stage),
  }
}

/** A posted stage, or null for none or anything else. */
export function readStage(value: unknown): CaseStudyStage | null {
  return caseStudyStages.find((s) => s === value) ?? null
}

const STAGE_LABELS: Record<CaseStudyStage, string> = { idea: 'Idea', bid: 'Bid', funded: 'Funded', 'in-progress': 'In progress', completed: 'Completed' }

/** The stage select's items, the current one selected. */
export function stageItems(stage: CaseStudyStage | null): Array<{ value: string; text: string; selected: boolean }> {
  return [
    { value: '', text: 'Not stated', selected: stage === null },
    ...caseStudyStages.map((s) => ({ value: s, text: STAGE_LABELS[s], selected: s === stage })),
  ]
}

/** Warnings grouped by the form field they are shown next to. */
export function warningsByField(warnings: readonly ReadingWarning[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const w of warnings) (out[WARNING_FIELDS[w.field]] ??= []).push(w.message)
  return out
}
