import type { MembershipTier, OrganisationKind } from '../../db/schema/enums.ts'

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

export function placeLabel(o: { region: string | null; nation: string | null }): string {
  if (o.region && o.nation && o.region !== o.nation) return `${o.region}, ${o.nation}`
  return o.region ?? o.nation ?? ''
}

/** Only http(s) addresses become links; anything else stored is shown as text. */
export function safeWebsite(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** What each role in a case study is called on an organisation's page. */
export const roleHeadings = {
  lead: 'Case studies it leads',
  participant: 'Case studies it takes part in',
  partner: 'Case studies it was a partner in',
  funder: 'Case studies it funded',
} as const
