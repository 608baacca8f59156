// Benchmark for issue 19 (writes under load): the real `coophub serve` with 50 signed-in editors
// saving drafts through the edit form while 200 readers search, for 60 s, on the embedded database
// and on PostgreSQL. Reports errors (any 5xx or network error), lost writes (an acknowledged save
// not found afterwards, word for word, as its revision), conflicts (ten editors work in pairs on
// shared drafts and some of their saves are sent from a stale revision on purpose: each must be
// refused, never stored over the other's), p50/p95 of a save and of a search, and throughput. The
// reference is the search p95 of the same readers with no editor writing, measured first in the
// same run against the same server: the ratio is what writers cost readers.
//
//   npm run bench:writes [-- --quick] [--duration=60] [--editors=50] [--readers=200]
//                        [--reference=15] [--pause=1000] [--postgres=<url>] [--only=embedded|postgres]
//
// PostgreSQL runs when --postgres, TEST_DATABASE_URL or BENCH_DATABASE_URL gives a server: the
// benchmark creates a database of its own there and drops it. Loopback only; stops by itself.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { startCoophubProcess, type CoophubProcess } from '../test/coophub-process.ts'
import { createAccount, createDraft, currentRevision, FormClient, saveDraft, type DraftContent } from '../test/form-client.ts'
import { connectBeside, problemsInStoredDrafts, type AcknowledgedSave } from '../test/stored-drafts.ts'
import { count, ms, summarise, type Latency } from './lib/latency.ts'
import { repoRoot } from './lib/processes.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './lib/report.ts'

interface Settings {
  durationS: number
  referenceS: number
  editors: number
  readers: number
  /** Mean pause between one person's requests (each pause 0.5–1.5 times it): people read and type. */
  pauseMs: number
  quick: boolean
  postgres: string | null
  only: 'embedded' | 'postgres' | null
}

