// What a request to join must hold, by tier: pure checks of the public form, with each message a
// catalogue key (locales/<language>/membership.json), so the form answers in the page's language.
import type { OrganisationKind, PaidTier } from '../../db/schema/enums.ts'
import { paidTiers } from '../../db/schema/enums.ts'
import { invalid, ok, type FieldError, type Result } from '../../lib/result.ts'

/** The kinds of organisation each tier admits, as the form offers them. */
export const kindsByTier = {
  full: ['council'],
  associate: ['town-or-parish-council', 'councillor-group', 'devolved-government'],
  affiliate: ['charity', 'company', 'professional-body'],
  supporter: ['individual', 'organisation'],
} as const satisfies Record<PaidTier, readonly string[]>

export type ApplicantKind = (typeof kindsByTier)[PaidTier][number]

/** How each applicant kind is kept among the network's organisations. */
export const organisationKindOf: Record<ApplicantKind, OrganisationKind> = {
  council: 'council',
  'town-or-parish-council': 'town-or-parish-council',
  'councillor-group': 'councillor-group',
  'devolved-government': 'organisation',
  charity: 'organisation',
  company: 'organisation',
  'professional-body': 'organisation',
  individual: 'individual',
  organisation: 'organisation',
}

/** The form as posted: every value a string, as read by web/forms.ts. */
export interface ApplicationForm {
  tier: string
  kind: string
  council: string
  organisationName: string
  sitsOn: string
  contactName: string
  contactJobTitle: string
  contactEmail: string
  contactPhone: string
  consent: boolean
  sponsorName: string
  sponsorJobTitle: string
  sponsorEmail: string
  decisionMakerName: string
  decisionMakerRole: string
}

export interface ApplicationInput {
  tier: PaidTier
  kind: ApplicantKind
  /** Register code: the council itself (Full), or the council a councillors' group sits on. */
  authorityCode: string | null
  sitsOnAuthorityCode: string | null
  /** Empty for a council: its name comes from the register. */
  organisationName: string
  contact: { name: string; jobTitle: string; email: string; phone: string }
  /** Full members only: the officer who sponsors the membership and who decides it. */
  sponsor: { name: string; jobTitle: string; email: string } | null
  decisionMaker: { name: string; role: string } | null
}

// Deliberately loose, as GOV.UK advises: something@something.something, no spaces.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const isTier = (v: string): v is PaidTier => (paidTiers as readonly string[]).includes(v)

/**
 * Checks the form. `isCouncil(code)` says whether a code is in the register (the caller looks it
 * up); every problem is reported at once, each against its field.
 */
export function checkApplication(form: ApplicationForm, isCouncil: (code: string) => boolean): Result<ApplicationInput> {
  const errors: FieldError[] = []
  const need = (field: string, value: string, key: string, max = 200) => {
    if (value.trim() === '') errors.push({ field, message: `join.errors.${key}Required` })
    else if (value.length > max) errors.push({ field, message: 'join.errors.tooLong', values: { max } })
  }
  if (!isTier(form.tier)) {
    errors.push({ field: 'tier', message: 'join.errors.tierRequired' })
    return invalid(errors)
  }
  const tier = form.tier
  const kinds: readonly string[] = kindsByTier[tier]
  const kind = tier === 'full' ? 'council' : form.kind
  if (!kinds.includes(kind)) errors.push({ field: `kind-${tier}`, message: 'join.errors.kindRequired' })

  let authorityCode: string | null = null
  let sitsOn: string | null = null
  if (tier === 'full') {
    if (form.council === '') errors.push({ field: 'council', message: 'join.errors.councilRequired' })
    else if (!isCouncil(form.council)) errors.push({ field: 'council', message: 'join.errors.councilUnknown' })
    else authorityCode = form.council
  } else {
    need('organisationName', form.organisationName, kind === 'individual' ? 'yourName' : 'organisationName')
    if (kind === 'councillor-group') {
      if (form.sitsOn === '') errors.push({ field: 'sitsOn', message: 'join.errors.sitsOnRequired' })
      else if (!isCouncil(form.sitsOn)) errors.push({ field: 'sitsOn', message: 'join.errors.councilUnknown' })
      else sitsOn = form.sitsOn
    }
  }

  need('contactName', form.contactName, 'contactName')
  if (form.contactJobTitle.length > 200) errors.push({ field: 'contactJobTitle', message: 'join.errors.tooLong', values: { max: 200 } })
  checkEmail('contactEmail', form.contactEmail, errors)
  if (form.contactPhone.length > 40) errors.push({ field: 'contactPhone', message: 'join.errors.tooLong', values: { max: 40 } })
  if (!form.consent) errors.push({ field: 'consent', message: 'join.errors.consentRequired' })

  if (tier === 'full') {
    need('sponsorName', form.sponsorName, 'sponsorName')
    need('sponsorJobTitle', form.sponsorJobTitle, 'sponsorJobTitle')
    checkEmail('sponsorEmail', form.sponsorEmail, errors)
    need('decisionMakerName', form.decisionMakerName, 'decisionMakerName')
    need('decisionMakerRole', form.decisionMakerRole, 'decisionMakerRole')
  }
  if (errors.length > 0) return invalid(errors)
  return ok({
    tier,
    kind: kind as ApplicantKind,
    authorityCode,
    sitsOnAuthorityCode: sitsOn,
    organisationName: tier === 'full' ? '' : form.organisationName.trim(),
    contact: { name: form.contactName.trim(), jobTitle: form.contactJobTitle.trim(), email: form.contactEmail.trim(), phone: form.contactPhone.trim() },
    sponsor: tier === 'full' ? { name: form.sponsorName.trim(), jobTitle: form.sponsorJobTitle.trim(), email: form.sponsorEmail.trim() } : null,
    decisionMaker: tier === 'full' ? { name: form.decisionMakerName.trim(), role: form.decisionMakerRole.trim() } : null,
  })
}

function checkEmail(field: string, value: string, errors: FieldError[]): void {
  const v = value.trim()
  if (v === '') errors.push({ field, message: 'join.errors.emailRequired' })
  else if (v.length > 254 || !emailPattern.test(v)) errors.push({ field, message: 'join.errors.emailInvalid' })
}

/**
 * What makes two applications the same organisation's: the council's register code, a
 * councillors' group's council and name, or another organisation's name ignoring case, spaces and
 * punctuation. One open application per key.
 */
export function organisationKey(input: Pick<ApplicationInput, 'tier' | 'kind' | 'authorityCode' | 'sitsOnAuthorityCode' | 'organisationName'>): string {
  const name = input.organisationName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  if (input.authorityCode) return `council:${input.authorityCode}`
  if (input.kind === 'councillor-group') return `group:${input.sitsOnAuthorityCode}:${name}`
  return `name:${name}`
}
