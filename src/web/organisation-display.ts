// How pages show an organisation: its address and the words for its kind and membership. Pages of
// several features show organisations: these are made here, once.
import type { MembershipTier, OrganisationKind } from '../db/schema/enums.ts'

/**
 * Where an organisation's page is: members under /members, every other organisation (a partner,
 * a funder) under /organisations, so that nobody outside the network is listed as a member.
 */
export function organisationHref(o: { slug: string; tier: MembershipTier }): string {
  return o.tier === 'none' ? `/organisations/${o.slug}` : `/members/${o.slug}`
}

export const organisationKindLabels: Record<OrganisationKind, string> = {
  council: 'Council',
  'combined-authority': 'Combined authority',
  'town-or-parish-council': 'Town or parish council',
  'councillor-group': 'Group of councillors',
  organisation: 'Organisation',
  individual: 'Individual',
}

export const tierLabels: Record<MembershipTier, string> = {
  full: 'Full member',
  associate: 'Associate member',
  affiliate: 'Affiliate member',
  supporter: 'Supporter',
  none: 'Not a member',
}
