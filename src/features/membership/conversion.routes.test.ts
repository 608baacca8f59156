import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { type Agent, signedInAgent } from '../../../test/agent.ts'
import { buildMember, buildRegisterCouncil, loadExampleSchedule } from '../../../test/membership.ts'
import { invoiceLines, invoices, membershipEvents, memberships, organisations } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'
import { prorate } from './rules/fees.ts'
import { londonDate, wholeMonthsRemaining } from './rules/subscription-year.ts'

describeEachDatabase('admin: a councillors’ group takes control of its council', (get) => {
  let admin: Agent
  let group: Awaited<ReturnType<typeof buildMember>>
  let full: Awaited<ReturnType<typeof buildMember>>
  before(async () => {
    const { app, handle, config } = get()
    const year = currentYear(config)
    await loadExampleSchedule(handle.db, year)
    await buildRegisterCouncil(handle.db, { code: 'CVT', name: 'Convertown', population: 200_000 })
    group = await buildMember(handle.db, { name: 'Convertown Co-operative Group', tier: 'associate', kind: 'councillor-group', paidThroughYear: year })
    await handle.db.update(memberships).set({ sitsOnAuthorityCode: 'CVT' }).where(eq(memberships.id, group.membership.id))
    full = await buildMember(handle.db, { name: 'Already Full Council', tier: 'full', paidThroughYear: year })
    admin = (await signedInAgent(app, handle.db, 'admin')).agent
  })

  it('offers the conversion on an Associate membership only, with the group’s council chosen', async () => {
    const page = await admin.get(`/admin/membership/members/${group.membership.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /data-qa="conversion-form"/)
    assert.match(page.body, /<option value="CVT" selected>/)
    const other = await admin.get(`/admin/membership/members/${full.membership.id}`)
    assert.doesNotMatch(other.body, /data-qa="conversion-form"/)
    const refused = await admin.post(`/admin/membership/members/${full.membership.id}/conversion`, { council: 'CVT' })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Only an Associate membership/)
    const blank = await admin.post(`/admin/membership/members/${group.membership.id}/conversion`, { council: '' })
    assert.equal(blank.statusCode, 400)
    assert.match(blank.body, /Choose the council/)
  })

  it('ends the Associate membership and starts the council’s Full one, crediting the months left', async () => {
    const { handle, config } = get()
    const res = await admin.post(`/admin/membership/members/${group.membership.id}/conversion`, { council: 'CVT' })
    assert.equal(res.statusCode, 303)
    const [old] = await handle.db.select().from(memberships).where(eq(memberships.id, group.membership.id))
    assert.equal(old?.status, 'converted')
    const [council] = await handle.db.select().from(organisations).where(eq(organisations.authorityCode, 'CVT'))
    assert.equal(council?.tier, 'full')
    const [fresh] = await handle.db.select().from(memberships).where(eq(memberships.organisationId, council!.id))
    assert.equal(fresh?.convertedFromId, group.membership.id)
    const [invoice] = await handle.db.select().from(invoices).where(eq(invoices.membershipId, fresh!.id))
    assert.equal(invoice?.kind, 'conversion')
    const lines = await handle.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id)).orderBy(asc(invoiceLines.position))
    const year = currentYear(config)
    const months = wholeMonthsRemaining(londonDate(new Date()), year)
    const charge = prorate(250_000, months)
    const credit = Math.min(charge, prorate(25_000, months))
    assert.deepEqual(
      lines.map((l) => l.amountPence),
      credit > 0 ? [charge, -credit] : [charge],
    )
    assert.equal(invoice?.totalPence, charge - credit)
    const history = await handle.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, group.membership.id))
    assert.match(history.at(-1)!.reason, /Converted to a Full membership of Convertown Council/)
    const page = await admin.get(res.headers.location as string)
    assert.match(page.body, /Converted: Convertown Council is now a Full member/)
    assert.match(page.body, /Converted from the Associate membership of Convertown Co-operative Group/)
  })
})

describeEachDatabase('admin: a conversion before the year’s fees are loaded', (get) => {
  it('says which year has no schedule, and changes nothing', async () => {
    const { app, handle, config } = get()
    await buildRegisterCouncil(handle.db, { code: 'NOS', name: 'Noschedule', population: 50_000 })
    const group = await buildMember(handle.db, { name: 'Early Group', tier: 'associate', kind: 'councillor-group', paidThroughYear: currentYear(config) })
    const admin = (await signedInAgent(app, handle.db, 'admin')).agent
    const res = await admin.post(`/admin/membership/members/${group.membership.id}/conversion`, { council: 'NOS' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /No fee schedule has been loaded for \d{4}\/\d{2}/)
    const [row] = await handle.db.select().from(memberships).where(eq(memberships.id, group.membership.id))
    assert.equal(row?.status, 'current')
  })
})
