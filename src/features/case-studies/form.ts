import { caseStudyKinds, organisationKinds, type CaseStudyKind, type OrganisationKind } from '../../db/schema/enums.ts'
import { isLocale } from '../../i18n/locales.ts'
import { list, rows, text, type FieldError, type FormBody } from '../../web/forms.ts'
import type { CaseStudySnapshot, NamedRef } from './snapshot.ts'

// The case-study form: what a person typed (kept as typed, so nothing is lost on an error) and
// the rules that turn it into a version of the case study.

export interface CaseStudyFormValues {
  language: string
  /** The title or address of the case study this translates, as typed; '' for none. */
  translationOf: string
  title: string
  summary: string
  body: string
  kind: string
  yearStart: string
  yearEnd: string
  outcomes: string
  principleIds: string[]
  leadId: string
  participantIds: string[]
  partnerIds: string[]
  funderIds: string[]
  themes: string
  contactName: string
  contactJobTitle: string
  contactOrganisationId: string
  contactEmail: string
  contactPhone: string
  contactConsent: boolean
  /**
   * What was typed into each type-ahead picker, one per select in order (the script sends them),
   * so that a name typed but never matched to the list is reported instead of silently lost.
   */
  typed: Record<OrganisationPicker, string[]>
  /** An organisation that is not in the list yet, to add (unverified) with this save. */
  newOrganisation: { name: string; kind: string; role: string }
}

export type OrganisationPicker = 'lead' | 'participants' | 'partners' | 'funders' | 'contactOrganisation'
const pickers: OrganisationPicker[] = ['lead', 'participants', 'partners', 'funders', 'contactOrganisation']

/** The roles a new organisation can take in the case study (the form's words: editing.newOrganisation.role.*). */
export const newOrganisationRoles = ['participants', 'partners', 'funders'] as const
export type NewOrganisationRole = (typeof newOrganisationRoles)[number]

/** An organisation someone added on the form: created unverified, for an editor to confirm. */
export interface NewOrganisation {
  name: string
  kind: OrganisationKind
  role: NewOrganisationRole
}

export const limits = { title: 200, summary: 600, body: 100_000, outcomes: 20_000, theme: 60, themes: 10, organisations: 50 }

export function readCaseStudyForm(body: FormBody): CaseStudyFormValues {
  return {
    // The radios always send one; a form from before languages were chosen is English.
    language: text(body, 'language', 10) || 'en',
    translationOf: text(body, 'translationOf', 1000).trim(),
    title: text(body, 'title', 1000).trim(),
    summary: text(body, 'summary', 5000).trim(),
    body: text(body, 'body', 200_000),
    kind: text(body, 'kind', 50),
    yearStart: text(body, 'yearStart', 20).trim(),
    yearEnd: text(body, 'yearEnd', 20).trim(),
    outcomes: text(body, 'outcomes', 50_000),
    principleIds: list(body, 'principles', 50),
    leadId: text(body, 'lead', 20).trim(),
    participantIds: list(body, 'participants', 100),
    partnerIds: list(body, 'partners', 100),
    funderIds: list(body, 'funders', 100),
    themes: text(body, 'themes', 2000).trim(),
    contactName: text(body, 'contactName', 500).trim(),
    contactJobTitle: text(body, 'contactJobTitle', 500).trim(),
    contactOrganisationId: text(body, 'contactOrganisation', 20).trim(),
    contactEmail: text(body, 'contactEmail', 500).trim(),
    contactPhone: text(body, 'contactPhone', 100).trim(),
    contactConsent: text(body, 'contactConsent', 10) === 'yes',
    typed: Object.fromEntries(pickers.map((p) => [p, rows(body, `${p}-typed`, 100)])) as Record<OrganisationPicker, string[]>,
    newOrganisation: {
      name: text(body, 'newOrganisationName', 1000).trim().replace(/\s+/g, ' '),
      kind: text(body, 'newOrganisationKind', 50),
      role: text(body, 'newOrganisationRole', 50),
    },
  }
}

