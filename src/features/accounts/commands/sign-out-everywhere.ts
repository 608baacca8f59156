import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { auditActor, type Actor } from '../actor.ts'
import { closeEverySession } from '../sessions.ts'

/** Ends every session of the person, this one included: for a lost phone or a shared computer left signed in. */
export async function signOutEverywhere(tx: Transaction, actor: Actor): Promise<Result<{ ended: number }>> {
  const ended = await closeEverySession(tx, actor.id)
  await recordAudit(tx, auditActor(actor), {
    action: 'signed-out-everywhere',
    subjectType: 'user',
    subjectId: actor.id,
    summary: `Signed out everywhere (${ended} ${ended === 1 ? 'session' : 'sessions'} ended)`,
  })
  return ok({ ended })
}
