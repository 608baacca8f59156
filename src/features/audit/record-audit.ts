import type { Executor } from '../../db/client.ts'
import { auditEvents } from '../../db/schema/index.ts'

/** Who did something, as the log keeps it: an account's id and a label that outlives it. */
export type AuditActor = { id: number | null; label: string }

/** For writes done outside a web request (the command line, imports). */
export const commandLineActor: AuditActor = { id: null, label: 'command line' }

export interface AuditEntry {
  action: string
  subjectType: string
  subjectId?: string | number | null
  summary: string
  changes?: unknown
}

/** Records a write inside the transaction that made it, so the log never misses or invents one. */
export async function recordAudit(tx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    summary: entry.summary,
    changes: entry.changes ?? null,
  })
}
