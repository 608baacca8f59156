import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { parseId } from '../../web/address-numbers.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { dayText, pounds } from '../co-production/present.ts'
import { milestoneStatuses, type MilestoneStatus } from '../../db/schema/enums.ts'
import { saveReport } from './commands/save-report.ts'
import { canReportOnProject } from './policy.ts'
import { milestoneStatusTag } from './present.ts'
import { findProject, type ProjectRow, type ReportRow } from './queries.ts'
import { isReportEditable } from './rules/closing.ts'
import { isMilestoneStatus, isOverBudget, maxReportText, type ReportFormValues } from './rules/report-form.ts'
import { formatPounds } from '../membership/rules/money.ts'
import { renderMarkdown } from '../../web/markdown.ts'

/** The form as stored: what a draft said so far. */
function formOf(project: ProjectRow, report: ReportRow): ReportFormValues {
  const chosen = new Map(report.milestoneStatuses.map((s) => [s.milestoneId, s.status]))
  return {
    revision: String(report.revision),
    whatHappened: report.whatHappened,
    outcomes: report.outcomes,
    spend: report.spendToDatePence === null ? '' : formatPounds(report.spendToDatePence),
    milestones: Object.fromEntries(project.milestones.map((m) => [String(m.id), chosen.get(m.id) ?? ''])),
  }
}

function readForm(body: unknown, project: ProjectRow): ReportFormValues & { action: string } {
  const form = asForm(body)
  return {
    action: text(form, 'action', 20),
    revision: text(form, 'revision', 20),
    // One more than is kept, so that a text too long is told, not cut.
    whatHappened: text(form, 'whatHappened', maxReportText + 1),
    outcomes: text(form, 'outcomes', maxReportText + 1),
    spend: text(form, 'spend', 40),
    milestones: Object.fromEntries(project.milestones.map((m) => [String(m.id), text(form, `milestone-${m.id}`, 20)])),
  }
}

/** The lead's officers write a project's reports: saved as drafts, then submitted, after which they are read-only. */
export async function projectReportRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  async function reportOf(request: Parameters<typeof requireUser>[0], slug: string, rawId: string) {
    const actor = requireUser(request)
    if (!isSlug(slug)) throw new NotFoundError()
    const project = await findProject(db, { slug })
    const report = project?.reports.find((r) => r.id === parseId(rawId))
    if (!project || !report) throw new NotFoundError()
    authorize(canReportOnProject(actor, project))
    return { actor, project, report }
  }

  function render(reply: FastifyReply, project: ProjectRow, report: ReportRow, values: ReportFormValues, errors: FieldError[] = [], conflict = false) {
    const { t, format, locale } = reply.request
    const query = reply.request.query as Record<string, unknown>
    const editable = isReportEditable(project, { submitted: report.submittedAt !== null })
    const spent = report.spendToDatePence
    return reply.code(errors.length ? 400 : 200).render('projects/views/report.njk', {
      title: t('projects.report.title', { kind: report.kind, project: project.title }),
      section: 'projects',
      breadcrumbs: [
        { text: t('projects.index.title'), href: '/projects' },
        { text: project.title, href: `/projects/${project.slug}` },
      ],
      pageError: errors.length > 0,
      banner: query?.saved === '1' && errors.length === 0 ? t('projects.report.saved') : null,
      project: { slug: project.slug, title: project.title, budget: pounds(project.budgetPence) },
      report: {
        id: report.id,
        kind: report.kind,
        kindText: t(`projects.report.kind.${report.kind}`),
        due: dayText(format, report.dueOn),
        submittedOn: format.date(report.submittedAt),
        submitted: report.submittedAt !== null,
        overBudget: isOverBudget(spent, project.budgetPence),
        spend: spent === null ? '' : pounds(spent),
        whatHappenedHtml: report.whatHappened.trim() ? renderMarkdown(report.whatHappened) : '',
        outcomesHtml: report.outcomes.trim() ? renderMarkdown(report.outcomes) : '',
      },
      editable,
      conflict,
      values,
      milestones: project.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        due: dayText(format, m.dueOn),
        tag: milestoneStatusTag(t, m.status),
        chosen: isMilestoneStatus(values.milestones[String(m.id)] ?? '') ? milestoneStatusTag(t, values.milestones[String(m.id)] as MilestoneStatus) : null,
        items: milestoneStatuses.map((s) => ({ value: s, text: t(`projects.milestone.${s}`), checked: values.milestones[String(m.id)] === s })),
      })),
      contentLang: locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { slug: string; id: string } }>('/projects/:slug/reports/:id/edit', async (request, reply) => {
    const { project, report } = await reportOf(request, request.params.slug, request.params.id)
    return render(reply, project, report, formOf(project, report))
  })

  app.post<{ Params: { slug: string; id: string } }>('/projects/:slug/reports/:id/edit', async (request, reply) => {
    const { actor, project, report } = await reportOf(request, request.params.slug, request.params.id)
    const values = readForm(request.body, project)
    const submit = values.action === 'submit'
    const result = await inTransaction(db, (tx) =>
      saveReport(tx, auditActor(actor), { projectId: project.id, reportId: report.id, values, submit, now: new Date() }),
    )
    if (result.ok) {
      return reply.redirect(
        submit ? `/projects/${project.slug}?submitted=1#report-${report.id}` : `/projects/${project.slug}/reports/${report.id}/edit?saved=1`,
        303,
      )
    }
    if (result.reason === 'not-found') throw new NotFoundError()
    const current = await findProject(db, { id: project.id })
    const now = current?.reports.find((r) => r.id === report.id) ?? report
    // After a conflict the form carries the newer revision: saving again keeps what this person typed.
    const shown = result.reason === 'conflict' ? { ...values, revision: String(now.revision) } : values
    return render(
      reply,
      current ?? project,
      now,
      result.reason === 'refused' ? formOf(current ?? project, now) : shown,
      result.errors,
      result.reason === 'conflict',
    )
  })
}
