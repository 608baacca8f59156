import { membershipTiers, organisationKinds, type MembershipTier, type OrganisationKind } from '../../db/schema/enums.ts'
import { slugProblem } from '../../lib/unique-slug.ts'
import type { FieldError } from '../../web/forms.ts'

// Pure rules for an organisation's fields, shared by the create and update commands.

export const nations = ['England', 'Northern Ireland', 'Scotland', 'Wales'] as const
export const gssCodePattern = /^[A-Z][0-9]{8}$/

/** The form as typed: every value a string (checkboxes as booleans). */
export interface OrganisationInput {
  name: string
  slug: string
  kind: string
  tier: string
  councilType: string
  nation: string
  region: string
  gssCode: string
  website: string
  verified: boolean
}

export interface OrganisationValues {
  name: string
  /** The slug typed, or null when left blank (the command makes one from the name). */
  slug: string | null
  kind: OrganisationKind
  tier: MembershipTier
  councilType: string | null
  nation: string | null
  region: string | null
  gssCode: string | null
  website: string | null
  verified: boolean
}

/** A web address we will link to: http or https, with a host. */
export function isWebsite(text: string): boolean {
  if (text.length > 500 || /\s/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim())

export function validateOrganisation(
  input: OrganisationInput,
  options: { keepNation?: string | null } = {},
): { ok: true; value: OrganisationValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = input.name.trim()
  if (name === '') errors.push({ field: 'name', message: 'adminOrganisations.errors.nameRequired' })
  else if (name.length > 200) errors.push({ field: 'name', message: 'adminOrganisations.errors.nameTooLong' })

  const slug = input.slug.trim()
  const slugError = slugProblem(slug)
  if (slugError) errors.push({ field: 'slug', ...slugError })

  const kind = organisationKinds.find((k) => k === input.kind)
  if (!kind) errors.push({ field: 'kind', message: 'adminOrganisations.errors.kindRequired' })
  const tier = membershipTiers.find((t) => t === input.tier)
  if (!tier) errors.push({ field: 'tier', message: 'adminOrganisations.errors.tierRequired' })

  const councilType = optional(input.councilType)
  if (councilType && councilType.length > 100) errors.push({ field: 'councilType', message: 'adminOrganisations.errors.councilTypeTooLong' })

  // A nation stored before this list existed stays valid for that organisation.
  const nation = optional(input.nation)
  const nationAllowed = nation === null || (nations as readonly string[]).includes(nation) || nation === options.keepNation
  if (!nationAllowed) errors.push({ field: 'nation', message: 'adminOrganisations.errors.nationUnknown' })

  const region = optional(input.region)
  if (region && region.length > 100) errors.push({ field: 'region', message: 'adminOrganisations.errors.regionTooLong' })

  const gssCode = optional(input.gssCode)?.toUpperCase() ?? null
  if (gssCode && !gssCodePattern.test(gssCode)) {
    errors.push({ field: 'gssCode', message: 'adminOrganisations.errors.gssCodeFormat' })
  }

  const website = optional(input.website)
  if (website && !isWebsite(website)) {
    errors.push({ field: 'website', message: 'adminOrganisations.errors.websiteFormat' })
  }

  if (errors.length > 0 || !kind || !tier) return { ok: false, errors }
  return {
    ok: true,
    value: { name, slug: slug === '' ? null : slug, kind, tier, councilType, nation, region, gssCode, website, verified: input.verified },
  }
}
