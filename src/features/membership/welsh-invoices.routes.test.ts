// The invoice pages, their forms, errors, PDF and CSV, in Welsh.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildInvoice } from '../../../test/invoices.ts'
import { loadExampleSchedule } from '../../../test/membership.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { invoices, membershipApplications } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'
import { londonDate } from './rules/subscription-year.ts'

const [ty, tm, td] = londonDate(new Date()).split('-').map(Number) as [number, number, number]

describeEachDatabase(
  'admin: invoices in Welsh',
  (get) => {
    let admin: Agent
    let joining = ''
    let other = ''
    before(async () => {
      const { app, handle, config } = get()
      await loadExampleSchedule(handle.db, currentYear(config))
      admin = (await signedInAgent(app, handle.db, 'admin')).agent
      // Applied for in Welsh: its invoice's lines are written in Welsh.
      const applied = await new Agent(app).post('/cy/join', {
        tier: 'associate',
        'kind-associate': 'town-or-parish-council',
        organisationName: 'Cyngor Tref Llanŵyl',
        contactName: 'Gwen Davies',
        contactEmail: 'gwen@example.org',
        consent: 'yes',
      })
      assert.equal(applied.statusCode, 303)
      const [application] = await handle.db.select().from(membershipApplications).where(eq(membershipApplications.contactEmail, 'gwen@example.org'))
      const approved = await admin.post(`/cy/admin/membership/applications/${application!.id}/decision`, { decision: 'approve' })
      assert.equal(approved.statusCode, 303)
      const [invoice] = await handle.db.select().from(invoices)
      joining = invoice!.number
      const today = londonDate(new Date())
      other = (
        await buildInvoice(handle.db, config, {
          organisation: 'Cyngor Sir Ynys Môn',
          issuedOn: today,
          lines: [{ description: 'Tanysgrifiad aelod llawn', amountPence: 90_000 }],
        })
      ).number
    })

    const welsh = (html: string) => {
      assert.match(html, /<html lang="cy"/)
      assert.deepEqual(englishOn(html), [])
      assert.deepEqual(englishPhrasesOn(html), [])
    }

    it('lists the invoices with the aged debt in Welsh', async () => {
      const res = await admin.get('/cy/admin/membership/invoices')
      assert.equal(res.statusCode, 200)
      welsh(res.body)
      assert.match(res.body, /Oedran dyledion/)
      assert.match(res.body, /0 i 30 diwrnod/)
      assert.match(res.body, /href="\/cy\/admin\/membership\/invoices\.csv"/)
      assert.match(res.body, new RegExp(`href="/cy/admin/membership/invoices/${joining}"`))
    })

    it('shows an invoice, its forms and their errors in Welsh', async () => {
      const page = await admin.get(`/cy/admin/membership/invoices/${joining}`)
      assert.equal(page.statusCode, 200)
      welsh(page.body)
      assert.match(page.body, new RegExp(`Anfoneb ${joining}`))
      assert.match(page.body, /Cyngor Tref Llanŵyl/)
      assert.match(page.body, /Cofnodi’r taliad/)

      const bad = await admin.post(`/cy/admin/membership/invoices/${joining}/payment`, {
        amount: '',
        'paidOn-day': '30',
        'paidOn-month': '2',
        'paidOn-year': '2026',
      })
      assert.equal(bad.statusCode, 400)
      welsh(bad.body)
      assert.deepEqual(summaryLinks(bad.body), [
        '#amount Rhowch y swm a dalwyd',
        '#paidOn-day Rhaid i’r dyddiad talu fod yn ddyddiad go iawn',
        '#method Dewiswch sut y talwyd yr anfoneb',
      ])
      const noReason = await admin.post(`/cy/admin/membership/invoices/${other}/cancellation`, {})
      welsh(noReason.body)
      assert.deepEqual(summaryLinks(noReason.body), ['#reason Rhowch y rheswm dros ganslo’r anfoneb'])
    })

    it('records a payment and a cancellation in Welsh', async () => {
      const paid = await admin.post(`/cy/admin/membership/invoices/${joining}/payment`, {
        amount: '100',
        'paidOn-day': String(td),
        'paidOn-month': String(tm),
        'paidOn-year': String(ty),
        method: 'cheque',
      })
      assert.equal(paid.statusCode, 303)
      assert.equal(paid.headers.location, `/cy/admin/membership/invoices/${joining}?done=paid`)
      const page = await admin.get(paid.headers.location as string)
      welsh(page.body)
      assert.match(page.body, /Taliad wedi’i gofnodi/)
      assert.match(page.body, /Siec/)

      const cancelled = await admin.post(`/cy/admin/membership/invoices/${other}/cancellation`, { reason: 'Anfonwyd ddwywaith' })
      assert.equal(cancelled.statusCode, 303)
      const after = await admin.get(cancelled.headers.location as string)
      welsh(after.body)
      assert.match(after.body, /Anfoneb wedi’i chanslo gyda nodyn credyd CCNCR-/)
      const refused = await admin.post(`/cy/admin/membership/invoices/${other}/cancellation`, { reason: 'Eto' })
      welsh(refused.body)
      assert.match(refused.body, /Mae’r anfoneb hon wedi’i chanslo gyda nodyn credyd/)
    })

    it('gives the PDF and the CSV in Welsh', async () => {
      const pdf = await admin.get(`/cy/admin/membership/invoices/${joining}.pdf`)
      assert.equal(pdf.statusCode, 200)
      assert.ok(pdf.rawPayload.toString('latin1').includes(`(Anfoneb ${joining})`))
      const csv = await admin.get('/cy/admin/membership/invoices.csv')
      assert.equal(csv.statusCode, 200)
      assert.equal(csv.headers['content-disposition'], 'attachment; filename="invoices-cy.csv"')
      assert.ok(csv.body.startsWith('"rhif","blwyddyn","sefydliad","haen","math","dyddiad_cyhoeddi"'))
      assert.ok(csv.body.includes('"Cyngor Tref Llanŵyl","associate","joining"'))
    })
  },
  { INVOICE_ADDRESS: '1 Stryd y Ŵyl\\nCaerdydd', INVOICE_PAYMENT_DETAILS: 'Cod didoli 12-34-56\\nCyfrif 12345678' },
)
