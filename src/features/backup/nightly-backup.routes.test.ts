import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { englishOn } from '../../../test/welsh.ts'
import { scheduledJobs } from '../../jobs/scheduled-jobs.ts'
import { parseHeader } from './manifest.ts'

const statusOf = (html: string) => /data-qa="backup-status">([^<]*)</.exec(html)?.[1]

describeEachDatabase('without BACKUP_DIR', (get) => {
  it('has no nightly backup, and /admin tells an administrator how to turn it on', async () => {
    const { app, handle } = get()
    assert.equal(
      scheduledJobs(app).find((j) => j.name === 'nightly-backup'),
      undefined,
    )
    const { agent } = await signedInAgent(app, handle.db, 'admin')
    assert.equal(
      statusOf((await agent.get('/admin')).body),
      'Scheduled backups are off. Set BACKUP_DIR to a folder to have the whole database backed up every night.',
    )
  })
})

const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-nightly-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describeEachDatabase(
  'the nightly backup (BACKUP_DIR, BACKUP_KEEP=2)',
  (get) => {
    let admin: Agent
    let editor: Agent
    const folder = () => dir
    before(async () => {
      // One folder for both databases' runs, one after the other: each starts from an empty one.
      for (const name of readdirSync(dir)) rmSync(path.join(dir, name))
      const { app, handle } = get()
      ;({ agent: admin } = await signedInAgent(app, handle.db, 'admin'))
      ;({ agent: editor } = await signedInAgent(app, handle.db, 'editor'))
    })

    it('shows that none was written yet, to administrators only', async () => {
      assert.match(statusOf((await admin.get('/admin')).body) ?? '', /^No backup has been written to .* yet\. The first is written tonight at 02:30\.$/)
      assert.equal(statusOf((await editor.get('/admin')).body), undefined)
    })

    it('writes a whole backup at 02:30 London once a day, keeps the newest two and leaves other files alone', async () => {
      const { app } = get()
      const job = scheduledJobs(app).find((j) => j.name === 'nightly-backup')
      assert.ok(job)
      assert.equal(job.cron, '30 2 * * *')
      assert.equal(job.daily, true)
      const older = ['coophub-2026-01-01T023000Z.backup', 'coophub-2026-01-02T023000Z.backup']
      for (const name of [...older, 'notes.txt', 'coophub-2026-01-03T023000Z.backup.partial']) writeFileSync(path.join(folder(), name), 'x')
      await job.run({ id: 'test', data: {}, createdOn: new Date(), day: '2026-12-07', attempt: 1 })
      const names = readdirSync(folder()).sort()
      assert.equal(names.length, 3, names.join(', '))
      assert.equal(names[0], 'coophub-2026-01-02T023000Z.backup', 'the newest older one is kept')
      assert.match(names[1]!, /^coophub-\d{4}-\d{2}-\d{2}T\d{6}Z\.backup$/)
      assert.equal(names[2], 'notes.txt')
      const lines = gunzipSync(readFileSync(path.join(folder(), names[1]!)))
        .toString('utf8')
        .split('\n')
      const header = parseHeader(lines[0])
      assert.equal(header.source, get().handle.kind)
      assert.ok(header.tables.find((t) => t.name === 'public.users')!.rows >= 2, 'the accounts are in it')
    })

    it('shows the last backup’s time and size in English and Welsh, and warns when it is two days old', async () => {
      const en = statusOf((await admin.get('/admin')).body) ?? ''
      assert.match(en, /^Last backup: \d{1,2} \w{3} \d{4}, \d{2}:\d{2}, [\d.]+ kB\.$/)
      const cy = await admin.get('/cy/admin')
      assert.match(statusOf(cy.body) ?? '', /^Copi wrth gefn diwethaf: \d{1,2} \w+ \d{4}, \d{2}:\d{2}, [\d.]+ kB\.$/)
      assert.deepEqual(englishOn(cy.body), [])
      assert.doesNotMatch((await admin.get('/admin')).body, /data-qa="backup-overdue"/)
      // The folder now holds only old backups: the job has not written one for days.
      for (const name of readdirSync(folder())) if (/T\d{6}Z\.backup$/.test(name) && !name.startsWith('coophub-2026-01-02')) rmSync(path.join(folder(), name))
      assert.match((await admin.get('/admin')).body, /data-qa="backup-overdue"[\s\S]*No backup has been written for more than two days/)
    })
  },
  { BACKUP_DIR: dir, BACKUP_KEEP: '2' },
)
