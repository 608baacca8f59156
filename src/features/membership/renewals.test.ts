// A year of membership on the database: renewal notices in summer, purchase-order numbers, the
// September invoices, reminders at 30 and 60 days, a lapse, each step safe to repeat, and two
// instances running the daily job at once sending each email once.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq, like } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/client.ts'
import { emails, invoices, membershipEvents, memberships, organisations } from '../../db/schema/index.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { loadConfig } from '../../config.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../test/databases.ts'
import { buildMember, buildRegisterCouncil, exampleScheduleFile, loadExampleSchedule } from '../../../test/membership.ts'
import { readFileSync } from 'node:fs'
import { commandLineActor } from '../audit/record-audit.ts'
import { importFeeSchedule } from './commands/import-fee-schedule.ts'
import { quoteFee } from './fee-quote.ts'
import { parseFeeScheduleText } from './rules/fee-schedule.ts'
import { hashToken } from '../accounts/secrets.ts'
import type { Mailer } from '../email/outbox.ts'
import { runContext, runRenewCommand } from './cli/run-commands.ts'
import { recordPoNumber } from './commands/record-po-number.ts'
import { runDaily, runRenewals } from './renewals.ts'

const config = loadConfig({ NETWORK_NAME: 'Test Councils Network', PUBLIC_URL: 'https://coophub.example.org' })
const noMail: Mailer = { deliver: async () => {} }
const on = (date: string) => runContext(config, date)

