import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'

/** Puts the working copy in the editors' review queue. Completeness is checked by the form first. */
export async function submitCaseStudy(db: Database, actor: AuditActor, input: { caseStudyId: number; revision: number }): Promise<{ ok: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
    if (!row || row.revision !== input.revision) return { ok: false }
    await tx.update(caseStudies).set({ reviewState: 'submitted', submittedAt: new Date() }).where(eq(caseStudies.id, row.id))
    await recordAudit(tx, actor, { action: 'case-study-submitted', subjectType: 'case-study', subjectId: row.id, summary: `Submitted revision ${row.revision} of “${row.title}” for review` })
    return { ok: true }
  })
}
