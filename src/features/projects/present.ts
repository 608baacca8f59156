// Projects as pages show them: statuses as GOV.UK tags in the page's language, money in pounds,
// days in London, reports' Markdown made safe. Templates get these, never rows.
import type { MilestoneStatus, ProjectStatus } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { dayText, pounds } from '../co-production/present.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'
import type { listProjects, ProjectRow, ReportRow } from './queries.ts'
import { nextReportDue } from './rules/closing.ts'
import { isOverBudget } from './rules/report-form.ts'

const milestoneTag: Record<MilestoneStatus, string> = {
  'not-started': 'govuk-tag--grey',
  'on-track': 'govuk-tag--blue',
  'at-risk': 'govuk-tag--orange',
  done: 'govuk-tag--green',
  dropped: 'govuk-tag--red',
}

export const projectStatusTag = (t: Translate, status: ProjectStatus) => ({
  text: t(`projects.status.${status}`),
  classes: status === 'closed' ? 'govuk-tag--grey' : 'govuk-tag--blue',
})

export const milestoneStatusTag = (t: Translate, status: MilestoneStatus) => ({ text: t(`projects.milestone.${status}`), classes: milestoneTag[status] })

const markdown = (text: string) => (text.trim() ? renderMarkdown(text) : '')

function presentReport(t: Translate, format: Formatter, project: ProjectRow, report: ReportRow) {
  const names = new Map(project.milestones.map((m) => [m.id, m.title]))
  return {
    id: report.id,
    kindText: t(`projects.report.kind.${report.kind}`),
    due: dayText(format, report.dueOn),
    submittedOn: format.date(report.submittedAt),
    whatHappenedHtml: markdown(report.whatHappened),
    outcomesHtml: markdown(report.outcomes),
    spend: report.spendToDatePence === null ? '' : pounds(report.spendToDatePence),
    overBudget: isOverBudget(report.spendToDatePence, project.budgetPence),
    milestones: report.milestoneStatuses.flatMap((s) =>
      names.has(s.milestoneId) ? [{ title: names.get(s.milestoneId)!, tag: milestoneStatusTag(t, s.status) }] : [],
    ),
  }
}

/** The project's page; `can` says what the person looking may do there. */
export function presentProject(
  t: Translate,
  format: Formatter,
  project: ProjectRow,
  can: { report: boolean; close: boolean; caseStudy: boolean },
  today = londonDate(new Date()),
) {
  const submitted = project.reports.filter((r) => r.submittedAt !== null).sort((a, b) => (a.dueOn < b.dueOn ? 1 : -1))
  const organisationLink = (slug: string | null, name: string) => ({ name, href: slug ? `/members/${slug}` : null })
  const caseStudy = project.caseStudy
  return {
    slug: project.slug,
    title: project.title,
    summary: project.summary,
    status: project.status,
    statusTag: projectStatusTag(t, project.status),
    lead: project.leadName ? organisationLink(project.leadSlug, project.leadName) : null,
    members: project.members.map((m) => organisationLink(m.slug, m.name)),
    partners: project.partners.map((p) => organisationLink(p.slug, p.name)),
    call: { title: project.callTitle, href: `/calls/${project.callSlug}`, year: project.callClosesOn.slice(0, 4) },
    budget: pounds(project.budgetPence),
    startsOn: dayText(format, project.startsOn),
    endsOn: dayText(format, project.endsOn),
    closedOn: format.date(project.closedAt),
    bidHref: project.bidPublic ? `/bids/${project.bidId}` : null,
    milestones: project.milestones.map((m) => ({ title: m.title, due: dayText(format, m.dueOn), tag: milestoneStatusTag(t, m.status) })),
    reports: submitted.map((r) => presentReport(t, format, project, r)),
    // The reports still owed, with the lead's links to write them.
    owed: can.report
      ? project.reports
          .filter((r) => r.submittedAt === null && project.status === 'underway')
          .map((r) => ({
            id: r.id,
            kindText: t(`projects.report.kind.${r.kind}`),
            due: dayText(format, r.dueOn),
            overdue: r.dueOn < today,
            started: r.revision > 1,
            href: `/projects/${project.slug}/reports/${r.id}/edit`,
          }))
      : [],
    caseStudy: caseStudy
      ? caseStudy.status === 'published'
        ? { title: caseStudy.title, href: `/case-studies/${caseStudy.slug}`, draft: false }
        : can.caseStudy
          ? { title: caseStudy.title, href: `/case-studies/${caseStudy.slug}/edit`, draft: true }
          : null
      : null,
    canClose: can.close && project.status === 'underway',
    finalSubmitted: project.reports.some((r) => r.kind === 'final' && r.submittedAt !== null),
    canTurnIntoCaseStudy: can.caseStudy && project.status === 'closed' && project.caseStudyId === null,
  }
}

type Listed = Awaited<ReturnType<typeof listProjects>>[number]

/** A row of the lists: the public one and the network's overview. */
export function presentListedProject(t: Translate, format: Formatter, project: Listed, today = londonDate(new Date())) {
  const latest = project.reports.filter((r) => r.submitted).at(-1) ?? null
  const next = project.status === 'underway' ? nextReportDue(project.reports) : null
  return {
    slug: project.slug,
    title: project.title,
    lead: project.leadName ?? '',
    call: project.callTitle,
    year: project.callClosesOn.slice(0, 4),
    statusTag: projectStatusTag(t, project.status),
    budget: pounds(project.budgetPence),
    spend: latest && latest.spendToDatePence !== null ? pounds(latest.spendToDatePence) : '',
    overBudget: isOverBudget(latest?.spendToDatePence ?? null, project.budgetPence),
    next: next ? { kindText: t(`projects.report.kind.${next.kind}`), due: dayText(format, next.dueOn), overdue: next.dueOn < today } : null,
  }
}
