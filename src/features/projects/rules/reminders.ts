// Which reminders the daily job sends about the reports leads owe. Days are 'YYYY-MM-DD' in London.
import type { ProjectReminderKind } from '../../../db/schema/enums.ts'
import { addDays, type IsoDate } from '../../membership/rules/subscription-year.ts'

/** "Report due soon" goes this many days before the due day. */
export const dueSoonDays = 14

export interface OwedReport {
  id: number
  dueOn: IsoDate
  submitted: boolean
  /** The reminders already sent about it (project_reminders). */
  sent: readonly ProjectReminderKind[]
}

export interface ReminderDue {
  reportId: number
  kind: ProjectReminderKind
}

/**
 * For each report not yet submitted: "due soon" from `daysBefore` days before its due day up to
 * that day, and "overdue" from the day after it; each once. A job that missed the "due soon"
 * window (the site was down, or the project started late) sends only what is still true: once a
 * report is overdue, being told it is due soon would mislead.
 */
export function remindersDue(today: IsoDate, reports: readonly OwedReport[], daysBefore = dueSoonDays): ReminderDue[] {
  const due: ReminderDue[] = []
  for (const report of reports) {
    if (report.submitted) continue
    if (today > report.dueOn) {
      if (!report.sent.includes('report-overdue')) due.push({ reportId: report.id, kind: 'report-overdue' })
    } else if (today >= addDays(report.dueOn, -daysBefore) && !report.sent.includes('report-due-soon')) {
      due.push({ reportId: report.id, kind: 'report-due-soon' })
    }
  }
  return due
}
