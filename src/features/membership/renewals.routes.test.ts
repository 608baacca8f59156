import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { type Agent, signedInAgent } from '../../../test/agent.ts'
import { buildMember, loadExampleSchedule } from '../../../test/membership.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { emails, invoices } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'

describeEachDatabase('admin: the renewal run in the browser', (get) => {
  let admin: Agent
  let editor: Agent
  let year = 0
  before(async () => {
    const { app, handle, config } = get()
    year = currentYear(config)
    await loadExampleSchedule(handle.db, year)
    await loadExampleSchedule(handle.db, year + 1)
    await buildMember(handle.db, { name: 'Renewing Charity', tier: 'affiliate', kind: 'organisation', email: 'renewing@example.org', paidThroughYear: year })
    await buildMember(handle.db, { name: 'Behind Charity', tier: 'affiliate', kind: 'organisation', email: 'behind@example.org', paidThroughYear: year - 1 })
    admin = (await signedInAgent(app, handle.db, 'admin')).agent
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  it('is for administrators only', async () => {
    assert.equal((await editor.get('/admin/membership/renewals')).statusCode, 403)
    assert.equal((await editor.post('/admin/membership/renewals', { year: String(year + 1) })).statusCode, 403)
  })

  it('shows next year’s notices to send, sends them once, and says so', async () => {
    const preview = await admin.get('/admin/membership/renewals')
    assert.equal(preview.statusCode, 200)
    assert.match(preview.body, /Renewing Charity/)
    assert.match(preview.body, /Notice to send/)
    assert.doesNotMatch(preview.body, /Behind Charity/)
    const sent = await admin.post('/admin/membership/renewals', { year: String(year + 1) })
    assert.equal(sent.statusCode, 303)
    const after = await admin.get(sent.headers.location as string)
    assert.match(after.body, /Renewal notices for .* sent/)
    assert.match(after.body, /Notice already sent/)
    assert.equal((await get().handle.db.select().from(emails).where(eq(emails.toAddress, 'renewing@example.org'))).length, 1)
  })

  it('issues this year’s invoices to a member that has not had one', async () => {
    const preview = await admin.get(`/admin/membership/renewals?year=${year}`)
    assert.match(preview.body, /Behind Charity/)
    assert.match(preview.body, /To invoice/)
    const res = await admin.post('/admin/membership/renewals', { year: String(year) })
    assert.equal(res.statusCode, 303)
    const rows = await get().handle.db.select().from(invoices)
    assert.deepEqual(
      rows.map((r) => [r.year, r.kind, r.totalPence]),
      [[year, 'renewal', 50_000]],
    )
  })

  it('reads in Welsh, and takes a year it cannot use as next year', async () => {
    const welsh = await admin.get('/cy/admin/membership/renewals?year=1999')
    assert.equal(welsh.statusCode, 200)
    assert.deepEqual(englishOn(welsh.body), [])
    assert.deepEqual(englishPhrasesOn(welsh.body), [])
    assert.match(welsh.body, new RegExp(`Adnewyddu ar gyfer ${year + 1}`))
  })
})