export function formValuesFromSnapshot(s: CaseStudySnapshot, translationOf = ''): CaseStudyFormValues {
  const ids = (refs: NamedRef[]) => refs.map((r) => String(r.id))
  return {
    language: s.language ?? 'en',
    translationOf,
    title: s.title,
    summary: s.summary,
    body: s.body,
    kind: s.kind,
    yearStart: s.yearStart === null ? '' : String(s.yearStart),
    yearEnd: s.yearEnd === null ? '' : String(s.yearEnd),
    outcomes: s.outcomes,
    principleIds: ids(s.principles),
    leadId: s.lead ? String(s.lead.id) : '',
    participantIds: ids(s.participants),
    partnerIds: ids(s.partners),
    funderIds: ids(s.funders),
    themes: s.themes.join(', '),
    contactName: s.contact?.name ?? '',
    contactJobTitle: s.contact?.jobTitle ?? '',
    contactOrganisationId: s.contact?.organisation ? String(s.contact.organisation.id) : '',
    contactEmail: s.contact?.email ?? '',
    contactPhone: s.contact?.phone ?? '',
    contactConsent: s.contact?.publishContact ?? false,
    typed: { lead: [], participants: [], partners: [], funders: [], contactOrganisation: [] },
    newOrganisation: { name: '', kind: '', role: '' },
  }
}

export interface FormChoices {
  principles: NamedRef[]
  /** `member: false` for an organisation outside the network (a partner, a funder, one an import would add). */
  organisations: Array<NamedRef & { member?: boolean }>
}

function parseYear(raw: string, field: 'yearStart' | 'yearEnd', lastYear: number, errors: FieldError[]): number | null {
  if (raw === '') return null
  if (!/^\d{4}$/.test(raw)) {
    errors.push({ field, message: `editing.error.${field}.format` })
    return null
  }
  const year = Number(raw)
  if (year < 1900 || year > lastYear) {
    errors.push({ field, message: `editing.error.${field}.range`, values: { last: lastYear } })
    return null
  }
  return year
}

function pick(ids: string[], choices: NamedRef[], field: string, message: string, errors: FieldError[]): NamedRef[] {
  const picked: NamedRef[] = []
  for (const id of ids) {
    const found = choices.find((c) => String(c.id) === id)
    if (!found) {
      if (!errors.some((e) => e.field === field)) errors.push({ field, message })
    } else if (!picked.some((p) => p.id === found.id)) {
      picked.push(found)
    }
  }
  return picked
}

/**
 * Turns what was typed into a version of the case study. A draft needs only a title; submitting
 * for review needs everything a reader relies on.
 */
