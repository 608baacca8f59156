import { eq } from 'drizzle-orm'
import { caseStudies, projects } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { createCaseStudy } from '../../case-studies/commands/create-case-study.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'
import { findOrganisationsNamed } from '../../organisations/queries.ts'
import { findProject } from '../queries.ts'
import { caseStudySnapshotFrom } from '../rules/case-study-draft.ts'

/**
 * Starts the case study of a closed project: a draft, owned by the lead, prefilled from the
 * project and its final report, which then goes through the editors' review like any other. A
 * project has one case study: a second request is refused (the page links to the first).
 */
export async function turnIntoCaseStudy(tx: Transaction, actor: AuditActor, input: { projectId: number }): Promise<Result<{ id: number; slug: string }>> {
  const [locked] = await tx.select().from(projects).where(eq(projects.id, input.projectId)).for('update')
  if (!locked) return notFound()
  if (locked.caseStudyId !== null) return refused('projects.caseStudy.exists')
  if (locked.status !== 'closed') return refused('projects.caseStudy.notClosed')
  const project = await findProject(tx, { id: locked.id })
  const final = project?.reports.find((r) => r.kind === 'final' && r.submittedAt !== null)
  if (!project || !final) return refused('projects.close.needsFinalReport')

  const named = (rows: Array<{ organisationId: number | null; name: string }>) =>
    rows.flatMap((r) => (r.organisationId === null ? [] : [{ id: r.organisationId, name: r.name }]))
  // A partner the lead named may be an organisation coophub knows after all: link it if so.
  const nameOnly = project.partners.filter((p) => p.organisationId === null).map((p) => p.name)
  const found = await findOrganisationsNamed(tx, nameOnly)
  const knownByName = found.filter((o) => o.id !== project.leadOrganisationId)
  const unknownNames = nameOnly.filter((n) => !found.some((o) => o.name.toLowerCase() === n.toLowerCase()))
  const snapshot = caseStudySnapshotFrom({
    title: project.title,
    summary: project.summary,
    callKind: project.callKind,
    startsOn: project.startsOn,
    endedOn: londonDate(project.closedAt ?? new Date()),
    theme: project.theme,
    lead: project.leadOrganisationId !== null ? { id: project.leadOrganisationId, name: project.leadName ?? '' } : null,
    members: named(project.members),
    partners: [...named(project.partners), ...knownByName],
    namedPartners: unknownNames,
    principles: project.principles,
    finalReport: { whatHappened: final.whatHappened, outcomes: final.outcomes },
  })
  const created = await createCaseStudy(tx, actor, { snapshot, ownerOrganisationId: project.leadOrganisationId })
  if (!created.ok) return created
  // The stage is the row's, not the revision's (the importer sets it the same way).
  await tx.update(caseStudies).set({ stage: 'completed' }).where(eq(caseStudies.id, created.value.id))
  await tx.update(projects).set({ caseStudyId: created.value.id }).where(eq(projects.id, project.id))
  await recordAudit(tx, actor, {
    action: 'project-case-study-started',
    subjectType: 'project',
    subjectId: project.id,
    summary: `Started the case study of ${project.title}`,
    changes: { caseStudy: created.value.slug },
  })
  return ok(created.value)
}
