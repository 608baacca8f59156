import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { migrateDatabase, openDatabase, openForCommandLine, pendingMigrations } from './client.ts'
import { DataDirLockedError, runningServerOf, startEmbeddedServer } from './embedded.ts'
import * as schema from './schema/index.ts'
import { usableTemplate } from './template.ts'

describe('embedded database folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-lock-test-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a second opener with a clear message, and reopens after the first closes', async () => {
    const first = await openDatabase({ embedded: dir })
    await migrateDatabase(first.db)
    await first.pool.query(`INSERT INTO principles (slug, short_name, statement, position) VALUES ('kept', 'Kept', 'Survives a restart.', 1)`)
    await assert.rejects(openDatabase({ embedded: dir }), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError)
      assert.match(error.message, /Another coophub process is already using the database folder/)
      assert.match(error.message, /DATA_DIR/)
      return true
    })
    await first.close()

    const second = await openDatabase({ embedded: dir })
    const { rows } = await second.pool.query('SELECT short_name FROM principles')
    assert.deepEqual(rows, [{ short_name: 'Kept' }])
    await second.close()
  })

  it('keeps the event loop free while the database works', async () => {
    const handle = await openDatabase({ embedded: null })
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    // A deliberately slow query: on the main thread it would block every timer until it ended.
    await handle.pool.query('SELECT count(*) FROM generate_series(1, 1000000)')
    clearInterval(timer)
    await handle.close()
    assert.ok(ticks >= 5, `timers kept running during the query (${ticks} ticks)`)
  })
})

describe('clients beside one another on one embedded database', () => {
  it("never mixes two clients' queries, even when a large one arrives in several reads", async () => {
    const server = await startEmbeddedServer(null)
    const connect = () => new pg.Pool({ host: server.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 })
    const [writer, reader] = [connect(), connect()]
    try {
      await writer.query('CREATE TABLE big (id serial PRIMARY KEY, body text NOT NULL)')
      // 300 KB parameters reach the server in several reads; between them, the other client's
      // whole Parse/Bind/Execute would once run and take this one's Bind.
      const body = 'x'.repeat(300_000)
      let writing = true
      const written = (async () => {
        const ids: number[] = []
        try {
          for (let i = 0; i < 30; i++)
            ids.push((await writer.query<{ id: number }>('INSERT INTO big (body) VALUES ($1) RETURNING id', [`${body}${i}`])).rows[0]!.id)
        } finally {
          // A failed write ends the reading loop too, so that the test fails instead of spinning.
          writing = false
        }
        return ids
      })()
      const answers: unknown[] = []
      for (let i = 0; writing; i++) answers.push((await reader.query<{ v: number }>('SELECT $1::int AS v', [i])).rows[0]!.v === i)
      assert.equal((await written).length, 30)
      assert.ok(answers.length > 0 && answers.every((a) => a === true), 'every read answered its own query')
      const { rows } = await reader.query<{ n: number; ends: string[] }>(`SELECT count(*)::int AS n, array_agg(right(body, 2) ORDER BY id) AS ends FROM big`)
      assert.equal(rows[0]!.n, 30)
      assert.deepEqual(
        rows[0]!.ends,
        Array.from({ length: 30 }, (_, i) => `${body}${i}`.slice(-2)),
      )
    } finally {
      await writer.end()
      await reader.end()
      await server.stop()
    }
  })
})

