import { and, eq } from 'drizzle-orm'
import { eventMaterials, events } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { checkMaterial, type MaterialFile, type MaterialForm } from '../rules/materials.ts'

/** Adds a link or an uploaded file to what the event's page shows after it. */
export async function addMaterial(
  tx: Transaction,
  actor: AuditActor,
  input: { eventId: number; form: MaterialForm; file: MaterialFile | null },
): Promise<Result<{ id: number }>> {
  const checked = checkMaterial(input.form, input.file)
  if (!checked.ok) return invalid(checked.errors)
  const [event] = await tx.select({ id: events.id, title: events.title }).from(events).where(eq(events.id, input.eventId))
  if (!event) return notFound()
  const m = checked.value
  const [row] = await tx
    .insert(eventMaterials)
    .values({
      eventId: event.id,
      kind: m.kind,
      title: m.title,
      url: m.url,
      ...(m.file ? { fileName: m.file.fileName, contentType: m.file.contentType, content: m.file.bytes, fileBytes: m.file.bytes.length } : {}),
    })
    .returning({ id: eventMaterials.id })
  await recordAudit(tx, actor, {
    action: 'event-material-added',
    subjectType: 'event',
    subjectId: event.id,
    summary: `Added the ${m.kind} “${m.title}” to ${event.title}`,
    changes: m.file ? { file: m.file.fileName, bytes: m.file.bytes.length } : { url: m.url },
  })
  return ok({ id: row!.id })
}

export async function removeMaterial(tx: Transaction, actor: AuditActor, input: { eventId: number; materialId: number }): Promise<Result<{ id: number }>> {
  const [removed] = await tx
    .delete(eventMaterials)
    .where(and(eq(eventMaterials.id, input.materialId), eq(eventMaterials.eventId, input.eventId)))
    .returning({ id: eventMaterials.id, title: eventMaterials.title, url: eventMaterials.url, fileName: eventMaterials.fileName })
  if (!removed) return notFound()
  await recordAudit(tx, actor, {
    action: 'event-material-removed',
    subjectType: 'event',
    subjectId: input.eventId,
    summary: `Removed “${removed.title}”`,
    changes: removed.url ? { url: removed.url } : { file: removed.fileName },
  })
  return ok({ id: removed.id })
}
