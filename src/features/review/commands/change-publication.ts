import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { canDo } from '../rules.ts'
import type { ReviewResult } from './publish-case-study.ts'

/** Takes a case study off the public site (back to draft), or archives it. Nothing is deleted. */
export async function changePublication(db: Database, actor: AuditActor, input: { caseStudyId: number; to: 'unpublish' | 'archive' }): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
    if (!row) return { ok: false as const, reason: 'not found' }
    if (!canDo(input.to, row)) return { ok: false as const, reason: input.to === 'archive' ? 'It is already archived.' : 'It is not published.' }
    await tx
      .update(caseStudies)
      .set(input.to === 'archive' ? { status: 'archived', publishedRevision: null, reviewState: 'none', submittedAt: null } : { status: 'draft', publishedRevision: null })
      .where(eq(caseStudies.id, row.id))
    await recordAudit(tx, actor, {
      action: input.to === 'archive' ? 'case-study-archived' : 'case-study-unpublished',
      subjectType: 'case-study',
      subjectId: row.id,
      summary: `${input.to === 'archive' ? 'Archived' : 'Unpublished'} “${row.title}”`,
    })
    return { ok: true as const }
  })
}
