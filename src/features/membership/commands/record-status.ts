import { and, eq, sql } from 'drizzle-orm'
import { membershipEvents, memberships, organisations } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { translator } from '../../../i18n/catalogue.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { StatusChange } from '../rules/status.ts'

const english = translator('en')

/**
 * Records a change of status worked out by the rules, only if the status is still the one it was
 * worked out from: when two instances run the daily job at once, one records it and the other
 * finds nothing to do. A lapse takes the organisation out of the members' directory (it stays as
 * a former member); paying late brings it back.
 */
export async function recordStatus(tx: Transaction, actor: AuditActor, membershipId: number, change: StatusChange): Promise<boolean> {
  const becameMember = change.to === 'current'
  const updated = await tx
    .update(memberships)
    .set({
      status: change.to,
      ...(becameMember ? { memberSince: sql`coalesce(${memberships.memberSince}, ${change.on}::date)` } : {}),
    })
    .where(and(eq(memberships.id, membershipId), change.from === null ? sql`true` : eq(memberships.status, change.from)))
    .returning({ organisationId: memberships.organisationId, tier: memberships.tier })
  const row = updated[0]
  if (!row) return false
  await tx.insert(membershipEvents).values({
    membershipId,
    fromStatus: change.from,
    toStatus: change.to,
    reason: english(change.reason.key, change.reason.values),
    actorUserId: actor.id,
    actorLabel: actor.label,
    onDate: change.on,
  })
  if (change.to === 'lapsed')
    await tx
      .update(organisations)
      .set({ tier: 'none', updatedAt: sql`now()` })
      .where(eq(organisations.id, row.organisationId))
  if (change.from === 'lapsed')
    await tx
      .update(organisations)
      .set({ tier: row.tier, updatedAt: sql`now()` })
      .where(eq(organisations.id, row.organisationId))
  return true
}
