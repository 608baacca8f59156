// The web review of one reading: the draft as the case-study form's values, organisations not yet
// stored offered as "new" choices (negative ids until saved), and what the page needs to show
// again if the form comes back with an error, kept on the server (review-store.ts).

import { caseStudyStages } from '../../db/schema/enums.ts'
import type { CaseStudyStage } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
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
  /** Each organisation the document names and what it matched: a member, a local authority (its code), or nothing. */
  organisations: Array<{ name: string; match: OrganisationMatchShown; code: string | null }>
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

type OrganisationMatchShown = 'member' | 'authority' | 'none'

function matchOf(o: Reading['organisations'][number]): { match: OrganisationMatchShown; code: string | null } {
  if (o.match.kind === 'member') return { match: 'member', code: null }
  if (o.match.kind === 'authority') return { match: 'authority', code: o.match.code }
  return { match: 'none', code: null }
}

/** What an organisation matched, in the page's language. */
export function matchLabel(o: ReviewState['organisations'][number], t: Translate): string {
  if (o.match === 'member') return t('import.review.match.member')
  if (o.match === 'authority') return t('import.review.match.authority', { code: o.code ?? '' })
  return t('import.review.match.none')
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
      warnings: [...reading.warnings, ...plan.warnings].map((w) => ({ ...w, message: w.message.slice(0, 500) })),
      matches,
      organisations: reading.organisations.slice(0, 50).map((o) => ({ name: o.name.slice(0, 200), ...matchOf(o) })),
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
      .map((w) => ({
        field: w.field as WarningField,
        message: str(w.message, 500),
        ...(/^import\.warning\.\w+$/.test(str(w.key, 100)) ? { key: str(w.key, 100), values: valuesOf(w.values) } : {}),
      })),
    matches: Object.fromEntries(
      Object.entries(isObject(d.matches) ? d.matches : {})
        .slice(0, 50)
        .map(([k, v]) => [k.slice(0, 12), str(v, 300)]),
    ),
    organisations: list(d.organisations).map((o) => ({
      name: str(o.name, 200),
      match: o.match === 'member' || o.match === 'authority' ? o.match : 'none',
      code: typeof o.code === 'string' && /^[A-Z0-9]{2,6}$/.test(o.code) ? o.code : null,
    })),
    contentHash: /^[0-9a-f]{64}$/.test(str(d.contentHash, 64)) ? str(d.contentHash, 64) : '',
    sourceUrl: /^https?:\/\//.test(str(d.sourceUrl, 2000)) ? str(d.sourceUrl, 2000) : null,
    stage: readStage(d.stage),
  }
}

/** A stored warning's values: a few strings and numbers, bounded. */
function valuesOf(v: unknown): Record<string, string | number> {
  const entries = Object.entries(isObject(v) ? v : {}).slice(0, 10)
  const out: Record<string, string | number> = {}
  for (const [k, x] of entries) if (typeof x === 'string' || typeof x === 'number') out[k.slice(0, 40)] = typeof x === 'string' ? x.slice(0, 300) : x
  return out
}

/** A posted stage, or null for none or anything else. */
export function readStage(value: unknown): CaseStudyStage | null {
  return caseStudyStages.find((s) => s === value) ?? null
}

/** The stage select's items, the current one selected. */
export function stageItems(stage: CaseStudyStage | null, t: Translate): Array<{ value: string; text: string; selected: boolean }> {
  return [
    { value: '', text: t('import.review.stage.none'), selected: stage === null },
    ...caseStudyStages.map((s) => ({ value: s, text: t(`caseStudies.stage.${s}`), selected: s === stage })),
  ]
}

/** Warnings grouped by the form field they are shown next to, in the page's language (a review stored before warnings had keys: as stored). */
export function warningsByField(warnings: readonly ReadingWarning[], t: Translate): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const w of warnings) (out[WARNING_FIELDS[w.field]] ??= []).push(w.key ? t(w.key, w.values) : w.message)
  return out
}
