import { and, eq, isNull } from 'drizzle-orm'
import { accountTokens, sessions, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { isSameVersion, nextUpdatedAt } from '../../../lib/row-version.ts'
import type { Actor } from '../actor.ts'
import { auditActor } from '../actor.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { resolveOrganisation, unknownOrganisationError } from './resolve-organisation.ts'
import { storedStatus, validateUserEdit, type UserEditInput } from '../account-edit-rules.ts'

export interface UpdateUserInput extends UserEditInput {
  id: number
  version: string
}

/**
 * An administrator's change to an account: name, role, organisation, enabled or disabled.
 * Disabling ends the person's sessions and voids their unused emailed links at once.
 */
export async function updateUser(tx: Transaction, actor: Actor, input: UpdateUserInput): Promise<Result<{ id: number }>> {
  const checked = validateUserEdit(input, { self: actor.id === input.id })
  if (!checked.ok) return invalid(checked.errors)
  const values = checked.value
  const [current] = await tx.select().from(users).where(eq(users.id, input.id)).for('update')
  if (!current) return notFound()
  if (!isSameVersion(current.updatedAt, input.version)) return conflicted('account')
  const organisationId = await resolveOrganisation(tx, values.organisation)
  if (organisationId === undefined) return invalid([unknownOrganisationError])
  const after = { name: values.name, role: values.role, organisationId, status: storedStatus(values.status, current.passwordHash !== null) }
  const changes = diffChanges(current, after)
  if (Object.keys(changes).length === 0) return ok({ id: current.id })

  await tx
    .update(users)
    .set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(users.id, current.id))
  if (after.status === 'disabled' && current.status !== 'disabled') {
    await tx.delete(sessions).where(eq(sessions.userId, current.id))
    await tx
      .update(accountTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(accountTokens.userId, current.id), isNull(accountTokens.usedAt)))
  }
  await recordAudit(tx, auditActor(actor), {
    action: after.status === 'disabled' && current.status !== 'disabled' ? 'user-disabled' : 'user-updated',
    subjectType: 'user',
    subjectId: current.id,
    summary: `Changed ${Object.keys(changes).join(', ')} of the account of ${current.email}`,
    changes,
  })
  return ok({ id: current.id })
}
