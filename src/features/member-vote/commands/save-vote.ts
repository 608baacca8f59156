import { eq } from 'drizzle-orm'
import { calls, votes } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { decidesByVote, type VoteRow } from '../queries.ts'
import { checkVoteForm, type VoteForm } from '../rules/vote-settings.ts'

/**
 * Sets up a call's vote, or changes it while it is still a draft. The form carries the revision
 * it was opened on ('' for a new vote): a save over someone else's newer one is refused, with
 * theirs to compare.
 */
export async function saveVote(tx: Transaction, actor: AuditActor, input: { callId: number; form: VoteForm }): Promise<Result<{ id: number }, VoteRow>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  if (!call) return notFound()
  if (!decidesByVote(call)) return refused('memberVote.refused.notVoteCall')
  const checked = checkVoteForm(input.form, { potPence: call.potPence })
  const [current] = await tx.select().from(votes).where(eq(votes.callId, call.id)).for('update')
  if (current && String(current.revision) !== input.form.revision) return conflicted('vote', current)
  if (!current && input.form.revision !== '') return notFound()
  if (current && current.status !== 'draft') return refused('memberVote.refused.notDraft')
  if (!checked.ok) return invalid(checked.errors)
  const { electorate, ...settings } = checked.value
  if (current) {
    await tx
      .update(votes)
      .set({ ...settings, electorate, revision: current.revision + 1, updatedAt: nextUpdatedAt(current.updatedAt) })
      .where(eq(votes.id, current.id))
  }
  const id = current
    ? current.id
    : (
        await tx
          .insert(votes)
          .values({ callId: call.id, ...settings, electorate })
          .returning({ id: votes.id })
      )[0]!.id
  await recordAudit(tx, actor, {
    action: current ? 'vote-updated' : 'vote-created',
    subjectType: 'vote',
    subjectId: id,
    summary: `${current ? 'Changed' : 'Set up'} the member vote of the call ${call.title}`,
  })
  return ok({ id })
}
