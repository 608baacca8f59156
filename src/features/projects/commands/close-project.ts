import { eq } from 'drizzle-orm'
import { projectReports, projects } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { closeRefusal } from '../rules/closing.ts'

/** Closes a project whose final report is in; anything else is refused with the reason. */
export async function closeProject(tx: Transaction, actor: AuditActor, input: { projectId: number; now: Date }): Promise<Result<{ slug: string }>> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, input.projectId)).for('update')
  if (!project) return notFound()
  const reports = await tx
    .select({ kind: projectReports.kind, dueOn: projectReports.dueOn, submittedAt: projectReports.submittedAt })
    .from(projectReports)
    .where(eq(projectReports.projectId, project.id))
  const refusal = closeRefusal(
    project,
    reports.map((r) => ({ ...r, submitted: r.submittedAt !== null })),
  )
  if (refusal) return refused(refusal)
  await tx
    .update(projects)
    .set({ status: 'closed', closedAt: input.now, revision: project.revision + 1, updatedAt: nextUpdatedAt(project.updatedAt, input.now) })
    .where(eq(projects.id, project.id))
  await recordAudit(tx, actor, { action: 'project-closed', subjectType: 'project', subjectId: project.id, summary: `Closed the project ${project.title}` })
  return ok({ slug: project.slug })
}
