import { and, eq, or, sql } from 'drizzle-orm'
import { accountTokens, auditEvents, emails, eventRegistrations, sessions, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { erasedEmail, erasedName, isErasedEmail, nameReplaceable } from '../rules.ts'
import { actorLabelColumns, userReferences } from '../sources.ts'

/**
 * Erasure on request: the account stays (case studies, revisions, comments and bids keep an
 * author), but under a neutral name, with no email address, no password, no sessions and no
 * links; the emails sent to it are deleted, its event registrations no longer name it, and the
 * audit log's mentions of its address and name are replaced by the neutral name. The account can no longer sign in. Recorded in the audit log.
 */
export async function erasePerson(tx: Transaction, actor: AuditActor, input: { userId: number }): Promise<Result<{ name: string }>> {
  const [account] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update')
  if (!account) return notFound()
  if (isErasedEmail(account.email)) return refused('personalData.erase.errorAlreadyErased')
  if (actor.id === account.id) return refused('personalData.erase.errorSelf')
  const name = erasedName(account.id)

  await tx
    .update(users)
    .set({ name, email: erasedEmail(account.id), passwordHash: null, status: 'disabled', lastSignInAt: null, updatedAt: new Date() })
    .where(eq(users.id, account.id))
  await tx.delete(sessions).where(eq(sessions.userId, account.id))
  await tx.delete(accountTokens).where(eq(accountTokens.userId, account.id))
  await tx.delete(emails).where(eq(emails.toAddress, account.email))
  // Registrations for events, signed in or with the same address, keep their place in the counts
  // (attended, confirmed) but no longer say who: name, address, role, needs and links go.
  await tx
    .update(eventRegistrations)
    .set({
      name,
      email: erasedEmail(account.id),
      jobRole: '',
      accessNeeds: null,
      dietaryNeeds: null,
      needsErasedAt: new Date(),
      manageTokenHash: null,
      manageTokenExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(or(eq(eventRegistrations.userId, account.id), eq(sql`lower(${eventRegistrations.email})`, account.email.toLowerCase())))

  // Who-did-it labels elsewhere (a revision's author, a fee schedule's importer) held the address.
  const references = userReferences()
  for (const { table, column, key, tableName } of actorLabelColumns()) {
    if (tableName === 'audit_events') continue // below, with its summaries
    const linked = references.filter((r) => r.table === table).map((r) => eq(r.column, account.id))
    await tx
      .update(table)
      .set({ [key]: name } as never)
      .where(or(eq(column, account.email), ...linked))
  }

  // The audit log keeps what happened, but says it of the neutral name.
  const mentions = [account.email, ...(nameReplaceable(account.name) ? [account.name] : [])]
  let summary = sql`${auditEvents.summary}`
  let changes = sql`${auditEvents.changes}::text`
  for (const mention of mentions) {
    summary = sql`replace(${summary}, ${mention}, ${name})`
    changes = sql`replace(${changes}, ${mention}, ${name})`
  }
  await tx
    .update(auditEvents)
    .set({
      actorLabel: sql`CASE WHEN ${auditEvents.actorUserId} = ${account.id} OR ${auditEvents.actorLabel} = ${account.email} THEN ${name} ELSE ${auditEvents.actorLabel} END`,
      summary,
      changes: sql`(${changes})::jsonb`,
    })
    .where(
      or(
        eq(auditEvents.actorUserId, account.id),
        and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, String(account.id))),
        ...mentions.map((m) => sql`strpos(${auditEvents.summary}, ${m}) > 0 OR strpos(coalesce(${auditEvents.changes}::text, ''), ${m}) > 0`),
        eq(auditEvents.actorLabel, account.email),
      ),
    )

  await recordAudit(tx, actor, {
    action: 'personal-data-erased',
    subjectType: 'user',
    subjectId: account.id,
    summary: `Erased the personal data of account ${account.id}: now “${name}”, sessions ended, sign-in disabled`,
  })
  return ok({ name })
}
