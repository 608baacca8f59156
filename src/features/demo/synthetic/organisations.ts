import type { MembershipTier, OrganisationKind } from '../../../db/schema/enums.ts'
import { slugify } from '../../../lib/slug.ts'
import { councilName, councilShape, partnerShape, placeName } from './places.ts'
import { Random } from './prng.ts'

export interface SyntheticOrganisation {
  slug: string
  name: string
  kind: OrganisationKind
  tier: MembershipTier
  councilType: string | null
  nation: string
  region: string
  website: string | null
  /** The town it is named after, for the case studies' text (not stored). */
  place: string
}

/** Random streams: each kind of item draws from its own, so adding one kind never shifts another. */
export const streams = { councils: 1, caseStudies: 2, activity: 3, partners: 4 } as const

const tiers: Array<[MembershipTier, number]> = [
  ['full', 50],
  ['associate', 32],
  ['affiliate', 18],
]

const partnerPatterns: Array<[pattern: string, weight: number]> = [
  ['{p} Community Energy', 3],
  ['{p} Housing Co-operative', 3],
  ['{p} Credit Union', 2],
  ['{p} Food Partnership', 3],
  ['{r} Co-operative Development Agency', 2],
  ['{p} Community Foundation', 3],
  ['{p} Youth Trust', 2],
  ['{p} Arts Collective', 2],
  ['{p} Tenants Federation', 2],
  ['University of {p}', 2],
  ['{p} College', 2],
  ['{p} Housing Association', 3],
  ['{p} Carers Centre', 2],
  ['{p} Community Transport', 2],
  ['{p} Wildlife Trust', 1],
  ['{p} Repair Network', 1],
  ['{p} Development Trust', 2],
  ['{p} Chamber of Commerce', 1],
  ['{p} Mutual Society', 1],
  ['{r} Social Enterprise Network', 1],
]

/**
 * A few hundred member councils (of every UK type, nation and region, mostly full members) and
 * some non-member partner organisations. Names are unique within a seed; slugs carry the seed
 * (`s7-…`) so they never meet real organisations or another seed's.
 */
export function syntheticOrganisations(seed: number, councils: number, partners: number): SyntheticOrganisation[] {
  const out: SyntheticOrganisation[] = []
  const names = new Set<string>()
  const places = new Set<string>()
  for (let i = 0; i < councils; i++) {
    const random = Random.for(seed, streams.councils, i)
    const shape = councilShape(random)
    let place = placeName(random, shape.nation)
    while (places.has(place)) place = placeName(random, shape.nation)
    places.add(place)
    const name = councilName(random, place, shape.councilType)
    names.add(name)
    out.push({
      slug: `s${seed}-${slugify(name)}`,
      name,
      kind: 'council',
      tier: tiers[random.weighted(tiers.map(([, w]) => w))]![0],
      councilType: shape.councilType,
      nation: shape.nation,
      region: shape.region,
      website: random.chance(0.8) ? `https://${slugify(place)}.example.org` : null,
      place,
    })
  }
  for (let i = 0; i < partners; i++) {
    const random = Random.for(seed, streams.partners, i)
    for (;;) {
      // Half are based in a member council's town, the rest somewhere of their own.
      const home = out.length > 0 && random.chance(0.5) ? random.pick(out.slice(0, councils)) : null
      const where = home ? { nation: home.nation, region: home.region } : partnerShape(random)
      const place = home?.place ?? placeName(random, where.nation as Parameters<typeof placeName>[1])
      const pattern = partnerPatterns[random.weighted(partnerPatterns.map(([, w]) => w))]![0]
      const name = pattern.replace('{p}', place).replace('{r}', where.region)
      if (names.has(name)) continue
      names.add(name)
      out.push({
        slug: `s${seed}-${slugify(name)}`,
        name,
        kind: 'organisation',
        tier: 'none',
        councilType: null,
        nation: where.nation,
        region: where.region,
        website: random.chance(0.6) ? `https://${slugify(name)}.example.org` : null,
        place,
      })
      break
    }
  }
  return out
}
