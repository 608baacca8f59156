import type { MembershipTier, OrganisationKind, PaidTier } from '../../../db/schema/enums.ts'

// Fictional organisations: demo content must not put words in the mouths of real councils.
export interface DemoOrganisation {
  slug: string
  name: string
  kind: OrganisationKind
  tier: MembershipTier
  councilType?: string
  nation?: string
  region?: string
  /** A real district's GSS code the fictional council stands in for on the hex map of councils (insights). */
  gssCode?: string
  website?: string
  /** A member's first day as a member ('YYYY-MM-DD'): the demo varies them so the directory shows a spread. */
  memberSince?: string
  /** The person the network writes to about the membership; never shown publicly. */
  membershipContact?: { name: string; jobTitle: string; email: string }
  /** An organisation that was a member and let its membership lapse in the last subscription year. */
  formerMembership?: { tier: PaidTier; memberSince: string }
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    slug: 'northbrook-city-council',
    gssCode: 'E08000003',
    name: 'Northbrook City Council',
    kind: 'council',
    tier: 'full',
    councilType: 'Metropolitan district',
    nation: 'England',
    region: 'North West',
    website: 'https://northbrook.example.org',
    memberSince: '2012-10-01',
    membershipContact: { name: 'Priya Raman', jobTitle: 'Policy and partnerships officer', email: 'membership@northbrook.example.org' },
  },
  {
    slug: 'riverside-borough-council',
    gssCode: 'E09000022',
    name: 'Riverside Borough Council',
    kind: 'council',
    tier: 'full',
    councilType: 'London borough',
    nation: 'England',
    region: 'London',
    website: 'https://riverside.example.org',
    memberSince: '2014-04-15',
  },
  {
    slug: 'eastmoor-district-council',
    gssCode: 'E08000035',
    name: 'Eastmoor District Council',
    kind: 'council',
    tier: 'full',
    councilType: 'Non-metropolitan district',
    nation: 'England',
    region: 'Yorkshire and The Humber',
    memberSince: '2019-09-01',
  },
  {
    slug: 'glenharbour-council',
    gssCode: 'S12000046',
    name: 'Glenharbour Council',
    kind: 'council',
    tier: 'full',
    councilType: 'Scottish unitary authority',
    nation: 'Scotland',
    region: 'Scotland',
    memberSince: '2021-01-11',
  },
  {
    slug: 'afonwen-county-borough-council',
    gssCode: 'W06000015',
    name: 'Afonwen County Borough Council',
    kind: 'council',
    tier: 'associate',
    councilType: 'Welsh unitary authority',
    nation: 'Wales',
    region: 'Wales',
    memberSince: '2016-06-20',
    membershipContact: { name: 'Rhys Morgan', jobTitle: 'Community development manager', email: 'aelodaeth@afonwen.example.org' },
  },
  {
    slug: 'greenvale-combined-authority',
    name: 'Greenvale Combined Authority',
    kind: 'combined-authority',
    tier: 'associate',
    councilType: 'Combined authority',
    nation: 'England',
    region: 'West Midlands',
    memberSince: '2023-02-01',
  },
  {
    slug: 'kingsford-town-council',
    name: 'Kingsford Town Council',
    kind: 'town-or-parish-council',
    tier: 'affiliate',
    nation: 'England',
    region: 'South West',
    memberSince: '2018-11-05',
  },
  {
    slug: 'co-operative-councillors-forum',
    name: 'Co-operative Councillors’ Forum',
    kind: 'councillor-group',
    tier: 'affiliate',
    nation: 'England',
    memberSince: '2013-03-01',
  },
  {
    slug: 'community-energy-trust',
    name: 'Community Energy Trust',
    kind: 'organisation',
    tier: 'affiliate',
    nation: 'England',
    region: 'North West',
    website: 'https://energy-trust.example.org',
    memberSince: '2020-07-14',
    membershipContact: { name: 'Tom Oduya', jobTitle: 'Operations lead', email: 'hello@energy-trust.example.org' },
  },
  { slug: 'amira-shah', name: 'Dr Amira Shah', kind: 'individual', tier: 'supporter', memberSince: '2024-05-02' },
  { slug: 'valley-credit-union', name: 'Valley Credit Union', kind: 'organisation', tier: 'none', nation: 'England', region: 'Yorkshire and The Humber' },
  { slug: 'civic-futures-foundation', name: 'Civic Futures Foundation', kind: 'organisation', tier: 'none', nation: 'England', region: 'London' },
  {
    slug: 'hollinsford-parish-council',
    name: 'Hollinsford Parish Council',
    kind: 'town-or-parish-council',
    tier: 'none',
    nation: 'England',
    region: 'East Midlands',
    formerMembership: { tier: 'associate', memberSince: '2015-09-01' },
  },
]
