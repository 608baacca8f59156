// When a project may be closed, and which report its milestones follow. Pure.
import type { ProjectReportKind, ProjectStatus } from '../../../db/schema/enums.ts'
import type { IsoDate } from '../../membership/rules/subscription-year.ts'

interface ReportState {
  kind: ProjectReportKind
  dueOn: IsoDate
  submitted: boolean
}

/** Why a project cannot be closed (a catalogue key), or null when it can: closing asks for the final report. */
export function closeRefusal(project: { status: ProjectStatus }, reports: readonly ReportState[]): string | null {
  if (project.status === 'closed') return 'projects.close.alreadyClosed'
  if (!reports.some((r) => r.kind === 'final' && r.submitted)) return 'projects.close.needsFinalReport'
  return null
}

/** A report is written until it is submitted, and only while its project is underway. */
export const isReportEditable = (project: { status: ProjectStatus }, report: { submitted: boolean }): boolean =>
  project.status === 'underway' && !report.submitted

/**
 * Whether a report being submitted is now the latest the project has (by the period it covers):
 * only then do the project's milestones take its statuses. A late report for an earlier period
 * does not undo what a later one said.
 */
export function isLatestReport(report: { dueOn: IsoDate }, others: readonly ReportState[]): boolean {
  return !others.some((o) => o.submitted && o.dueOn > report.dueOn)
}

/** The report owed next: the earliest not yet submitted. */
export function nextReportDue<T extends ReportState>(reports: readonly T[]): T | null {
  return [...reports].filter((r) => !r.submitted).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0] ?? null
}
