import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  bidDecisions,
  bidParticipants,
  bidPrinciples,
  bids,
  calls,
  caseStudies,
  organisations,
  principles,
  projectMilestones,
  projectReports,
  projects,
} from '../../db/schema/index.ts'
import type { MilestoneStatus } from '../../db/schema/enums.ts'

/** Projects that an organisation leads and that are still underway: the one-at-a-time rule counts these. */
export async function countLedProjectsUnderway(db: Executor, organisationId: number | null): Promise<number> {
  if (organisationId === null) return 0
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.leadOrganisationId, organisationId), eq(projects.status, 'underway')))
  return row?.n ?? 0
}

const projectColumns = {
  id: projects.id,
  slug: projects.slug,
  title: projects.title,
  summary: projects.summary,
  bidId: projects.bidId,
  leadOrganisationId: projects.leadOrganisationId,
  budgetPence: projects.budgetPence,
  startsOn: projects.startsOn,
  endsOn: projects.endsOn,
  status: projects.status,
  closedAt: projects.closedAt,
  caseStudyId: projects.caseStudyId,
  revision: projects.revision,
  callId: calls.id,
  callSlug: calls.slug,
  callTitle: calls.title,
  callKind: calls.kind,
  callClosesOn: calls.closesOn,
  leadName: organisations.name,
  leadSlug: organisations.slug,
}

export type ReportRow = typeof projectReports.$inferSelect & { milestoneStatuses: Array<{ milestoneId: number; status: MilestoneStatus }> }

/** A project with its call, lead, working group, milestones, every report owed, and its case study. */
export async function findProject(db: Executor, where: { slug: string } | { id: number }) {
  const [project] = await db
    .select(projectColumns)
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(organisations, eq(organisations.id, projects.leadOrganisationId))
    .where('slug' in where ? eq(projects.slug, where.slug) : eq(projects.id, where.id))
  if (!project) return null
  // One query after another: this also runs inside transactions, whose one connection takes one query at a time.
  const group = await db
    .select({
      organisationId: bidParticipants.organisationId,
      name: sql<string>`coalesce(${organisations.name}, ${bidParticipants.name})`,
      slug: organisations.slug,
      role: bidParticipants.role,
      acceptedAt: bidParticipants.acceptedAt,
    })
    .from(bidParticipants)
    .leftJoin(organisations, eq(organisations.id, bidParticipants.organisationId))
    .where(eq(bidParticipants.bidId, project.bidId))
    .orderBy(asc(bidParticipants.id))
  const milestones = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, project.id)).orderBy(asc(projectMilestones.position))
  const reports = await db
    .select()
    .from(projectReports)
    .where(eq(projectReports.projectId, project.id))
    .orderBy(asc(projectReports.dueOn), asc(projectReports.id))
  const caseStudy =
    project.caseStudyId === null
      ? []
      : await db
          .select({ id: caseStudies.id, slug: caseStudies.slug, title: caseStudies.title, status: caseStudies.status })
          .from(caseStudies)
          .where(eq(caseStudies.id, project.caseStudyId))
  const principleRows = await db
    .select({ id: principles.id, name: principles.shortName })
    .from(bidPrinciples)
    .innerJoin(principles, eq(principles.id, bidPrinciples.principleId))
    .where(eq(bidPrinciples.bidId, project.bidId))
    .orderBy(asc(principles.position))
  const bid = await db.select({ theme: bids.theme, status: bids.status }).from(bids).where(eq(bids.id, project.bidId))
  return {
    ...project,
    // Only accepted members took part; an invitation never answered is not participation.
    members: group.filter((p) => p.role === 'member' && p.acceptedAt !== null),
    partners: group.filter((p) => p.role === 'partner'),
    milestones,
    reports: reports as ReportRow[],
    caseStudy: caseStudy[0] ?? null,
    principles: principleRows,
    theme: bid[0]?.theme ?? null,
    bidPublic: bid[0]?.status === 'submitted',
  }
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>

/** Every project with what the lists show: newest first; the latest submitted report's spend, and the report owed next. */
export async function listProjects(db: Executor, filter: { status?: 'underway' | 'closed'; leadOrganisationId?: number } = {}) {
  const rows = await db
    .select(projectColumns)
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(organisations, eq(organisations.id, projects.leadOrganisationId))
    .where(
      and(
        filter.status ? eq(projects.status, filter.status) : undefined,
        filter.leadOrganisationId !== undefined ? eq(projects.leadOrganisationId, filter.leadOrganisationId) : undefined,
      ),
    )
    .orderBy(desc(projects.startsOn), asc(projects.title))
  if (rows.length === 0) return []
  const reports = await db
    .select({
      projectId: projectReports.projectId,
      kind: projectReports.kind,
      dueOn: projectReports.dueOn,
      submittedAt: projectReports.submittedAt,
      spendToDatePence: projectReports.spendToDatePence,
    })
    .from(projectReports)
    .where(
      inArray(
        projectReports.projectId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(projectReports.dueOn))
  return rows.map((row) => ({ ...row, reports: reports.filter((r) => r.projectId === row.id).map((r) => ({ ...r, submitted: r.submittedAt !== null })) }))
}

/** The project a case study was made from, for the case study's page to link back. */
export async function findProjectOfCaseStudy(db: Executor, caseStudyId: number) {
  const [row] = await db.select({ slug: projects.slug, title: projects.title }).from(projects).where(eq(projects.caseStudyId, caseStudyId))
  return row ?? null
}

/** Each call (but drafts) with its bids, funding and projects, for the round history. */
export async function listCallOutcomes(db: Executor) {
  const submitted = db
    .select({ callId: bids.callId, n: count().as('n') })
    .from(bids)
    .where(eq(bids.status, 'submitted'))
    .groupBy(bids.callId)
    .as('submitted')
  const funded = db
    .select({ callId: bids.callId, n: count().as('funded_n'), pence: sql<string>`sum(${bidDecisions.awardedPence})`.as('pence') })
    .from(bidDecisions)
    .innerJoin(bids, eq(bids.id, bidDecisions.bidId))
    .where(isNotNull(bidDecisions.awardedPence))
    .groupBy(bids.callId)
    .as('funded')
  const started = db
    .select({
      callId: projects.callId,
      n: count().as('projects_n'),
      closed: sql<number>`count(*) filter (where ${projects.status} = 'closed')`.mapWith(Number).as('closed'),
    })
    .from(projects)
    .groupBy(projects.callId)
    .as('started')
  const rows = await db
    .select({
      slug: calls.slug,
      title: calls.title,
      closesOn: calls.closesOn,
      bidsSubmitted: sql<number>`coalesce(${submitted.n}, 0)`.mapWith(Number),
      funded: sql<number>`coalesce(${funded.n}, 0)`.mapWith(Number),
      awardedPence: sql<number>`coalesce(${funded.pence}, 0)`.mapWith(Number),
      projects: sql<number>`coalesce(${started.n}, 0)`.mapWith(Number),
      closedProjects: sql<number>`coalesce(${started.closed}, 0)`.mapWith(Number),
    })
    .from(calls)
    .leftJoin(submitted, eq(submitted.callId, calls.id))
    .leftJoin(funded, eq(funded.callId, calls.id))
    .leftJoin(started, eq(started.callId, calls.id))
    .where(sql`${calls.status} <> 'draft'`)
  return rows
}
