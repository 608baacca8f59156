// How pages show an organisation: its address and the words for its kind and membership. Pages of
// several features show organisations: these are made here, once. The words are in the catalogue
// (locales/<language>/organisations.json).
import type { MembershipTier, OrganisationKind } from '../db/schema/enums.ts'
import { membershipTiers, organisationKinds } from '../db/schema/enums.ts'
import { translator, type Translate } from '../i18n/catalogue.ts'

/**
 * Where an organisation's page is: members under /members, every other organisation (a partner,
 * a funder) under /organisations, so that nobody outside the network is listed as a member.
 */
export function organisationHref(o: { slug: string; tier: MembershipTier }): string {
  return o.tier === 'none' ? `/organisations/${o.slug}` : `/members/${o.slug}`
}

/** "Council" / "Cyngor". */
export const organisationKindLabel = (t: Translate, kind: OrganisationKind): string => t(`organisations.kind.${kind}`)

/** "Full member" / "Aelod llawn". */
export const tierLabel = (t: Translate, tier: MembershipTier): string => t(`organisations.tier.${tier}`)

const english = translator('en')

/** The English words, for pages not yet in both languages. */
export const organisationKindLabels = Object.fromEntries(organisationKinds.map((k) => [k, organisationKindLabel(english, k)])) as Record<
  OrganisationKind,
  string
>

export const tierLabels = Object.fromEntries(membershipTiers.map((k) => [k, tierLabel(english, k)])) as Record<MembershipTier, string>
