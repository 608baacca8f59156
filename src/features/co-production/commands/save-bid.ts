import { eq } from 'drizzle-orm'
import { bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { checkBidForm, type BidForm } from '../rules/bid-form.ts'
import { isBidEditable } from '../rules/deadlines.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { eligibilityUnderLock } from './bid-eligibility.ts'
import { replaceBidRows, keepBidVersion } from './bid-rows.ts'

export interface SaveBidInput {
  id: number
  /** The revision the form was opened on. */
  revision: string
  form: BidForm
  call: { principleIds: number[]; themes: string[] }
  now: Date
  locale: Locale
}

/**
 * Saves a bid (a draft, or a submitted bid revised before the close, which must still meet every
 * rule of its call) and keeps the version. The call is locked too, so that an administrator
 * closing it waits for this save or goes first.
 */
export async function saveBid(tx: Transaction, actor: AuditActor, input: SaveBidInput): Promise<Result<{ id: number; revision: number }>> {
  const checked = checkBidForm(input.form, input.call)
  if (!checked.ok) return invalid(checked.errors)
  const [current] = await tx.select().from(bids).where(eq(bids.id, input.id)).for('update')
  if (!current) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, current.callId)).for('share')
  if (!isBidEditable(call!, current, input.now)) return refused('bids.deadline.closed')
  if (String(current.revision) !== input.revision) return conflicted('bid')
  const draft = checked.value
  const revision = current.revision + 1
  await tx
    .update(bids)
    .set({
      title: draft.title,
      summary: draft.summary,
      problem: draft.problem,
      theme: draft.theme,
      sharing: draft.sharing,
      revision,
      updatedAt: nextUpdatedAt(current.updatedAt),
    })
    .where(eq(bids.id, current.id))
  await replaceBidRows(tx, current.id, draft)
  // A submitted bid stays submitted only while it meets every rule of the call: a revision that
  // breaks one (over the cap, a principle dropped) is refused, and rolled back, rather than saved.
  if (current.status === 'submitted') {
    const problems = await eligibilityUnderLock(tx, current.id, call!, input.locale)
    if (problems.length > 0) return invalid(problems)
  }
  await keepBidVersion(tx, actor, current.id, revision, 'saved', draft)
  await recordAudit(tx, actor, { action: 'bid-saved', subjectType: 'bid', subjectId: current.id, summary: `Saved the bid ${draft.title}` })
  return ok({ id: current.id, revision })
}