export function validateCaseStudyForm(
  v: CaseStudyFormValues,
  choices: FormChoices,
  options: { forSubmission: boolean; now?: Date },
): { ok: true; snapshot: CaseStudySnapshot; newOrganisation: NewOrganisation | null } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const language = isLocale(v.language) ? v.language : undefined
  if (!language) errors.push({ field: 'language', message: 'editing.error.language.missing' })
  if (v.translationOf.length > 500) errors.push({ field: 'translationOf', message: 'editing.error.translationOf.tooLong', values: { max: 500 } })
  const lastYear = (options.now ?? new Date()).getUTCFullYear() + 5
  const required = options.forSubmission

  if (v.title === '') errors.push({ field: 'title', message: 'editing.error.title.missing' })
  else if (v.title.length > limits.title) errors.push({ field: 'title', message: 'editing.error.title.tooLong', values: { max: limits.title } })

  if (v.summary === '' && required) errors.push({ field: 'summary', message: 'editing.error.summary.missing' })
  else if (v.summary.length > limits.summary) errors.push({ field: 'summary', message: 'editing.error.summary.tooLong', values: { max: limits.summary } })

  const kind = caseStudyKinds.find((k) => k === v.kind) as CaseStudyKind | undefined
  if (!kind) errors.push({ field: 'kind', message: 'editing.error.kind.missing' })

  const yearStart = parseYear(v.yearStart, 'yearStart', lastYear, errors)
  const yearEnd = parseYear(v.yearEnd, 'yearEnd', lastYear, errors)
  if (v.yearStart === '' && required) errors.push({ field: 'yearStart', message: 'editing.error.yearStart.missing' })
  if (yearEnd !== null && yearStart === null && v.yearStart === '') errors.push({ field: 'yearStart', message: 'editing.error.yearStart.withLast' })
  if (yearStart !== null && yearEnd !== null && yearEnd < yearStart) errors.push({ field: 'yearEnd', message: 'editing.error.yearEnd.beforeStart' })

  const lead = pick(v.leadId ? [v.leadId] : [], choices.organisations, 'lead', 'editing.error.lead.notInList', errors)[0] ?? null
  // The network's work is led by its members; others take part as partners or funders.
  const outsider = lead && choices.organisations.find((o) => o.id === lead.id)?.member === false
  if (lead && outsider)
    errors.push({
      field: 'lead',
      message: 'editing.error.lead.notMember',
      values: { name: lead.name },
    })
  if (!lead && v.leadId === '' && required) errors.push({ field: 'lead', message: 'editing.error.lead.missing' })
  const participants = pick(v.participantIds, choices.organisations, 'participants', 'editing.error.participants.notInList', errors)
  const partners = pick(v.partnerIds, choices.organisations, 'partners', 'editing.error.partners.notInList', errors)
  const funders = pick(v.funderIds, choices.organisations, 'funders', 'editing.error.funders.notInList', errors)
  const newOrganisation = readNewOrganisation(v.newOrganisation, errors)
  // One already in the list is simply chosen; only a name the list lacks becomes a new organisation.
  const existing = newOrganisation && choices.organisations.find((o) => o.name.toLowerCase() === newOrganisation.name.toLowerCase())
  if (newOrganisation && existing) {
    const into = { participants, partners, funders }[newOrganisation.role]
    if (!into.some((r) => r.id === existing.id)) into.push({ id: existing.id, name: existing.name })
  }
  const contactOrganisationPicked = pick(
    v.contactOrganisationId ? [v.contactOrganisationId] : [],
    choices.organisations,
    'contactOrganisation',
    'editing.error.contactOrganisation.notInList',
    [],
  )
  reportUnmatched(v, { lead: lead ? [lead] : [], participants, partners, funders, contactOrganisation: contactOrganisationPicked }, errors)
  if (participants.length + partners.length + funders.length + (newOrganisation && !existing ? 1 : 0) > limits.organisations) {
    errors.push({ field: 'participants', message: 'editing.error.organisations.tooMany', values: { max: limits.organisations } })
  }

  const principles = pick(v.principleIds, choices.principles, 'principles', 'editing.error.principles.notInList', errors)
  if (principles.length === 0 && required && !errors.some((e) => e.field === 'principles')) {
    errors.push({ field: 'principles', message: 'editing.error.principles.missing' })
  }

  if (v.body.trim() === '' && required) errors.push({ field: 'body', message: 'editing.error.body.missing' })
  else if (v.body.length > limits.body) errors.push({ field: 'body', message: 'editing.error.body.tooLong', values: { max: limits.body } })
  if (v.outcomes.length > limits.outcomes) errors.push({ field: 'outcomes', message: 'editing.error.outcomes.tooLong', values: { max: limits.outcomes } })

  const themes = [
    ...new Set(
      v.themes
        .split(',')
        .map((t) => t.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ]
  if (themes.length > limits.themes) errors.push({ field: 'themes', message: 'editing.error.themes.tooMany', values: { max: limits.themes } })
  else if (themes.some((t) => t.length > limits.theme)) errors.push({ field: 'themes', message: 'editing.error.themes.tooLong', values: { max: limits.theme } })

  const anyContact = [v.contactName, v.contactJobTitle, v.contactEmail, v.contactPhone, v.contactOrganisationId].some((x) => x !== '')
  if (anyContact && v.contactName === '') errors.push({ field: 'contactName', message: 'editing.error.contactName.missing' })
  else if (v.contactName.length > 200) errors.push({ field: 'contactName', message: 'editing.error.contactName.tooLong', values: { max: 200 } })
  if (v.contactJobTitle.length > 200) errors.push({ field: 'contactJobTitle', message: 'editing.error.contactJobTitle.tooLong', values: { max: 200 } })
  const contactOrganisation =
    pick(
      v.contactOrganisationId ? [v.contactOrganisationId] : [],
      choices.organisations,
      'contactOrganisation',
      'editing.error.contactOrganisation.notInList',
      errors,
    )[0] ?? null
  if (v.contactEmail !== '' && (v.contactEmail.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.contactEmail))) {
    errors.push({ field: 'contactEmail', message: 'editing.error.contactEmail.format' })
  }
  if (v.contactPhone !== '' && !/^[0-9 +()-]{6,25}$/.test(v.contactPhone)) {
    errors.push({ field: 'contactPhone', message: 'editing.error.contactPhone.format' })
  }

  if (errors.length > 0 || !kind || !language) return { ok: false, errors }
  return {
    ok: true,
    newOrganisation: newOrganisation && !existing ? newOrganisation : null,
    snapshot: {
      language,
      title: v.title,
      summary: v.summary,
      body: v.body,
      kind,
      yearStart,
      yearEnd: yearEnd === yearStart ? null : yearEnd,
      outcomes: v.outcomes,
      principles,
      lead,
      participants: participants.filter((p) => p.id !== lead?.id),
      partners,
      funders,
      themes,
      contact: anyContact
        ? {
            name: v.contactName,
            jobTitle: v.contactJobTitle,
            organisation: contactOrganisation,
            email: v.contactEmail,
            phone: v.contactPhone,
            publishContact: v.contactConsent,
          }
        : null,
    },
  }
}

