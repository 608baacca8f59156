// A crash in the middle of many saves loses nothing that was acknowledged: the real `coophub serve`
// takes 200 concurrent draft saves through the edit form, is killed with SIGKILL while they are in
// flight, and is started again on the same data folder (or PostgreSQL database). Every save answered
// 303 must be stored whole as the revision it made, no case study may be half-written (a revision
// without its row, themes or audit event), and no save refused as a conflict may be stored.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { lockDirOf } from './db/lock-owner.ts'
import { startCoophubProcess, type CoophubProcess } from '../test/coophub-process.ts'
import { createEmptyPostgresDatabase } from '../test/databases.ts'
import { createAccount, createDraft, currentRevision, FormClient, saveDraft, type DraftContent } from '../test/form-client.ts'
import { connectBeside, problemsInStoredDrafts, type AcknowledgedSave } from '../test/stored-drafts.ts'

const caseStudies = 50
const editsAtOnce = 200
const password = 'a long passphrase for crashing'

interface Database {
  env: Record<string, string>
  target: (dataDir: string) => { url: string } | { dataDir: string }
  drop(): Promise<void>
}

const kinds: { name: string; database: () => Promise<Database> }[] = [
  { name: 'embedded', database: async () => ({ env: {}, target: (dataDir) => ({ dataDir }), drop: async () => undefined }) },
]
if (process.env.TEST_DATABASE_URL) {
  kinds.push({
    name: 'PostgreSQL',
    database: async () => {
      const database = await createEmptyPostgresDatabase()
      return { env: { DATABASE_URL: database.url }, target: () => ({ url: database.url }), drop: () => database.drop() }
    },
  })
}

function content(study: number, worker: number, n: number): DraftContent {
  const token = randomBytes(6).toString('hex')
  return {
    title: `Crash test ${study}, edit ${worker}.${n}`,
    summary: `Saved by worker ${worker} as its edit ${n} (${token}).`,
    body: `Paragraph one of edit ${worker}.${n}.\n\nParagraph two, unique to this save: ${token}. ${'Words to make the revision a realistic size. '.repeat(20)}`,
    themes: [`crash-w${worker}`, `crash-n${n}`],
  }
}

