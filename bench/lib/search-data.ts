// The benchmark's data: synthetic case studies loaded by `coophub demo --synthetic N --seed S`
// (a larger N with the same seed adds to the rows already there), and what the database holds
// that the query mix needs (filter values) and checks (counts).
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client.ts'
import { slugify } from '../../src/lib/slug.ts'
import { spawnNode, stopChild } from './processes.ts'
import type { DatabaseUnderTest } from './targets.ts'

/** Runs the loader, echoing its output as progress; resolves with its wall time in ms. 0 loads the ordinary demo content. */
export async function loadCaseStudies(database: DatabaseUnderTest, size: number, seed: number, limitMs: number): Promise<number> {
  const args = size === 0 ? ['bin/coophub.js', 'demo'] : ['bin/coophub.js', 'demo', '--synthetic', String(size), '--seed', String(seed)]
  console.log(`  [${database.label}] node ${args.join(' ')}`)
  const began = performance.now()
  const child = spawnNode(args, database.env)
  // The loader prints a progress line every few seconds: echo one every 15 s at most, and every other line.
  let lastEcho = began
  const echo = (chunk: Buffer): void => {
    for (const line of chunk
      .toString()
      .split(/[\r\n]+/)
      .map((l) => l.trim())) {
      const isProgress = /^[\d,]+\/[\d,]+ /.test(line)
      if (!line || (isProgress && performance.now() - lastEcho < 15_000)) continue
      lastEcho = performance.now()
      console.log(`    | ${line}`)
    }
  }
  child.child.stdout?.on('data', echo)
  child.child.stderr?.on('data', echo)
  const timer = setTimeout(() => void stopChild(child, 5_000), limitMs)
  const heartbeat = setInterval(() => {
    if (performance.now() - lastEcho >= 20_000) console.log(`    … loading, ${((performance.now() - began) / 1000).toFixed(0)} s`)
  }, 15_000)
  const code = await child.exited
  clearTimeout(timer)
  clearInterval(heartbeat)
  if (code !== 0)
    throw new Error(`coophub demo exited with ${code ?? 'a signal'} after ${((performance.now() - began) / 1000).toFixed(0)} s: ${child.output().slice(-400)}`)
  return performance.now() - began
}

export interface Counts {
  published: number
  all: number
}

export async function countCaseStudies(db: Database): Promise<Counts> {
  const result = await db.execute<{ published: number; all: number }>(
    sql`SELECT (count(*) FILTER (WHERE status = 'published'))::int AS published, count(*)::int AS "all" FROM case_studies`,
  )
  return result.rows[0] ?? { published: 0, all: 0 }
}

/** Filter values that exist and lead to case studies, each list in a fixed order. */
export interface FilterValues {
  principles: string[]
  members: string[]
  themes: string[]
  nations: string[]
  years: number[]
}

const column = async <T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> => (await db.execute<{ v: T }>(query)).rows.map((r) => r.v)

export async function readFilterValues(db: Database): Promise<FilterValues> {
  const [principles, members, themes, nations, years] = await Promise.all([
    column<string>(db, sql`SELECT slug AS v FROM principles ORDER BY position, slug`),
    column<string>(
      db,
      sql`
      SELECT o.slug AS v FROM organisations o
      WHERE o.tier IN ('full', 'associate', 'affiliate')
        AND EXISTS (SELECT 1 FROM case_study_organisations l WHERE l.organisation_id = o.id AND l.role IN ('lead', 'participant'))
      ORDER BY o.slug`,
    ),
    column<string>(db, sql`SELECT t.slug AS v FROM themes t WHERE EXISTS (SELECT 1 FROM case_study_themes l WHERE l.theme_id = t.id) ORDER BY t.slug`),
    column<string>(db, sql`SELECT DISTINCT nation AS v FROM organisations WHERE nation IS NOT NULL AND tier <> 'none' ORDER BY 1`),
    column<number>(db, sql`SELECT DISTINCT year_start AS v FROM case_studies WHERE status = 'published' AND year_start IS NOT NULL ORDER BY 1`),
  ])
  return { principles, members, themes, nations: [...new Set(nations.map(slugify))], years }
}

/** The address of the first published case study (the page the nginx comparison serves). */
export async function firstCaseStudyPath(db: Database): Promise<string> {
  const slugs = await column<string>(db, sql`SELECT slug AS v FROM case_studies WHERE status = 'published' ORDER BY id LIMIT 1`)
  if (!slugs[0]) throw new Error('no published case study')
  return `/case-studies/${slugs[0]}`
}