/** The organisation to add that is not in the list, or null when no name was given. */
function readNewOrganisation(typed: CaseStudyFormValues['newOrganisation'], errors: FieldError[]): NewOrganisation | null {
  if (typed.name === '') return null
  if (typed.name.length > 200) errors.push({ field: 'newOrganisationName', message: 'editing.error.newOrganisationName.tooLong', values: { max: 200 } })
  const kind = organisationKinds.find((k) => k === typed.kind)
  if (!kind) errors.push({ field: 'newOrganisationKind', message: 'editing.error.newOrganisationKind.missing', values: { name: typed.name } })
  const role = newOrganisationRoles.find((r) => r === typed.role)
  if (!role) errors.push({ field: 'newOrganisationRole', message: 'editing.error.newOrganisationRole.missing', values: { name: typed.name } })
  return kind && role && typed.name.length <= 200 ? { name: typed.name, kind, role } : null
}

/**
 * A name typed into a picker that matches nothing chosen would otherwise vanish on saving: each
 * one is an error naming it, so the person chooses from the list or adds it as a new organisation.
 */
function reportUnmatched(v: CaseStudyFormValues, chosen: Record<OrganisationPicker, NamedRef[]>, errors: FieldError[]): void {
  for (const picker of pickers) {
    const names = new Set(chosen[picker].map((r) => r.name.toLowerCase()))
    const lost = v.typed[picker].find((t) => t !== '' && !names.has(t.toLowerCase()) && t.toLowerCase() !== v.newOrganisation.name.toLowerCase())
    if (!lost || errors.some((e) => e.field === picker)) continue
    const message = picker === 'lead' ? 'editing.error.lead.unmatched' : 'editing.error.organisation.unmatched'
    errors.push({ field: picker, message, values: { name: lost } })
  }
}
