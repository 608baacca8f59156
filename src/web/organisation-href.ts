import type { MembershipTier } from '../db/schema/enums.ts'

/**
 * Where an organisation's page is: members under /members, every other organisation (a partner,
 * a funder) under /organisations, so that nobody outside the network is listed as a member. Pages
 * of several features link to organisations: the address is made here, once.
 */
export function organisationHref(o: { slug: string; tier: MembershipTier }): string {
  return o.tier === 'none' ? `/organisations/${o.slug}` : `/members/${o.slug}`
}