describe('the command line beside a server on the same data folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-beside-test-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const published = path.join(dir, 'coophub.socket.json')
  /** The id of a process that has ended. */
  const endedPid = () => spawnSync(process.execPath, ['-e', '']).pid!

  it("works through the server's socket, says so, and sees what the server sees", async () => {
    const server = await openDatabase({ embedded: dir, shareSocket: true })
    try {
      await migrateDatabase(server.db)
      assert.equal(statSync(published).mode & 0o777, 0o600)
      const found = runningServerOf(dir)
      assert.equal(found?.pid, process.pid)
      assert.equal(statSync(found.socketDir).mode & 0o777, 0o700, 'the socket folder is private')

      const notices: string[] = []
      const { handle, server: beside } = await openForCommandLine({ embedded: dir }, (line) => notices.push(line))
      try {
        assert.equal(beside?.pid, process.pid)
        assert.deepEqual(notices, [`coophub: the server running on ${dir} (process ${process.pid}) has the database open: working through it.`])
        assert.equal(await pendingMigrations(handle.db), 0)
        await handle.pool.query(`INSERT INTO themes (slug, name) VALUES ('from-the-command-line', 'From the command line')`)
        const { rows } = await server.pool.query('SELECT name FROM themes')
        assert.deepEqual(rows, [{ name: 'From the command line' }])
      } finally {
        await handle.close()
      }
      // The command's connection ended; the server's own goes on.
      assert.equal((await server.pool.query('SELECT 1 AS one')).rows[0].one, 1)
    } finally {
      await server.close()
    }
    assert.equal(existsSync(published), false, 'the socket file goes with the server')
    assert.equal(runningServerOf(dir), null)
  })

  it('refuses as before when the folder is held by a process that offers no socket (another command)', async () => {
    const command = await openDatabase({ embedded: dir })
    try {
      await assert.rejects(
        openForCommandLine({ embedded: dir }, () => assert.fail('no notice')),
        DataDirLockedError,
      )
    } finally {
      await command.close()
    }
  })

  it('does not trust a socket file left by a server that is gone', async () => {
    const holder = await openDatabase({ embedded: dir })
    try {
      const socketDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-gone-'))
      writeFileSync(path.join(socketDir, '.s.PGSQL.5432'), '')
      for (const pid of [endedPid(), process.pid]) {
        // An ended process; a live one whose socket nobody listens on.
        writeFileSync(published, JSON.stringify({ pid, socketDir }))
        await assert.rejects(
          openForCommandLine({ embedded: dir }, () => assert.fail('no notice')),
          DataDirLockedError,
        )
      }
      writeFileSync(published, 'not JSON')
      assert.equal(runningServerOf(dir), null)
      rmSync(socketDir, { recursive: true, force: true })
    } finally {
      await holder.close()
    }
    const next = await openDatabase({ embedded: dir })
    assert.equal(existsSync(published), false, 'whoever takes the folder next removes the stale file')
    await next.close()
  })

  it('opens at once after the process holding the folder was killed, without waiting for the lock to go stale', async () => {
    const crashed = mkdtempSync(path.join(os.tmpdir(), 'coophub-crash-test-'))
    try {
      const holder = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import { openDatabase } from './src/db/client.ts'; await openDatabase({ embedded: ${JSON.stringify(crashed)} }); console.log('open'); setInterval(() => {}, 1000)`,
        ],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve())
        holder.once('exit', (code) => reject(new Error(`the holder stopped first (exit ${code})`)))
      })
      holder.removeAllListeners('exit')
      const ended = new Promise((resolve) => holder.once('exit', resolve))
      holder.kill('SIGKILL')
      await ended
      // The lock's mtime is seconds old: proper-lockfile alone would refuse for ten seconds.
      const next = await openDatabase({ embedded: crashed })
      await next.close()
    } finally {
      rmSync(crashed, { recursive: true, force: true })
    }
  })

  it('counts the migrations a database lacks', async () => {
    const handle = await openDatabase({ embedded: null })
    try {
      const all = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../migrations/meta/_journal.json'), 'utf8')).entries.length as number
      await migrateDatabase(handle.db)
      assert.equal(await pendingMigrations(handle.db), 0)
      await handle.pool.query('DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)')
      assert.equal(await pendingMigrations(handle.db), 1)
      await handle.pool.query('DROP SCHEMA drizzle CASCADE')
      assert.equal(await pendingMigrations(handle.db), all)
    } finally {
      await handle.close()
    }
  })
})

describe("the build's database template", () => {
  const template = usableTemplate()
  const skip = template ? false : 'no template fits these migrations (npm run build makes one)'
  if (skip) console.log(`# ${skip}`)

  /** What migrating made: tables and columns, indexes, triggers, functions, extensions, migrations recorded. */
  async function describeSchema(fromTemplate: boolean): Promise<unknown[]> {
    const server = await startEmbeddedServer(null, { fromTemplate })
    const pool = new pg.Pool({ host: server.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 })
    try {
      await migrateDatabase(drizzle(pool, { schema }))
      const queries = [
        `SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
        `SELECT tgname, tgrelid::regclass::text AS on_table FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
        `SELECT proname, md5(prosrc) AS body FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace WHERE nspname = 'public' ORDER BY 1, 2`,
        `SELECT extname, extversion FROM pg_extension ORDER BY 1`,
        `SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
      ]
      const results = []
      for (const query of queries) results.push((await pool.query(query)).rows)
      return results
    } finally {
      await pool.end()
      await server.stop()
    }
  }

  it('gives a new database exactly what initdb and every migration give', { skip }, async () => {
    const [fromTemplate, fromScratch] = [await describeSchema(true), await describeSchema(false)]
    assert.deepEqual(fromTemplate, fromScratch)
    assert.ok((fromScratch[0] as unknown[]).length > 0)
  })
})
