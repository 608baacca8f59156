import { and, eq } from 'drizzle-orm'
import { projectMilestones, projectReports, projects } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Failure, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { isLatestReport, isReportEditable } from '../rules/closing.ts'
import { checkReport, type ReportFormValues } from '../rules/report-form.ts'

/** Someone saved the report since this form was opened: nothing was written. */
const staleReport = (): Failure<never> => ({ ok: false, reason: 'conflict', errors: [{ field: 'conflict', message: 'projects.report.conflict' }] })

/**
 * Saves a report as a draft or submits it. A submitted report is kept as it was (read-only), and
 * the project's milestones take its statuses when it is the latest report the project has. The
 * form carries the revision it was opened on: a save over a newer one is refused, not merged.
 */
export async function saveReport(
  tx: Transaction,
  actor: AuditActor,
  input: { projectId: number; reportId: number; values: ReportFormValues; submit: boolean; now: Date },
): Promise<Result<{ submitted: boolean }>> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, input.projectId)).for('share')
  if (!project) return notFound()
  const [report] = await tx
    .select()
    .from(projectReports)
    .where(and(eq(projectReports.id, input.reportId), eq(projectReports.projectId, project.id)))
    .for('update')
  if (!report) return notFound()
  if (!isReportEditable(project, { submitted: report.submittedAt !== null })) return refused('projects.report.readOnly')
  if (String(report.revision) !== input.values.revision) return staleReport()

  const milestones = await tx.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.projectId, project.id))
  const checked = checkReport(input.values, { kind: report.kind, milestoneIds: milestones.map((m) => m.id) }, input.submit)
  if (!checked.ok) return invalid(checked.errors)
  const content = checked.value

  await tx
    .update(projectReports)
    .set({
      whatHappened: content.whatHappened,
      outcomes: content.outcomes,
      spendToDatePence: content.spendToDatePence,
      milestoneStatuses: content.milestoneStatuses,
      revision: report.revision + 1,
      updatedAt: nextUpdatedAt(report.updatedAt, input.now),
      ...(input.submit ? { submittedAt: input.now, submittedByUserId: actor.id } : {}),
    })
    .where(eq(projectReports.id, report.id))

  if (input.submit) {
    const others = await tx
      .select({ kind: projectReports.kind, dueOn: projectReports.dueOn, submittedAt: projectReports.submittedAt })
      .from(projectReports)
      .where(eq(projectReports.projectId, project.id))
    if (
      isLatestReport(
        report,
        others.map((o) => ({ ...o, submitted: o.submittedAt !== null })),
      )
    ) {
      for (const { milestoneId, status } of content.milestoneStatuses) {
        await tx
          .update(projectMilestones)
          .set({ status })
          .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, project.id)))
      }
    }
    await tx
      .update(projects)
      .set({ updatedAt: nextUpdatedAt(project.updatedAt, input.now) })
      .where(eq(projects.id, project.id))
  }
  await recordAudit(tx, actor, {
    action: input.submit ? 'project-report-submitted' : 'project-report-saved',
    subjectType: 'project',
    subjectId: project.id,
    summary: `${input.submit ? 'Submitted' : 'Saved'} the ${report.kind} report due ${report.dueOn} of ${project.title}`,
  })
  return ok({ submitted: input.submit })
}