function readSettings(argv: string[]): Settings {
  const option = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const value = Number(option(name) ?? fallback)
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be between ${min} and ${max}`)
    return value
  }
  const quick = argv.includes('--quick')
  const only = option('only')
  if (only !== undefined && only !== 'embedded' && only !== 'postgres') throw new Error('--only is embedded or postgres')
  return {
    quick,
    durationS: number('duration', quick ? 10 : 60, 1, 600),
    referenceS: number('reference', quick ? 5 : 15, 1, 120),
    editors: number('editors', quick ? 20 : 50, 12, 500),
    readers: number('readers', quick ? 40 : 200, 1, 2000),
    pauseMs: number('pause', 1000, 0, 60_000),
    postgres: option('postgres') ?? process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL ?? null,
    only: only ?? null,
  }
}

const password = 'a long passphrase for the write benchmark'
/** Editors share accounts, several sessions each (a person signed in on several devices): creating an account is a process start. */
const sessionsPerAccount = 5
/** Editors working in pairs on one shared draft; the rest have a draft of their own. */
const contenders = 10

const pause = (mean: number) => (mean > 0 ? sleep(mean * (0.5 + Math.random())) : Promise.resolve())

function draft(label: string): DraftContent {
  const token = randomBytes(6).toString('hex')
  return {
    title: `Writes bench ${label}`,
    summary: `A draft saved by the write benchmark (${token}).`,
    body: `${label}: ${token}.\n\n${'A paragraph of a case study being written, long enough to look like one. '.repeat(30)}`,
    themes: [`bench-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`],
  }
}

class Tally {
  saves: number[] = []
  searches: number[] = []
  errors: string[] = []
  acknowledged: AcknowledgedSave[] = []
  refused: DraftContent[] = []
  conflicts = 0
  staleSent = 0
  staleRefused = 0
  staleStored: string[] = []
  unexpectedConflicts = 0

  error(what: string): void {
    if (this.errors.length < 20) this.errors.push(what)
    else this.errors.push('')
  }
}

async function timed<T>(into: number[], work: () => Promise<T>): Promise<T> {
  const began = performance.now()
  try {
    return await work()
  } finally {
    into.push(performance.now() - began)
  }
}

/** Searches one after another (with a person's pause) until `stop`; 5xx and network errors counted. */
async function reader(base: string, words: string[], settings: Settings, tally: Tally, into: number[], stop: () => boolean): Promise<void> {
  while (!stop()) {
    const q = words[Math.floor(Math.random() * words.length)]!
    try {
      const status = await timed(into, async () => {
        const response = await fetch(`${base}/case-studies?q=${encodeURIComponent(q)}`)
        await response.arrayBuffer()
        return response.status
      })
      if (status >= 500) tally.error(`search “${q}” answered ${status}`)
    } catch (error) {
      tally.error(`search “${q}”: ${(error as Error).message}`)
    }
    await pause(settings.pauseMs)
  }
}

/** An editor saving their own draft again and again, from the revision their last save made. */
async function ownEditor(person: FormClient, slug: string, label: string, settings: Settings, tally: Tally, stop: () => boolean): Promise<void> {
  let base = await currentRevision(person, slug)
  for (let n = 1; !stop(); n++) {
    const sent = draft(`${label} save ${n}`)
    try {
      const outcome = await timed(tally.saves, () => saveDraft(person, slug, base, sent))
      if (outcome.kind === 'saved') {
        tally.acknowledged.push({ slug, revision: base + 1, content: sent })
        base += 1
      } else if (outcome.kind === 'conflict') {
        tally.unexpectedConflicts++
        tally.refused.push(sent)
        base = outcome.theirRevision
      } else {
        tally.error(`save of ${slug} answered ${outcome.status}`)
        if (outcome.status >= 500) base = await currentRevision(person, slug)
      }
    } catch (error) {
      tally.error(`save of ${slug}: ${(error as Error).message}`)
      return
    }
    await pause(settings.pauseMs)
  }
}

/**
 * One of a pair on a shared draft: opens the form, pauses (the other may save meanwhile), saves.
 * Every third save is sent from the revision before the one the form showed: a stale version on
 * purpose, which must be refused with the conflict page.
 */
async function contender(person: FormClient, slug: string, label: string, settings: Settings, tally: Tally, stop: () => boolean): Promise<void> {
  for (let n = 1; !stop(); n++) {
    const sent = draft(`${label} save ${n}`)
    try {
      const shown = await currentRevision(person, slug)
      await pause(settings.pauseMs / 2)
      const stale = n % 3 === 0 && shown > 1
      const base = stale ? shown - 1 : shown
      if (stale) tally.staleSent++
      const outcome = await timed(tally.saves, () => saveDraft(person, slug, base, sent))
      if (outcome.kind === 'saved') {
        tally.acknowledged.push({ slug, revision: base + 1, content: sent })
        if (stale) tally.staleStored.push(`${slug}: a save from stale revision ${base} was stored`)
      } else if (outcome.kind === 'conflict') {
        tally.conflicts++
        if (stale) tally.staleRefused++
        tally.refused.push(sent)
      } else {
        tally.error(`save of ${slug} answered ${outcome.status}`)
      }
    } catch (error) {
      tally.error(`save of ${slug}: ${(error as Error).message}`)
      return
    }
    await pause(settings.pauseMs / 2)
  }
}

interface Result {
  database: string
  reference: Latency
  referenceRate: number
  search: Latency
  save: Latency
  searchRate: number
  saveRate: number
  tally: Tally
  problems: string[]
  lastIsAcknowledged: boolean
}

async function freshPostgres(adminUrl: string): Promise<{ url: string; version: string; drop(): Promise<void> }> {
  const name = `coophub_bench_writes_${process.pid}`
  const run = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  const version = await run(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${name}`)
    return (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown'
  })
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), version, drop: () => run(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) }
}

async function waitForHealth(server: CoophubProcess, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs
  for (;;) {
    const status = await fetch(`${server.baseUrl}/health`)
      .then((r) => r.status)
      .catch(() => 0)
    if (status === 200) return
    if (Date.now() > until) throw new Error(`coophub did not become healthy within ${withinMs / 1000} s:\n${server.output().slice(-4_000)}`)
    await sleep(250)
  }
}

