import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildInvoice } from '../../../test/invoices.ts'
import { auditEvents, invoices, membershipEvents, memberships } from '../../db/schema/index.ts'
import { addDays, londonDate, subscriptionYearOf } from './rules/subscription-year.ts'

const today = londonDate(new Date())
const issuedOn = addDays(today, -40)
const year = subscriptionYearOf(issuedOn)
const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
const [iy, im, id] = issuedOn.split('-').map(Number) as [number, number, number]

describeEachDatabase('admin: invoices', (get) => {
  let admin: Agent
  let editor: Agent
  let first: Awaited<ReturnType<typeof buildInvoice>>
  let second: Awaited<ReturnType<typeof buildInvoice>>
  let third: Awaited<ReturnType<typeof buildInvoice>>
  before(async () => {
    const { app, handle, config } = get()
    first = await buildInvoice(handle.db, config, { organisation: 'Ynys Ŵyl Council', issuedOn, year })
    second = await buildInvoice(handle.db, config, {
      organisation: '=HYPERLINK("http://evil.example")',
      issuedOn: today,
      year,
      poNumber: null,
      lines: [
        { description: 'Full member subscription', amountPence: 150_000 },
        { description: 'Credit for the Associate months left', amountPence: -25_050 },
      ],
    })
    third = await buildInvoice(handle.db, config, { issuedOn: addDays(today, -100), year: year - 1, kind: 'renewal' })
    admin = (await signedInAgent(app, handle.db, 'admin')).agent
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  const pages = () => [
    '/admin/membership/invoices',
    '/admin/membership/invoices.csv',
    `/admin/membership/invoices/${first.number}`,
    `/admin/membership/invoices/${first.number}.pdf`,
  ]

  it('sends someone not signed in to sign in, and refuses an editor', async () => {
    const visitor = new Agent(get().app)
    for (const url of pages()) {
      const res = await visitor.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.match(res.headers.location as string, /^\/sign-in/)
      assert.equal((await editor.get(url)).statusCode, 403, url)
    }
    const post = await editor.post(`/admin/membership/invoices/${first.number}/payment`, { amount: '1250.00' })
    assert.equal(post.statusCode, 403)
    const cancel = await editor.post(`/admin/membership/invoices/${first.number}/cancellation`, { reason: 'No' })
    assert.equal(cancel.statusCode, 403)
  })

  it('lists every invoice, newest first, with the aged debt, and filters by year and status', async () => {
    const res = await admin.get('/admin/membership/invoices')
    assert.equal(res.statusCode, 200)
    const order = [second.number, first.number, third.number].map((n) => res.body.indexOf(`>${n}</a>`))
    assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, String(order))
    const debt = /data-qa="aged-debt"[\s\S]*?<\/table>/.exec(res.body)?.[0] ?? ''
    const cells = [...debt.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.trim())
    assert.deepEqual(cells, ['1', '£1,249.50', '1', '£1,250.00', '0', '£0.00', '1', '£1,250.00', '3', '£3,749.50'])
    assert.match(res.body, new RegExp(`href="/admin/membership/invoices/${first.number}.pdf"`))
    assert.match(res.body, /href="\/admin\/membership\/invoices.csv"/)

    const lastYear = await admin.get(`/admin/membership/invoices?year=${year - 1}`)
    assert.ok(lastYear.body.includes(third.number) && !lastYear.body.includes(`>${first.number}<`))
    assert.match(lastYear.body, new RegExp(`href="/admin/membership/invoices.csv\\?year=${year - 1}"`))
    const paid = await admin.get('/admin/membership/invoices?status=paid')
    assert.match(paid.body, /data-qa="no-invoices"/)
    for (const query of ['year=abc', 'year=99999', 'status=lost', 'year=2026&year=2027', 'status[]=x', 'year=%00']) {
      const bad = await admin.get(`/admin/membership/invoices?${query}`)
      assert.equal(bad.statusCode, 200, query)
      assert.ok(bad.body.includes(first.number), query)
    }
  })

  it('shows one invoice as a printable page', async () => {
    const res = await admin.get(`/admin/membership/invoices/${first.number}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, new RegExp(`<h1 class="govuk-heading-l">Invoice ${first.number}</h1>`))
    assert.match(res.body, /data-qa="invoice-issuer"[\s\S]*?Test Councils Network<br>1 Stryd y Ŵyl<br>Caerdydd/)
    assert.match(res.body, /data-qa="invoice-billed-to"[\s\S]*?Ynys Ŵyl Council<br>Alex Finance<br>finance@example.org/)
    assert.match(res.body, /PO-4471/)
    assert.match(res.body, /Full member subscription for 2026\/27/)
    assert.match(res.body, /data-qa="invoice-total">\s*£1,250.00/)
    assert.match(res.body, /Cod didoli 12-34-56<br>Cyfrif 12345678/)
    assert.match(res.body, /Unpaid/)
    assert.match(res.body, /<link rel="stylesheet" href="\/static\/invoice-print.css\?v=test" media="print">/)
    assert.match(res.body, /data-qa="payment-form"/)
    assert.match(res.body, /data-qa="cancel-form"/)
    const css = await admin.get('/static/invoice-print.css')
    assert.equal(css.statusCode, 200)
    assert.match(css.body, /\.govuk-footer/)

    const credited = await admin.get(`/admin/membership/invoices/${second.number.toLowerCase()}`)
    assert.equal(credited.statusCode, 200)
    assert.match(credited.body, /-£250.50/)
    assert.match(credited.body, /None given/)
  })

  it('gives the invoice as an A4 PDF named for its number, with DejaVu Sans embedded', async () => {
    const res = await admin.get(`/admin/membership/invoices/${first.number}.pdf`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.equal(res.headers['content-disposition'], `attachment; filename="${first.number}.pdf"`)
    const pdf = res.rawPayload.toString('latin1')
    assert.ok(pdf.startsWith('%PDF-'))
    assert.ok(pdf.includes(`(Invoice ${first.number})`), 'the title names the invoice')
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/)
    assert.match(pdf, /\/MediaBox \[0 0 595.28 841.89\]/)
  })

  it('gives every invoice as CSV for the finance team, formulas defused', async () => {
    const res = await admin.get('/admin/membership/invoices.csv')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/)
    assert.equal(res.headers['content-disposition'], 'attachment; filename="invoices.csv"')
    const lines = res.body.split('\r\n')
    assert.equal(
      lines[0],
      '"number","year","organisation","tier","kind","issued_on","due_on","po_number","total","status","paid_on","paid_amount","payment_method","payment_reference","credit_note"',
    )
    assert.equal(lines.length, 5, 'three records and the final line break')
    const row = lines.find((l) => l.startsWith(`"${first.number}"`))
    const yearText = `${year}/${String((year + 1) % 100).padStart(2, '0')}`
    assert.equal(
      row,
      `"${first.number}","${yearText}","Ynys Ŵyl Council","full","joining","${issuedOn}","${addDays(issuedOn, 30)}","PO-4471","1250.00","issued","","","","",""`,
    )
    assert.ok(res.body.includes(`"'=HYPERLINK(""http://evil.example"")","full","joining","${today}"`))
    assert.ok(res.body.includes('"","1249.50","issued"'), 'no PO number, and the total after the credit')
  })

  it('checks the payment form and says exactly what is wrong', async () => {
    const url = `/admin/membership/invoices/${first.number}/payment`
    const empty = await admin.post(url, {})
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(summaryLinks(empty.body), [
      '#amount Enter the amount paid',
      '#paidOn-day Enter the date the invoice was paid',
      '#method Select how the invoice was paid',
    ])
    assert.match(empty.body, /<title>Error: /)

    const tomorrow = addDays(today, 1).split('-').map(Number)
    const cases: Array<[Record<string, string>, string[]]> = [
      [
        { amount: 'lots', 'paidOn-day': String(td), 'paidOn-month': String(tm), 'paidOn-year': String(ty), method: 'bacs' },
        ['#amount Enter the amount paid in pounds and pence, like 1250.00'],
      ],
      [
        { amount: '0', 'paidOn-day': String(td), 'paidOn-month': String(tm), 'paidOn-year': String(ty), method: 'bacs' },
        ['#amount The amount paid must be more than £0'],
      ],
      [{ amount: '1250', 'paidOn-day': String(td), 'paidOn-year': String(ty), method: 'bacs' }, ['#paidOn-month The date paid must include a month']],
      [
        { amount: '1250', 'paidOn-day': '31', 'paidOn-month': '2', 'paidOn-year': String(ty), method: 'bacs' },
        ['#paidOn-day The date paid must be a real date'],
      ],
      [
        { amount: '1250', 'paidOn-day': String(tomorrow[2]), 'paidOn-month': String(tomorrow[1]), 'paidOn-year': String(tomorrow[0]), method: 'card' },
        ['#paidOn-day The date paid must be today or in the past'],
      ],
      [
        { amount: '1250', 'paidOn-day': '1', 'paidOn-month': '1', 'paidOn-year': '2000', method: 'cheque' },
        [
          `#paidOn-day The date paid must be the same as or after ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${issuedOn}T12:00:00Z`))}, when the invoice was issued`,
        ],
      ],
      [
        { amount: '1250', 'paidOn-day': String(td), 'paidOn-month': String(tm), 'paidOn-year': String(ty), method: 'gold' },
        ['#method Select how the invoice was paid'],
      ],
    ]
    for (const [form, expected] of cases) {
      const res = await admin.post(url, form)
      assert.equal(res.statusCode, 400, JSON.stringify(form))
      assert.deepEqual(summaryLinks(res.body), expected)
      // What was typed comes back in the form.
      assert.ok(res.body.includes(`value="${form.amount}"`), 'the amount is kept')
    }
    const [row] = await get().handle.db.select().from(invoices).where(eq(invoices.number, first.number))
    assert.equal(row?.status, 'issued')
  })

  it('records a payment: the invoice is paid and the approved membership becomes current, with its history', async () => {
    const { handle } = get()
    const res = await admin.post(`/admin/membership/invoices/${first.number}/payment`, {
      amount: '£1,250.00',
      'paidOn-day': String(id),
      'paidOn-month': String(im),
      'paidOn-year': String(iy),
      method: 'bacs',
      reference: 'REMIT 8812',
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 400))
    assert.equal(res.headers.location, `/admin/membership/invoices/${first.number}?done=paid`)
    const [row] = await handle.db.select().from(invoices).where(eq(invoices.number, first.number))
    assert.deepEqual([row?.status, row?.paidOn, row?.paidPence, row?.paymentMethod, row?.paymentReference], ['paid', issuedOn, 125_000, 'bacs', 'REMIT 8812'])
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.id, first.membershipId))
    assert.deepEqual([membership?.status, membership?.memberSince], ['current', issuedOn])
    const history = await handle.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, first.membershipId))
    assert.deepEqual(
      history.map((e) => [e.fromStatus, e.toStatus, e.onDate]),
      [
        ['applied', 'approved', issuedOn],
        ['approved', 'current', issuedOn],
      ],
    )
    assert.match(history[1]!.reason, new RegExp(first.number))
    const audits = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'invoice-paid'), eq(auditEvents.subjectId, String(first.id))))
    assert.equal(audits.length, 1)

    const page = await admin.get(res.headers.location as string)
    assert.match(page.body, /Payment recorded: the invoice is paid/)
    assert.match(page.body, /data-qa="invoice-payment"[\s\S]*?£1,250.00[\s\S]*?BACS[\s\S]*?REMIT 8812/)
    assert.doesNotMatch(page.body, /data-qa="payment-form"/)

    const again = await admin.post(`/admin/membership/invoices/${first.number}/payment`, {
      amount: '1',
      'paidOn-day': String(td),
      'paidOn-month': String(tm),
      'paidOn-year': String(ty),
      method: 'card',
    })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /This invoice has already been paid/)
    const cancel = await admin.post(`/admin/membership/invoices/${first.number}/cancellation`, { reason: 'Too late' })
    assert.equal(cancel.statusCode, 400)
    assert.match(cancel.body, /This invoice has already been paid/)
  })

  it('cancels an invoice with a credit note, and will not take a payment on it after', async () => {
    const { handle } = get()
    const url = `/admin/membership/invoices/${second.number}/cancellation`
    const noReason = await admin.post(url, { reason: '   ' })
    assert.equal(noReason.statusCode, 400)
    assert.deepEqual(summaryLinks(noReason.body), ['#reason Enter the reason for cancelling the invoice'])

    const res = await admin.post(url, { reason: 'Issued to the wrong organisation' })
    assert.equal(res.statusCode, 303)
    const [row] = await handle.db.select().from(invoices).where(eq(invoices.number, second.number))
    assert.deepEqual(
      [row?.status, row?.creditNoteNumber, row?.cancelledOn, row?.cancellationReason, row?.totalPence, row?.poNumber],
      ['cancelled', `CCNCR-${year}-0001`, today, 'Issued to the wrong organisation', 124_950, null],
    )
    const page = await admin.get(res.headers.location as string)
    assert.match(page.body, new RegExp(`Invoice cancelled with credit note CCNCR-${year}-0001`))
    assert.match(page.body, /data-qa="invoice-cancellation"[\s\S]*?Issued to the wrong organisation/)

    const pay = await admin.post(`/admin/membership/invoices/${second.number}/payment`, {
      amount: '1249.50',
      'paidOn-day': String(td),
      'paidOn-month': String(tm),
      'paidOn-year': String(ty),
      method: 'bacs',
    })
    assert.equal(pay.statusCode, 400)
    assert.match(pay.body, /This invoice has been cancelled with a credit note/)
    const twice = await admin.post(url, { reason: 'Again' })
    assert.match(twice.body, /This invoice has been cancelled with a credit note/)
    const [after] = await handle.db.select().from(invoices).where(eq(invoices.number, second.number))
    assert.deepEqual(after, row)

    // The next credit note of the year takes the next number.
    await admin.post(`/admin/membership/invoices/${third.number}/cancellation`, { reason: 'Sent twice' })
    const [thirdRow] = await handle.db.select().from(invoices).where(eq(invoices.number, third.number))
    assert.equal(thirdRow?.creditNoteNumber, `CCNCR-${year - 1}-0001`)
  })

  it('answers an unknown or malformed invoice number with not found', async () => {
    for (const url of [
      `/admin/membership/invoices/CCN-${year}-9999`,
      '/admin/membership/invoices/not-a-number',
      '/admin/membership/invoices/CCN-2026-0001-extra',
      `/admin/membership/invoices/${'A'.repeat(200)}-2026-0001`,
      '/admin/membership/invoices/CCN-2026-9999.pdf',
      '/admin/membership/invoices/%00.pdf',
    ]) {
      assert.equal((await admin.get(url)).statusCode, 404, url)
    }
    for (const path of ['payment', 'cancellation']) {
      assert.equal((await admin.post(`/admin/membership/invoices/CCN-${year}-9999/${path}`, { reason: 'x' })).statusCode, 404, path)
      assert.equal((await admin.post(`/admin/membership/invoices/nonsense/${path}`, { reason: 'x' })).statusCode, 404, path)
    }
  })
})
