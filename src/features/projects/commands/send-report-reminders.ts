import { and, eq, inArray, isNull, lte } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { projectReminders, projectReports, projects } from '../../../db/schema/index.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { ok } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { bidLeadRecipients } from '../../co-production/commands/bid-recipients.ts'
import { queueEmail } from '../../email/outbox.ts'
import { addDays, type IsoDate } from '../../membership/rules/subscription-year.ts'
import { dueSoonDays, remindersDue } from '../rules/reminders.ts'

export interface ReminderRun {
  today: IsoDate
  baseUrl: string
  network: string
  actor: AuditActor
}

export interface ReminderSummary {
  date: IsoDate
  /** Reminders recorded (one per report and kind, ever). */
  sent: number
  emailIds: number[]
}

/**
 * The daily job: "report due soon" and "report overdue" to the lead's active officers, in each
 * one's language, through the outbox. The reminder's row (primary key: report and kind) is
 * written in the same transaction as its emails, so a job run twice, or on two instances at
 * once, sends each reminder once.
 */
export async function sendReportReminders(db: Database, run: ReminderRun): Promise<ReminderSummary> {
  const owed = await db
    .select({
      id: projectReports.id,
      kind: projectReports.kind,
      dueOn: projectReports.dueOn,
      projectTitle: projects.title,
      projectSlug: projects.slug,
      bidId: projects.bidId,
    })
    .from(projectReports)
    .innerJoin(projects, eq(projects.id, projectReports.projectId))
    .where(and(eq(projects.status, 'underway'), isNull(projectReports.submittedAt), lte(projectReports.dueOn, addDays(run.today, dueSoonDays))))
  const sent =
    owed.length === 0
      ? []
      : await db
          .select()
          .from(projectReminders)
          .where(
            inArray(
              projectReminders.reportId,
              owed.map((r) => r.id),
            ),
          )
  const due = remindersDue(
    run.today,
    owed.map((r) => ({ id: r.id, dueOn: r.dueOn, submitted: false, sent: sent.filter((s) => s.reportId === r.id).map((s) => s.kind) })),
  )
  const summary: ReminderSummary = { date: run.today, sent: 0, emailIds: [] }
  const { reminderEmail } = await import('../reminder-email.ts')
  for (const reminder of due) {
    const report = owed.find((r) => r.id === reminder.reportId)!
    const result = await inTransaction(db, async (tx) => {
      const claimed = await tx.insert(projectReminders).values({ reportId: report.id, kind: reminder.kind }).onConflictDoNothing().returning()
      // Another run got there first.
      if (claimed.length === 0) return ok(null)
      const ids: number[] = []
      const link = `${run.baseUrl}/projects/${report.projectSlug}/reports/${report.id}/edit`
      for (const recipient of await bidLeadRecipients(tx, report.bidId)) {
        const words = reminderEmail(recipient.language, {
          kind: reminder.kind,
          name: recipient.name,
          network: run.network,
          project: report.projectTitle,
          report: report.kind,
          dueOn: report.dueOn,
          link,
        })
        ids.push(await queueEmail(tx, { to: recipient.email, ...words }))
      }
      await recordAudit(tx, run.actor, {
        action: 'project-reminder-sent',
        subjectType: 'project-report',
        subjectId: report.id,
        summary: `Sent “${reminder.kind}” about the ${report.kind} report due ${report.dueOn} of ${report.projectTitle} (${ids.length} emails)`,
      })
      return ok(ids as number[] | null)
    })
    if (result.ok && result.value !== null) {
      summary.sent += 1
      summary.emailIds.push(...result.value)
    }
  }
  return summary
}

/** The actor of the scheduled job, in the audit log. */
export const reminderJobActor: AuditActor = { id: null, label: 'daily project reminders' }