for (const kind of testDatabaseKinds()) {
  describe(`a year of renewals [${kind}]`, () => {
    let handle: DatabaseHandle
    let council: Awaited<ReturnType<typeof buildMember>>
    let group: Awaited<ReturnType<typeof buildMember>>
    let quiet: Awaited<ReturnType<typeof buildMember>>
    const mailTo = async (address: string) => handle.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(emails.id)

    before(async () => {
      handle = await createTestDatabase(kind)
      await loadExampleSchedule(handle.db, 2026)
      await loadExampleSchedule(handle.db, 2027)
      await buildRegisterCouncil(handle.db, { code: 'RNW', name: 'Renwick', population: 280_000 })
      council = await buildMember(handle.db, { name: 'Renwick Council', tier: 'full', authorityCode: 'RNW', email: 'finance@renwick.example.org' })
      group = await buildMember(handle.db, { name: 'Renwick Independents', tier: 'associate', kind: 'councillor-group', email: 'group@example.org' })
      quiet = await buildMember(handle.db, { name: 'Quiet Charity', tier: 'affiliate', kind: 'organisation', email: null })
    })
    after(() => handle.close())

    it('sends the summer notices once, with a purchase-order link for the Full council only', async () => {
      const first = await runRenewals(handle.db, 2027, on('2027-07-02'), { dryRun: false })
      assert.equal(first.step, 'notice')
      const byName = Object.fromEntries(first.lines.map((l) => [l.organisation, l.status]))
      assert.deepEqual(byName, { 'Renwick Council': 'sent', 'Renwick Independents': 'sent', 'Quiet Charity': 'no-contact' })
      const [notice] = await mailTo('finance@renwick.example.org')
      assert.match(notice!.subject, /Renewing your membership of Test Councils Network for 2027\/28/)
      assert.match(notice!.bodyText, /£2,500\.00/)
      assert.match(notice!.bodyText, /https:\/\/coophub\.example\.org\/purchase-orders\/[A-Za-z0-9_-]{40,}/)
      const [groupNotice] = await mailTo('group@example.org')
      assert.doesNotMatch(groupNotice!.bodyText, /purchase-orders/)

      const again = await runRenewals(handle.db, 2027, on('2027-07-03'), { dryRun: false })
      assert.deepEqual(
        again.lines.map((l) => l.status),
        ['already-sent', 'already-sent', 'no-contact'],
      )
      assert.equal((await mailTo('finance@renwick.example.org')).length, 1)
    })

    it('keeps the purchase-order number given through the link, once', async () => {
      const [notice] = await mailTo('finance@renwick.example.org')
      const token = /purchase-orders\/([A-Za-z0-9_-]+)/.exec(notice!.bodyText)![1]!
      const given = await inTransaction(handle.db, (tx) =>
        recordPoNumber(tx, { tokenHash: hashToken(token), poNumber: 'PO-2027-0042', now: new Date('2027-07-10T10:00:00Z') }),
      )
      assert.deepEqual(given, { ok: true, value: { year: 2027 } })
      const twice = await inTransaction(handle.db, (tx) =>
        recordPoNumber(tx, { tokenHash: hashToken(token), poNumber: 'PO-OTHER', now: new Date('2027-07-11T10:00:00Z') }),
      )
      assert.equal(twice.ok, false)
    })

    it('issues the invoices on 1 September with the PO number, and nothing twice; a dry run stores nothing', async () => {
      const dry = await runRenewals(handle.db, 2027, on('2027-09-01'), { dryRun: true })
      assert.deepEqual(
        dry.lines.map((l) => l.status),
        ['would-issue', 'would-issue', 'would-issue'],
      )
      assert.equal((await handle.db.select().from(invoices)).length, 0)

      const lines: string[] = []
      const ok = await runRenewCommand(
        handle.db,
        noMail,
        on('2027-09-01'),
        { year: 2027, dryRun: false, json: true },
        { out: (l) => lines.push(l), err: () => {} },
      )
      assert.equal(ok, true)
      const json = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
      assert.deepEqual(json[0], {
        organisation: 'Renwick Council',
        tier: 'full',
        year: 2027,
        amount: '2500.00',
        currency: 'GBP',
        poNumber: 'PO-2027-0042',
        status: 'issued',
        invoice: 'CCN-2027-0001',
      })
      assert.deepEqual(
        json.map((j) => [j.invoice, j.amount]),
        [
          ['CCN-2027-0001', '2500.00'],
          ['CCN-2027-0002', '250.00'],
          ['CCN-2027-0003', '500.00'],
        ],
      )
      const again = await runRenewals(handle.db, 2027, on('2027-09-02'), { dryRun: false })
      assert.deepEqual(
        again.lines.map((l) => l.status),
        ['already-invoiced', 'already-invoiced', 'already-invoiced'],
      )
      assert.equal((await handle.db.select().from(invoices)).length, 3)
      // The daily job of the same day finds the invoices there, and issues nothing either.
      const daily = await runDaily(handle.db, on('2027-09-02'))
      assert.equal(daily.invoices.issued, 0)
    })

    it('reminds at 30 days once, however often the job runs, and two instances at once send each email once', async () => {
      const [a, b] = await Promise.all([runDaily(handle.db, on('2027-10-02')), runDaily(handle.db, on('2027-10-02'))])
      assert.equal(a.reminders.sent + b.reminders.sent, 2, 'the council and the group, once each')
      await runDaily(handle.db, on('2027-10-03'))
      const reminders = await handle.db.select().from(emails).where(like(emails.subject, 'Reminder: invoice%'))
      assert.deepEqual(reminders.map((e) => e.toAddress).sort(), ['finance@renwick.example.org', 'group@example.org'])
    })

    it('leaves issued invoices as they were when the year’s schedule changes', async () => {
      const before = await handle.db.select().from(invoices).orderBy(invoices.id)
      const changed = JSON.parse(readFileSync(exampleScheduleFile, 'utf8')) as { year: number; tiers: { associate: { fixed: string } } }
      changed.year = 2027
      changed.tiers.associate.fixed = '999.00'
      const parsed = parseFeeScheduleText(JSON.stringify(changed))
      assert.ok(parsed.ok)
      await inTransaction(handle.db, (tx) => importFeeSchedule(tx, commandLineActor, parsed.value))
      const quote = await quoteFee(handle.db, { tier: 'associate', year: 2027 })
      assert.equal(quote.ok && quote.value.amount, 99_900, 'new quotes use the new version')
      const after = await handle.db.select().from(invoices).orderBy(invoices.id)
      assert.deepEqual(
        after.map((i) => [i.number, i.totalPence, i.feeScheduleId]),
        before.map((i) => [i.number, i.totalPence, i.feeScheduleId]),
      )
    })

    it('keeps a paying member current, and lapses the one who does not pay after the grace period', async () => {
      await handle.db
        .update(invoices)
        .set({ status: 'paid', paidOn: '2027-10-20', paidPence: 250_000, paymentMethod: 'bacs' })
        .where(and(eq(invoices.membershipId, council.membership.id), eq(invoices.year, 2027)))
      await handle.db
        .update(invoices)
        .set({ status: 'paid', paidOn: '2027-10-20', paidPence: 50_000, paymentMethod: 'bacs' })
        .where(eq(invoices.membershipId, quiet.membership.id))
      const autumn = await runDaily(handle.db, on('2027-11-01'))
      assert.ok(autumn.statusChanges >= 1)
      const secondReminder = await handle.db.select().from(emails).where(like(emails.subject, 'Second reminder%'))
      assert.deepEqual(
        secondReminder.map((e) => e.toAddress),
        ['group@example.org'],
      )
      await runDaily(handle.db, on('2028-01-15'))
      const status = async (id: number) => (await handle.db.select().from(memberships).where(eq(memberships.id, id)))[0]!.status
      assert.equal(await status(council.membership.id), 'current')
      assert.equal(await status(group.membership.id), 'lapsed')
      const [organisation] = await handle.db.select().from(organisations).where(eq(organisations.id, group.organisation.id))
      assert.equal(organisation?.tier, 'none', 'a former member')
      const history = await handle.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, group.membership.id))
      assert.equal(history.at(-1)?.toStatus, 'lapsed')
      assert.equal(history.at(-1)?.actorLabel, 'daily membership job')
      const lapse = await handle.db.select().from(emails).where(like(emails.subject, '%has lapsed'))
      assert.deepEqual(
        lapse.map((e) => e.toAddress),
        ['group@example.org'],
      )
      await runDaily(handle.db, on('2028-01-16'))
      assert.equal((await handle.db.select().from(emails).where(like(emails.subject, '%has lapsed'))).length, 1)
    })
  })
}
