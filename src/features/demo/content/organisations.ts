import type { MembershipTier, OrganisationKind } from '../../../db/schema/enums.ts'

// Fictional organisations: demo content must not put words in the mouths of real councils.
export interface DemoOrganisation {
  slug: string
  name: string
  kind: OrganisationKind
  tier: MembershipTier
  councilType?: string
  nation?: string
  region?: string
  website?: string
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    slug: 'northbrook-city-council',
    name: 'Northbrook City Council',
    kind: 'council',
    tier: 'full',
    councilType: 'Metropolitan district',
    nation: 'England',
    region: 'North West',
    website: 'https://northbrook.example.org',
  },
  {
    slug: 'riverside-borough-council',
    name: 'Riverside Borough Council',
    kind: 'council',
    tier: 'full',
    councilType: 'London borough',
    nation: 'England',
    region: 'London',
    website: 'https://riverside.example.org',
  },
  {
    slug: 'eastmoor-district-council',
    name: 'Eastmoor District Council',
    kind: 'council',
    tier: 'full',
    councilType: 'Non-metropolitan district',
    nation: 'England',
    region: 'Yorkshire and The Humber',
  },
  {
    slug: 'glenharbour-council',
    name: 'Glenharbour Council',
    kind: 'council',
    tier: 'full',
    councilType: 'Scottish unitary authority',
    nation: 'Scotland',
    region: 'Scotland',
  },
  {
    slug: 'afonwen-county-borough-council',
    name: 'Afonwen County Borough Council',
    kind: 'council',
    tier: 'associate',
    councilType: 'Welsh unitary authority',
    nation: 'Wales',
    region: 'Wales',
  },
  {
    slug: 'greenvale-combined-authority',
    name: 'Greenvale Combined Authority',
    kind: 'combined-authority',
    tier: 'associate',
    councilType: 'Combined authority',
    nation: 'England',
    region: 'West Midlands',
  },
  {
    slug: 'kingsford-town-council',
    name: 'Kingsford Town Council',
    kind: 'town-or-parish-council',
    tier: 'affiliate',
    nation: 'England',
    region: 'South West',
  },
  { slug: 'co-operative-councillors-forum', name: 'Co-operative Councillors’ Forum', kind: 'councillor-group', tier: 'affiliate', nation: 'England' },
  {
    slug: 'community-energy-trust',
    name: 'Community Energy Trust',
    kind: 'organisation',
    tier: 'affiliate',
    nation: 'England',
    region: 'North West',
    website: 'https://energy-trust.example.org',
  },
  { slug: 'amira-shah', name: 'Dr Amira Shah', kind: 'individual', tier: 'supporter' },
  { slug: 'valley-credit-union', name: 'Valley Credit Union', kind: 'organisation', tier: 'none', nation: 'England', region: 'Yorkshire and The Humber' },
  { slug: 'civic-futures-foundation', name: 'Civic Futures Foundation', kind: 'organisation', tier: 'none', nation: 'England', region: 'London' },
]
