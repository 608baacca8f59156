import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import Fastify from 'fastify'
import { loadConfig } from '../../../config.ts'
import type { DatabaseHandle } from '../../../db/client.ts'
import { emails } from '../../../db/schema/index.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../../test/databases.ts'
import { createMailer, queueEmail } from '../outbox.ts'
import { claimEmailsDue } from './claim-emails-due.ts'

const now = new Date('2026-12-06T12:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)

for (const kind of testDatabaseKinds()) {
  describe(`failed emails tried again [${kind}]`, () => {
    let handle: DatabaseHandle
    const ids: Record<string, number> = {}

    const email = async (name: string, row: Partial<typeof emails.$inferInsert>) => {
      const id = await queueEmail(handle.db, { to: `${name}@example.org`, subject: name, body: 'Hello' })
      await handle.db.update(emails).set(row).where(eq(emails.id, id))
      ids[name] = id
    }

    before(async () => {
      handle = await createTestDatabase(kind)
      await email('firstFailureSixMinutesAgo', { status: 'failed', attempts: 1, error: 'refused', createdAt: minutesAgo(6), lastAttemptAt: minutesAgo(6) })
      await email('firstFailureFourMinutesAgo', { status: 'failed', attempts: 1, error: 'refused', createdAt: minutesAgo(4), lastAttemptAt: minutesAgo(4) })
      await email('secondFailureTwentyMinutesAgo', {
        status: 'failed',
        attempts: 2,
        error: 'refused',
        createdAt: minutesAgo(60),
        lastAttemptAt: minutesAgo(20),
      })
      await email('fourthFailureThirteenHoursAgo', {
        status: 'failed',
        attempts: 4,
        error: 'refused',
        createdAt: minutesAgo(900),
        lastAttemptAt: minutesAgo(780),
      })
      await email('everyTryUsed', { status: 'failed', attempts: 5, error: 'refused', createdAt: minutesAgo(2000), lastAttemptAt: minutesAgo(1000) })
      await email('failedBeforeTriesWereTimed', { status: 'failed', attempts: 1, error: 'refused', createdAt: minutesAgo(10), lastAttemptAt: null })
      await email('lostTenMinutesAgo', { status: 'queued', attempts: 0, createdAt: minutesAgo(10) })
      await email('queuedJustNow', { status: 'queued', attempts: 0, createdAt: minutesAgo(1) })
      await email('lostTwoDaysAgo', { status: 'queued', attempts: 0, createdAt: minutesAgo(2 * 24 * 60) })
      await email('sent', { status: 'sent', attempts: 1, createdAt: minutesAgo(30), sentAt: minutesAgo(30), lastAttemptAt: minutesAgo(30) })
    })
    after(async () => {
      await handle.close()
    })

    it('claims the emails whose wait is over, once', async () => {
      const claimed = await claimEmailsDue(handle.db, now)
      const expected = ['firstFailureSixMinutesAgo', 'fourthFailureThirteenHoursAgo', 'failedBeforeTriesWereTimed', 'lostTenMinutesAgo'].map((n) => ids[n]!)
      assert.deepEqual(
        [...claimed].sort((a, b) => a - b),
        expected.sort((a, b) => a - b),
      )
      const [row] = await handle.db.select().from(emails).where(eq(emails.id, ids.firstFailureSixMinutesAgo!))
      assert.equal(row!.lastAttemptAt?.toISOString(), now.toISOString(), 'claimed: its try is timed now')
      assert.deepEqual(await claimEmailsDue(handle.db, now), [], 'a run that overlaps finds nothing due')
      // Four minutes on: the first failure four minutes before is due, and the email queued a minute before is plainly lost.
      assert.deepEqual(await claimEmailsDue(handle.db, new Date(now.getTime() + 4 * 60_000)), [ids.firstFailureFourMinutesAgo, ids.queuedJustNow])
    })

    it('records each try: the attempt, its time and its error, and leaves an email failed after its last', async () => {
      // Nothing listens on port 1: the mail server refuses at once.
      const mailer = createMailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1', LOG_LEVEL: 'silent' }), handle.db, Fastify({ logger: false }).log)
      const id = ids.fourthFailureThirteenHoursAgo!
      const before = new Date()
      await mailer.deliver([id])
      const [row] = await handle.db.select().from(emails).where(eq(emails.id, id))
      assert.equal(row!.status, 'failed')
      assert.equal(row!.attempts, 5)
      assert.match(row!.error ?? '', /ECONNREFUSED/)
      assert.ok(row!.lastAttemptAt && row!.lastAttemptAt.getTime() >= before.getTime(), 'the try is timed')
      assert.deepEqual(
        (await claimEmailsDue(handle.db, new Date(Date.now() + 7 * 24 * 3600_000))).filter((claimed) => claimed === id),
        [],
        'its tries are used up: it stays failed, in the outbox, for a person',
      )
    })
  })
}
