// An issued invoice for route tests: an organisation, its approved membership and the invoice,
// numbered by the real command (so numbers and sequences are as the app makes them).
import type { Config } from '../src/config.ts'
import type { Database } from '../src/db/client.ts'
import type { InvoiceKind } from '../src/db/schema/enums.ts'
import { membershipEvents, memberships } from '../src/db/schema/index.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { ok } from '../src/lib/result.ts'
import { issueInvoice } from '../src/features/membership/commands/issue-invoice.ts'
import { buildOrganisation } from './factories.ts'

export interface InvoiceOverrides {
  organisation?: string
  issuedOn?: string
  year?: number
  kind?: InvoiceKind
  poNumber?: string | null
  lines?: Array<{ description: string; amountPence: number }>
}

/**
 * The network's details printed on the invoice. The defaults of the config are English
 * placeholders ("Address to be set"), which would show as English on a Welsh page.
 */
export const issuerAddress = '1 Stryd y Ŵyl\nCaerdydd'
export const issuerPaymentDetails = 'Cod didoli 12-34-56\nCyfrif 12345678'

let sequence = 0

export async function buildInvoice(db: Database, config: Config, over: InvoiceOverrides = {}) {
  const name = over.organisation ?? `Invoiced Council ${++sequence}`
  const organisation = await buildOrganisation(db, { name, slug: `invoiced-${Date.now()}-${++sequence}` })
  const issuedOn = over.issuedOn ?? '2026-09-01'
  const result = await inTransaction(db, async (tx) => {
    const [membership] = await tx
      .insert(memberships)
      .values({ organisationId: organisation.id, tier: 'full', status: 'approved', appliedOn: issuedOn, decidedOn: issuedOn })
      .returning()
    await tx.insert(membershipEvents).values({
      membershipId: membership!.id,
      fromStatus: 'applied',
      toStatus: 'approved',
      reason: 'Application approved',
      actorLabel: 'test',
      onDate: issuedOn,
    })
    const invoice = await issueInvoice(
      tx,
      { name: config.networkName, settings: { ...config.membership, invoiceAddress: issuerAddress, invoicePaymentDetails: issuerPaymentDetails } },
      {
        membershipId: membership!.id,
        kind: over.kind ?? 'joining',
        year: over.year ?? 2026,
        issuedOn,
        lines: over.lines ?? [{ description: 'Full member subscription for 2026/27', amountPence: 125_000 }],
        poNumber: over.poNumber === undefined ? 'PO-4471' : over.poNumber,
        feeScheduleId: null,
        billedTo: { organisation: name, contact: 'Alex Finance', email: 'finance@example.org' },
      },
    )
    return ok({ ...invoice, membershipId: membership!.id, organisationId: organisation.id })
  })
  if (!result.ok) throw new Error('Could not issue the test invoice')
  return result.value
}
