import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildMember, buildRegisterCouncil, loadExampleSchedule } from '../../../test/membership.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { emails, purchaseOrderRequests } from '../../db/schema/index.ts'
import { runContext } from './cli/run-commands.ts'
import { runRenewals } from './renewals.ts'

const links = (html: string) => summaryLinks(html).map((l) => l.split(' ')[0])

describeEachDatabase('the purchase-order link', (get) => {
  const paths: Record<string, string> = {}
  before(async () => {
    const { handle, config } = get()
    await loadExampleSchedule(handle.db, 2027)
    await buildRegisterCouncil(handle.db, { code: 'POC', name: 'Pocklington', population: 80_000 })
    await buildRegisterCouncil(handle.db, { code: 'LTE', name: 'Latecombe', population: 80_000 })
    await buildMember(handle.db, { name: 'Pocklington Council', tier: 'full', authorityCode: 'POC', email: 'po@pocklington.example.org' })
    await buildMember(handle.db, { name: 'Latecombe Council', tier: 'full', authorityCode: 'LTE', email: 'po@latecombe.example.org' })
    await runRenewals(handle.db, 2027, runContext(config, '2027-07-01'), { dryRun: false })
    for (const [name, address] of [
      ['pocklington', 'po@pocklington.example.org'],
      ['latecombe', 'po@latecombe.example.org'],
    ] as const) {
      const [mail] = await handle.db.select().from(emails).where(eq(emails.toAddress, address))
      paths[name] = new URL(/https?:\/\/\S+\/purchase-orders\/\S+/.exec(mail!.bodyText)![0]).pathname
    }
    // Latecombe's link ran out long ago.
    await handle.db
      .update(purchaseOrderRequests)
      .set({ expiresAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(purchaseOrderRequests.year, 2027))
    await handle.db
      .update(purchaseOrderRequests)
      .set({ expiresAt: new Date(Date.now() + 86_400_000) })
      .where(eq(purchaseOrderRequests.tokenHash, (await import('../accounts/secrets.ts')).hashToken(paths.pocklington!.split('/').pop()!)))
  })

  it('asks for the number, with no account, and says what is wrong with it', async () => {
    const agent = new Agent(get().app)
    const page = await agent.get(paths.pocklington!)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Purchase-order number for Pocklington Council/)
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    const empty = await agent.post(paths.pocklington!, { poNumber: ' ' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(links(empty.body), ['#poNumber'])
    assert.match(empty.body, /Enter the purchase-order number/)
    const formula = await agent.post(paths.pocklington!, { poNumber: '=1+1' })
    assert.match(formula.body, /can only include letters, numbers/)
  })

  it('keeps the number, thanks, and then offers no form: the link works once', async () => {
    const agent = new Agent(get().app)
    const saved = await agent.post(paths.pocklington!, { poNumber: 'PO 4500012345' })
    assert.equal(saved.statusCode, 303)
    const thanks = await agent.get(saved.headers.location as string)
    assert.match(thanks.body, /PO 4500012345 will be on the invoice for 2027\/28/)
    const later = await agent.get(paths.pocklington!)
    assert.match(later.body, /has already been given through this link/)
    assert.doesNotMatch(later.body, /data-qa="po-form"/)
    const again = await agent.post(paths.pocklington!, { poNumber: 'PO-OTHER' })
    assert.equal(again.statusCode, 400)
    const [row] = await get().handle.db.select().from(purchaseOrderRequests).where(eq(purchaseOrderRequests.poNumber, 'PO 4500012345'))
    assert.ok(row)
  })

  it('says an expired link has expired, in Welsh too', async () => {
    const agent = new Agent(get().app)
    const page = await agent.get(paths.latecombe!)
    assert.match(page.body, /This link has expired/)
    const welsh = await agent.get(`/cy${paths.latecombe!}`)
    assert.equal(welsh.statusCode, 200)
    assert.deepEqual(englishOn(welsh.body), [])
    assert.deepEqual(englishPhrasesOn(welsh.body), [])
    assert.match(welsh.body, /Mae’r ddolen hon wedi dod i ben/)
  })

  it('answers an unknown or malformed link with not found', async () => {
    const agent = new Agent(get().app)
    for (const url of ['/purchase-orders/nope', `/purchase-orders/${'b'.repeat(43)}`]) {
      assert.equal((await agent.get(url)).statusCode, 404, url)
      assert.equal((await agent.post(url, { poNumber: 'PO1' })).statusCode, 404, url)
    }
  })
})
