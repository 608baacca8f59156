import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { accountTokens, sessions, users } from '../../../db/schema/index.ts'
import { NotFoundError } from '../../../errors.ts'
import { conflictError, type CommandResult } from '../../../lib/command-result.ts'
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
export async function updateUser(db: Database, actor: Actor, input: UpdateUserInput): Promise<CommandResult<{ id: number }>> {
  const checked = validateUserEdit(input, { self: actor.id === input.id })
  if (!checked.ok) return checked
  const values = checked.value
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.id)).for('update')
    if (!current) throw new NotFoundError()
    if (!isSameVersion(current.updatedAt, input.version)) return { ok: false as const, errors: [conflictError('account')], conflict: true }
    const organisationId = await resolveOrganisation(tx, values.organisation)
    if (organisationId === undefined) return { ok: false as const, errors: [unknownOrganisationError] }
    const after = { name: values.name, role: values.role, organisationId, status: storedStatus(values.status, current.passwordHash !== null) }
    const changes = diffChanges(current, after)
    if (Object.keys(changes).length === 0) return { ok: true as const, value: { id: current.id } }

    await tx.update(users).set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) }).where(eq(users.id, current.id))
    if (after.status === 'disabled' && current.status !== 'disabled') {
      await tx.delete(sessions).where(eq(sessions.userId, current.id))
      await tx.update(accountTokens).set({ usedAt: new Date() }).where(and(eq(accountTokens.userId, current.id), isNull(accountTokens.usedAt)))
    }
    await recordAudit(tx, auditActor(actor), {
      action: after.status === 'disabled' && current.status !== 'disabled' ? 'user-disabled' : 'user-updated',
      subjectType: 'user',
      subjectId: current.id,
      summary: `Changed ${Object.keys(changes).join(', ')} of the account of ${current.email}`,
      changes,
    })
    return { ok: true as const, value: { id: current.id } }
  })
}