/** Runs `work` on each item, at most `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await work(items[i]!, i)
      }
    }),
  )
  return results
}

for (const kind of kinds) {
  describe(`SIGKILL in the middle of ${editsAtOnce} concurrent edits (${kind.name})`, { timeout: 170_000 }, () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-crash-'))
    const started: CoophubProcess[] = []
    let database: Database | null = null
    after(async () => {
      for (const server of started) await server.stop()
      await database?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    })

    it('keeps every acknowledged save whole, none half-written, and the data folder opens again at once', async (t) => {
      database = await kind.database()
      const env = { ...database.env }
      const first = await startCoophubProcess(env, { dataDir })
      started.push(first)
      await first.waitFor(/coophub is serving/, 90_000)

      // Three editors and two officers (each for a member organisation of the demo content).
      const client = await connectBeside(database.target(dataDir))
      const members = await client.query<{ slug: string }>(`SELECT slug FROM organisations WHERE tier <> 'none' ORDER BY id LIMIT 2`)
      await client.end()
      const accounts = [
        ...[1, 2, 3].map((n) => ({ email: `editor${n}@example.org`, name: `Editor ${n}`, role: 'editor' as const })),
        ...members.rows.map((m, n) => ({ email: `officer${n + 1}@example.org`, name: `Officer ${n + 1}`, role: 'officer' as const, organisation: m.slug })),
      ]
      assert.equal(accounts.length, 5, 'the demo content has member organisations for the officers')
      await Promise.all(accounts.map((a) => createAccount({ ...env, DATA_DIR: dataDir }, { ...a, password })))
      const people = await Promise.all(
        accounts.map(async (a) => {
          const person = new FormClient(first.baseUrl)
          await person.signIn(a.email, password)
          return { person, role: a.role }
        }),
      )
      const editors = people.filter((p) => p.role === 'editor').map((p) => p.person)
      const officers = people.filter((p) => p.role === 'officer').map((p) => p.person)

      // Ten drafts each officer's (their organisation's), thirty the editors'.
      const owners = Array.from({ length: caseStudies }, (_, k) => (k < 20 ? officers[k % 2]! : editors[k % 3]!))
      const slugs = await inParallel(owners, 8, (owner, k) => createDraft(owner, content(k, 0, 0)))
      const bases = await inParallel(slugs, 8, (slug, k) => currentRevision(owners[k]!, slug))

      // Four people on each draft at once: most saves of a round conflict, one goes through.
      const acknowledged: AcknowledgedSave[] = []
      const refused: DraftContent[] = []
      const unexpected: string[] = []
      let unanswered = 0
      let turnedAway = 0
      let killedAt = 0
      const firing = Date.now()
      // The kill lands once 60 saves are acknowledged (well into the second round of saves, while
      // others commit), or after 20 s when the machine is too busy to get there (once at least one
      // was), and at 90 s whatever happened.
      const killer = setInterval(() => {
        const elapsed = Date.now() - firing
        if (killedAt === 0 && (acknowledged.length >= 60 || (acknowledged.length > 0 && elapsed > 20_000) || elapsed > 90_000)) {
          killedAt = Date.now()
          first.kill('SIGKILL')
        }
      }, 20)
      await Promise.all(
        Array.from({ length: editsAtOnce }, async (_, worker) => {
          const study = worker % caseStudies
          const person = study < 20 ? owners[study]! : editors[worker % 3]!
          let base = bases[study]!
          // Arriving over 2 s rather than in one burst, so that the first answers come while the
          // rest are still in flight (PGlite takes its one connection's queries in turn).
          await new Promise((resolve) => setTimeout(resolve, (worker % caseStudies) * 40))
          for (let n = 1; killedAt === 0; n++) {
            const sent = content(study, worker, n)
            let outcome
            try {
              outcome = await saveDraft(person, slugs[study]!, base, sent)
            } catch {
              unanswered++ // in flight when the process died: may or may not be stored, but whole
              return
            }
            if (outcome.kind === 'saved') {
              if (!outcome.changed) unexpected.push(`${slugs[study]}: a changed draft was answered “unchanged”`)
              acknowledged.push({ slug: slugs[study]!, revision: base + 1, content: sent })
              base += 1
            } else if (outcome.kind === 'conflict') {
              refused.push(sent)
              base = outcome.theirRevision
            } else if (outcome.status === 503) {
              // Waited past the database pool's connection timeout: turned away, not acknowledged.
              turnedAway++
            } else {
              unexpected.push(`${slugs[study]}: a save answered ${outcome.status}`)
            }
          }
        }),
      )
      clearInterval(killer)
      const exit = await first.exited
      assert.equal(exit.signal, 'SIGKILL')
      // The embedded database's lock is still there, its holder dead: the restart must take it over.
      if (!env.DATABASE_URL) assert.ok(existsSync(lockDirOf(dataDir)), 'the killed process left its lock behind')
      assert.deepEqual(unexpected, [])
      assert.ok(acknowledged.length > 0, 'some saves were acknowledged before the kill')
      assert.ok(unanswered > 0, 'saves were in flight when the process was killed')

      const restarting = Date.now()
      const second = await startCoophubProcess(env, { dataDir })
      started.push(second)
      await second.waitFor(/coophub is serving/, 90_000)
      const restartMs = Date.now() - restarting
      assert.doesNotMatch(second.output(), /Another coophub process/)

      const checker = await connectBeside(database.target(dataDir))
      try {
        assert.deepEqual(await problemsInStoredDrafts(checker, { slugs, acknowledged, refused }), [])
      } finally {
        await checker.end()
      }

      // The sessions survived the crash, and the site takes saves again.
      const again = new FormClient(second.baseUrl)
      await again.signIn(accounts[0]!.email, password)
      const base = await currentRevision(again, slugs[20]!)
      assert.equal((await saveDraft(again, slugs[20]!, base, content(20, 999, 1))).kind, 'saved')

      t.diagnostic(
        `${acknowledged.length} saves acknowledged and ${refused.length} refused as conflicts in ${killedAt - firing} ms before SIGKILL, ` +
          `${unanswered} in flight, ${turnedAway} turned away with 503 (busy); restarted and serving in ${restartMs} ms`,
      )
    })
  })
}
