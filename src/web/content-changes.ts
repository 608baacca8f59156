import { sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'

/** What changed publicly since the last read (migration 0007 logs it). */
export interface ContentChanges {
  /** Case studies whose public version changed (published, edited, unpublished, archived, deleted, linked names renamed). */
  caseStudyIds: readonly number[]
  /** Tables changed other than case studies': 'organisations', 'principles', 'themes', 'people', 'memberships', 'membership_events' (migration 0014). */
  subjects: ReadonlySet<string>
  /** Everything must be read again: a truncate, `coophub search rebuild`, or changes this instance may have missed. */
  everything: boolean
}

/** Something kept in memory that follows content changes itself rather than being dropped (the search engine). */
export interface FollowsContent {
  followChanges(changes: ContentChanges): Promise<void>
  close?(): void
}

export function followsContent(value: unknown): value is FollowsContent {
  return typeof value === 'object' && value !== null && typeof (value as FollowsContent).followChanges === 'function'
}

/** Rows of content_changes older than this are pruned; an instance that has not read for half as long reads everything again. */
const keepChanges = 10 * 60_000

interface ChangeRow {
  xid: string
  case_study_id: number | null
  subject: string
}

/**
 * Reads content_changes from where this instance left off, with content_version: when it has not
 * moved, nothing public changed. Every row written by a transaction that had not ended when the
 * previous read's snapshot was taken (xid ≥ its xmin) is read again, so a transaction that
 * commits late is never skipped; rows already read are left out by their transaction ids (a
 * transaction's rows all become visible at once).
 */
export class ContentChangeFeed {
  private version: string | null = null
  /** The xmin of the snapshot of the last read of the log (as text: xid8 is 64 bits). */
  private horizon = '0'
  /** Transactions at or past the horizon whose rows have been read. */
  private seen = new Set<string>()
  private lastRead = 0

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** What changed since the previous call; null when nothing did (and on the first call, which only marks where to start). */
  async read(): Promise<ContentChanges | null> {
    const first = this.version === null
    // One statement, so one snapshot: the version, the xmin and the rows agree.
    const result = await this.db.execute<{ version: string; xmin: string; rows: ChangeRow[] | null }>(sql`
      SELECT version::text AS version, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
        CASE WHEN ${first}::boolean THEN (
          SELECT json_agg(json_build_object('xid', xid::text, 'case_study_id', NULL, 'subject', '')) FROM content_changes
          WHERE xid >= pg_snapshot_xmin(pg_current_snapshot())) ELSE (
          SELECT json_agg(json_build_object('xid', xid::text, 'case_study_id', case_study_id, 'subject', subject)) FROM content_changes
          WHERE xid >= ${this.horizon}::xid8 AND NOT (xid::text = ANY(${`{${[...this.seen].join(',')}}`}::text[]))) END AS rows
      FROM content_version WHERE id = 1`)
    const { version, xmin, rows } = result.rows[0] ?? { version: '0', xmin: '0', rows: null }
    const missed = !first && this.now() - this.lastRead > keepChanges / 2
    this.lastRead = this.now()
    const moved = !first && version !== this.version
    this.version = version
    if (first) {
      this.horizon = xmin
      // What the first read's snapshot sees is where this instance starts: rows written by
      // transactions at or past the horizon (kept open elsewhere on the server, by another
      // database's work even) are known already, not changes to read next time.
      this.seen = new Set((rows ?? []).map((r) => r.xid))
    }
    if (!moved) return missed ? { caseStudyIds: [], subjects: new Set(), everything: true } : null
    const read = rows ?? []
    // Transactions below the new horizon have ended: none of their rows can still appear.
    const low = BigInt(xmin)
    this.seen = new Set([...this.seen, ...read.map((r) => r.xid)].filter((x) => BigInt(x) >= low))
    this.horizon = xmin
    const ids = new Set<number>()
    const subjects = new Set<string>()
    for (const r of read) {
      if (r.case_study_id !== null) ids.add(r.case_study_id)
      else subjects.add(r.subject)
    }
    const everything = missed || subjects.has('everything')
    if (!everything && ids.size === 0 && subjects.size === 0) return null
    return { caseStudyIds: [...ids], subjects, everything }
  }

  /** Deletes log rows every instance has read (at most once per keepChanges; never waits). */
  async prune(): Promise<number> {
    const result = await this.db.execute<{ pruned: number }>(sql`SELECT coophub_prune_content_changes(${`${keepChanges / 1000} seconds`}::interval) AS pruned`)
    return result.rows[0]?.pruned ?? 0
  }
}
