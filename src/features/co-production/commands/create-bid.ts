import { bids } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, refused, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { CallRow } from '../queries.ts'
import { submissionRefusal } from '../rules/deadlines.ts'
import { keepBidVersion } from './bid-rows.ts'

/** Starts a draft bid to an open call, led by the officer's own organisation. */
export async function createBid(tx: Transaction, actor: Actor, input: { call: CallRow; title: string; now: Date }): Promise<Result<{ id: number }>> {
  const refusal = submissionRefusal(input.call, input.now)
  if (refusal) return refused(refusal)
  const title = input.title.trim()
  if (title === '') return invalid([{ field: 'title', message: 'bids.errors.titleRequired' }])
  if (title.length > 200) return invalid([{ field: 'title', message: 'bids.errors.titleTooLong', values: { max: 200 } }])
  const [row] = await tx
    .insert(bids)
    .values({ callId: input.call.id, leadOrganisationId: actor.organisationId, createdByUserId: actor.id, title })
    .returning({ id: bids.id })
  const who = auditActor(actor)
  await keepBidVersion(tx, who, row!.id, 1, 'created', {
    title,
    summary: '',
    problem: '',
    theme: null,
    sharing: '',
    differences: [],
    milestones: [],
    budgetLines: [],
  })
  await recordAudit(tx, who, { action: 'bid-created', subjectType: 'bid', subjectId: row!.id, summary: `Started the bid ${title} to ${input.call.title}` })
  return ok({ id: row!.id })
}