async function runOn(database: string, env: Record<string, string>, settings: Settings): Promise<Result> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-writes-bench-'))
  const target = env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir }
  const server = await startCoophubProcess({ LOG_LEVEL: 'warn', ...env }, { dataDir })
  try {
    await waitForHealth(server, 180_000)
    console.log(`  ${database}: serving; creating accounts and drafts`)
    const client = await connectBeside(target)
    const titles = await client.query<{ title: string }>(`SELECT title FROM case_studies WHERE status = 'published'`)
    await client.end()
    const words = [...new Set(titles.rows.flatMap((r) => r.title.toLowerCase().match(/[a-z]{5,}/g) ?? []))].slice(0, 200)
    if (words.length === 0) throw new Error('no published case study to search for')

    const accounts = Math.ceil(settings.editors / sessionsPerAccount)
    for (let i = 0; i < accounts; i += 4) {
      await Promise.all(
        Array.from({ length: Math.min(4, accounts - i) }, (_, j) =>
          createAccount({ ...env, DATA_DIR: dataDir }, { email: `bench-editor${i + j}@example.org`, name: `Bench editor ${i + j}`, role: 'editor', password }),
        ),
      )
    }
    const editors = await Promise.all(
      Array.from({ length: settings.editors }, async (_, e) => {
        const person = new FormClient(server.baseUrl)
        await person.signIn(`bench-editor${e % accounts}@example.org`, password)
        return person
      }),
    )
    const own = settings.editors - contenders
    const slugs: string[] = []
    for (let e = 0; e < own + contenders / 2; e++) slugs.push(await createDraft(editors[e % settings.editors]!, draft(`draft ${e}`)))
    const contested = slugs.slice(own)

    const tally = new Tally()
    const reference: number[] = []
    let stopping = false
    const stop = () => stopping
    console.log(`  ${database}: ${settings.readers} readers searching for ${settings.referenceS} s, no writer (the reference)`)
    let began = performance.now()
    let readers = Array.from({ length: settings.readers }, () => reader(server.baseUrl, words, settings, tally, reference, stop))
    await sleep(settings.referenceS * 1000)
    stopping = true
    await Promise.all(readers)
    const referenceSeconds = (performance.now() - began) / 1000

    stopping = false
    console.log(`  ${database}: ${settings.editors} editors saving beside ${settings.readers} readers for ${settings.durationS} s`)
    began = performance.now()
    readers = Array.from({ length: settings.readers }, () => reader(server.baseUrl, words, settings, tally, tally.searches, stop))
    const writers = editors.map((person, e) =>
      e < own
        ? ownEditor(person, slugs[e]!, `editor ${e}`, settings, tally, stop)
        : contender(person, contested[(e - own) % contested.length]!, `contender ${e}`, settings, tally, stop),
    )
    await sleep(settings.durationS * 1000)
    stopping = true
    await Promise.all([...readers, ...writers])
    const seconds = (performance.now() - began) / 1000

    const checker = await connectBeside(target)
    let problems: string[]
    let lastIsAcknowledged = true
    try {
      problems = await problemsInStoredDrafts(checker, { slugs, acknowledged: tally.acknowledged, refused: tally.refused })
      // On the shared drafts, what is stored now is a save someone was told had succeeded.
      const latest = await checker.query<{ body: string }>(
        `SELECT r.snapshot->>'body' AS body FROM case_studies c JOIN case_study_revisions r ON r.case_study_id = c.id AND r.number = c.revision
          WHERE c.slug = ANY($1) AND c.revision > 1`,
        [contested],
      )
      const acknowledgedBodies = new Set(tally.acknowledged.map((a) => a.content.body))
      lastIsAcknowledged = latest.rows.every((r) => acknowledgedBodies.has(r.body))
    } finally {
      await checker.end()
    }
    return {
      database,
      reference: summarise(reference),
      referenceRate: reference.length / referenceSeconds,
      search: summarise(tally.searches),
      save: summarise(tally.saves),
      searchRate: tally.searches.length / seconds,
      saveRate: tally.saves.length / seconds,
      tally,
      problems,
      lastIsAcknowledged,
    }
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function rowsFor(r: Result, settings: Settings): Row[] {
  const t = r.tally
  const lat = (l: Latency) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)} (${count(l.count)})`
  const lost = r.problems.length
  return [
    {
      benchmark: `Save a draft (edit form POST), ${settings.editors} editors beside ${settings.readers} readers, ${settings.durationS} s`,
      database: r.database,
      measured: lat(r.save),
      reference: '—',
      result: `${r.saveRate.toFixed(1)} saves/s; ${count(t.acknowledged.length)} acknowledged`,
      target: '— (information)',
      pass: null,
    },
    {
      benchmark: `Search (/case-studies?q=), ${settings.readers} readers, with the editors saving`,
      database: r.database,
      measured: lat(r.search),
      reference: `no writer: ${lat(r.reference)}, ${r.referenceRate.toFixed(0)}/s`,
      result: `p95 ${(r.search.p95 / Math.max(r.reference.p95, 0.1)).toFixed(2)}× the reference; ${r.searchRate.toFixed(0)} searches/s`,
      target: '— (information)',
      pass: null,
    },
    {
      benchmark: 'Errors (any 5xx or network error, searches and saves)',
      database: r.database,
      measured: count(t.errors.length),
      reference: '—',
      result: t.errors.filter(Boolean).slice(0, 3).join('; ') || 'none',
      target: '0',
      pass: t.errors.length === 0,
    },
    {
      benchmark: 'Lost or half-written writes (acknowledged save not stored word for word as its revision; row, themes, audit out of step)',
      database: r.database,
      measured: count(lost),
      reference: `${count(t.acknowledged.length)} acknowledged saves checked`,
      result: r.problems.slice(0, 3).join('; ') || 'none',
      target: '0',
      pass: lost === 0,
    },
    {
      benchmark: `Conflicts on ${contenders / 2} drafts shared by pairs of editors; every third save sent from a stale revision on purpose`,
      database: r.database,
      measured: `${count(t.conflicts)} conflicts answered 409; stale saves refused ${t.staleRefused}/${t.staleSent}`,
      reference: `${count(t.unexpectedConflicts)} conflicts on the editors’ own drafts`,
      result: `${t.staleStored.length} stale saves stored; ${count(t.refused.length)} refused saves looked for, none may be stored (row above); shared drafts end on an acknowledged save: ${r.lastIsAcknowledged ? 'yes' : 'no'}`,
      target: 'every stale save refused; none stored',
      pass: t.staleRefused === t.staleSent && t.staleStored.length === 0 && r.lastIsAcknowledged && t.staleSent > 0,
    },
  ]
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2))
  const overall = Math.max(600_000, (settings.durationS + settings.referenceS) * 2_000 + 600_000)
  const watchdog = setTimeout(() => {
    console.error(`The write benchmark ran for over ${overall / 60_000} minutes: stopping.`)
    process.exit(1)
  }, overall)
  watchdog.unref()
  const loadBefore = os.loadavg()[0]!.toFixed(2)
  const began = performance.now()
  console.log(`coophub writes under load on ${machineDescription()}; load average ${loadBefore}`)
  const results: Result[] = []
  let pgVersion: string | null = null
  if (settings.only !== 'postgres') results.push(await runOn('PGlite', { DATABASE_URL: '' }, settings))
  if (settings.postgres && settings.only !== 'embedded') {
    const database = await freshPostgres(settings.postgres)
    pgVersion = database.version
    try {
      results.push(await runOn('PostgreSQL', { DATABASE_URL: database.url }, settings))
    } finally {
      await database.drop()
    }
  }
  const rows = results.flatMap((r) => rowsFor(r, settings))
  const minutes = ((performance.now() - began) / 60_000).toFixed(1)
  const table = markdownTable(rows)
  console.log(`\n${table}`)
  for (const r of results) for (const e of r.tally.errors.filter(Boolean)) console.log(`  ${r.database} error: ${e}`)
  for (const r of results) for (const p of r.problems) console.log(`  ${r.database} problem: ${p}`)
  if (!settings.quick) {
    const body = [
      `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min — ${machineDescription()}${pgVersion ? `; PostgreSQL ${pgVersion}` : ''}; load average ${loadBefore} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end.`,
      `The real \`coophub serve\` (demo content, \`LOG_LEVEL=warn\`) on a fresh data folder or database. ${settings.editors} signed-in editor sessions (${Math.ceil(settings.editors / sessionsPerAccount)} accounts, ${sessionsPerAccount} sessions each) save drafts through the case-study edit form, each pausing ${settings.pauseMs / 1000} s on average (0.5–1.5×) between saves: ${settings.editors - contenders} on a draft of their own, ${contenders} in pairs on ${contenders / 2} shared drafts (open the form, pause, save; every third save from the revision before the one shown). ${settings.readers} anonymous readers search \`/case-studies?q=<a word of a published title>\` with the same pauses. First the readers alone for ${settings.referenceS} s (the reference), then readers and editors together for ${settings.durationS} s. Afterwards every acknowledged save (303) is looked for in the database: its revision must hold exactly the title, summary, body and themes sent; revisions must run 1…the row's revision, the row and its themes must match the latest, and each saved revision must have its audit event; no save answered 409 may be stored. The machine is shared with other work (see the load average): compare the figures within a run (the ratio to the reference), not across runs. With 1 s pauses the editors ask for far more saves than people do (an editor saves every few minutes): the save figures are a stress test, what the server manages when saves queue.`,
      table,
      '**How to run.** `npm run bench:writes` (about 5 minutes; PostgreSQL too when `TEST_DATABASE_URL`, `BENCH_DATABASE_URL` or `--postgres=<url>` names a server). `-- --quick` is a 10 s check that writes nothing here; `--duration`, `--reference`, `--editors`, `--readers`, `--pause` (ms) and `--only=embedded|postgres` change the run.',
    ].join('\n\n')
    writeSection(path.join(repoRoot, 'docs/benchmarks.md'), '## Writes under load (issue 19)', body)
    console.log(`\nWritten to docs/benchmarks.md (${minutes} min).`)
  }
  if (rows.some((r) => r.pass === false)) process.exitCode = 1
}

await main()
