// What happened after last year's decisions, in the demo: the labs' leads reported as their
// reports fell due (the latest one of a lab still owed, as happens), and the warm-homes lab
// finished, closed and became a published case study, so that the learning loop can be seen whole.
import { asc, eq } from 'drizzle-orm'
import { projectMilestones, projectReports, projects } from '../../db/schema/index.ts'
import type { Transaction } from '../../db/unit-of-work.ts'
import { commandLineActor } from '../audit/record-audit.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'
import { closeProject } from '../projects/commands/close-project.ts'
import { saveReport } from '../projects/commands/save-report.ts'
import { turnIntoCaseStudy } from '../projects/commands/turn-into-case-study.ts'
import { publishCaseStudy } from '../review/commands/publish-case-study.ts'
import { caseStudies } from '../../db/schema/index.ts'
import { labReports } from './content/past-round.ts'

const must = <T>(result: { ok: true; value: T } | { ok: false; errors: unknown }, what: string): T => {
  if (!result.ok) throw new Error(`The demo could not ${what}: ${JSON.stringify(result.errors)}`)
  return result.value
}

export async function loadDemoProjectActivity(tx: Transaction, bidIds: ReadonlyMap<string, number>, now = new Date()): Promise<void> {
  const today = londonDate(now)
  for (const [title, texts] of Object.entries(labReports)) {
    const bidId = bidIds.get(title)
    if (bidId === undefined) throw new Error(`The demo reports on an unknown bid "${title}"`)
    const [project] = await tx.select().from(projects).where(eq(projects.bidId, bidId))
    if (!project) throw new Error(`The demo's bid "${title}" has no project`)
    const milestones = await tx.select().from(projectMilestones).where(eq(projectMilestones.projectId, project.id)).orderBy(asc(projectMilestones.position))
    const reports = await tx.select().from(projectReports).where(eq(projectReports.projectId, project.id)).orderBy(asc(projectReports.dueOn))
    const progress = reports.filter((r) => r.kind === 'progress' && r.dueOn <= today)
    const submit = async (report: (typeof reports)[number], n: number, whatHappened: string, outcomes: string, final: boolean) => {
      const share = final ? 1 : (n + 1) / (progress.length + 1)
      // Milestones fall due in order: those due by the report are done, the next is on track.
      const statuses = Object.fromEntries(milestones.map((m) => [String(m.id), final || (m.dueOn !== null && m.dueOn <= report.dueOn) ? 'done' : 'on-track']))
      must(
        await saveReport(tx, commandLineActor, {
          projectId: project.id,
          reportId: report.id,
          values: {
            revision: String(report.revision),
            whatHappened,
            outcomes,
            spend: Math.round((project.budgetPence * share) / 100).toString(),
            milestones: statuses,
          },
          submit: true,
          now: new Date(`${final ? today : report.dueOn}T09:00:00Z`),
        }),
        `submit a report on "${title}"`,
      )
    }
    for (const [n, report] of progress.entries()) {
      const text = texts.progress[n]
      if (text) await submit(report, n, text, '', false)
    }
    if (texts.final) {
      const final = reports.find((r) => r.kind === 'final')!
      await submit(final, progress.length, texts.final.whatHappened, texts.final.outcomes, true)
      must(await closeProject(tx, commandLineActor, { projectId: project.id, now }), `close "${title}"`)
      const caseStudy = must(await turnIntoCaseStudy(tx, commandLineActor, { projectId: project.id }), `turn "${title}" into a case study`)
      const [row] = await tx.select({ revision: caseStudies.revision }).from(caseStudies).where(eq(caseStudies.id, caseStudy.id))
      must(await publishCaseStudy(tx, commandLineActor, { caseStudyId: caseStudy.id, revision: row!.revision }), `publish the case study of "${title}"`)
    }
  }
}
