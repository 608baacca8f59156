// The figures of the charts that the search engine's index does not hold: members by tier and
// nation, and money awarded by year and kind of call. Each is one grouping statement over small
// tables (organisations, bids), memoised by the caller until content changes.
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'

/** Members (organisations with a tier) by nation (null when not recorded) and tier. */
export async function membersByTierAndNation(db: Database): Promise<Array<{ nation: string | null; tier: string; members: number }>> {
  const result = await db.execute<{ nation: string | null; tier: string; members: number }>(sql`
    SELECT nullif(trim(nation), '') AS nation, tier, count(*)::int AS members
    FROM organisations WHERE tier <> 'none'
    GROUP BY 1, 2 ORDER BY 1, 2`)
  return result.rows.map((r) => ({ nation: r.nation, tier: r.tier, members: Number(r.members) }))
}

/** Money awarded (pence) per year a call closed and kind of call, calls that are not drafts. */
export async function awardedByYearAndKind(db: Database): Promise<Array<{ year: number; kind: string; pence: number }>> {
  const result = await db.execute<{ year: number; kind: string; pence: string }>(sql`
    SELECT extract(year FROM c.closes_on)::int AS year, c.kind, sum(d.awarded_pence)::text AS pence
    FROM bid_decisions d JOIN bids b ON b.id = d.bid_id JOIN calls c ON c.id = b.call_id
    WHERE d.awarded_pence IS NOT NULL AND c.status <> 'draft'
    GROUP BY 1, 2 ORDER BY 1, 2`)
  return result.rows.map((r) => ({ year: Number(r.year), kind: r.kind, pence: Number(r.pence) }))
}
