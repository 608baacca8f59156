import { eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { applySnapshot } from '../../case-studies/commands/apply-snapshot.ts'
import { latestSnapshot } from '../../case-studies/revisions.ts'
import { canDo } from '../rules.ts'

export type ReviewResult = { ok: true } | { ok: false; reason: string }

/** Makes the latest revision the public version. `revision` is the one the editor reviewed. */
export async function publishCaseStudy(db: Database, actor: AuditActor, input: { caseStudyId: number; revision: number }): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
    if (!row) return { ok: false as const, reason: 'not found' }
    if (row.revision !== input.revision) {
      return { ok: false as const, reason: 'It was changed while you were reviewing it. Review the latest version before publishing.' }
    }
    if (!canDo('publish', row)) return { ok: false as const, reason: 'There is nothing new to publish.' }
    const snapshot = await latestSnapshot(tx, row.id, row.revision)
    if (!snapshot) return { ok: false as const, reason: 'not found' }
    await applySnapshot(tx, row.id, snapshot)
    await tx
      .update(caseStudies)
      .set({ status: 'published', publishedRevision: row.revision, reviewState: 'none', submittedAt: null, publishedAt: sql`coalesce(${caseStudies.publishedAt}, now())` })
      .where(eq(caseStudies.id, row.id))
    await recordAudit(tx, actor, { action: 'case-study-published', subjectType: 'case-study', subjectId: row.id, summary: `Published revision ${row.revision} of “${snapshot.title}”` })
    return { ok: true as const }
  })
}
