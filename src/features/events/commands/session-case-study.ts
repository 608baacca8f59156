import { and, eq } from 'drizzle-orm'
import { caseStudies, eventSessionPrinciples, eventSessions, events, principles } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { createCaseStudy } from '../../case-studies/commands/create-case-study.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'
import { findOrganisationsNamed } from '../../organisations/queries.ts'
import { speakerLines } from '../rules/clashes.ts'
import { sessionCaseStudySnapshot } from '../rules/session-case-study.ts'

/**
 * Starts the case study of a past session: a draft prefilled from the session, owned by the first
 * speaker's organisation when coophub knows it. A session has one case study: a second request is
 * refused (the page links to the first).
 */
export async function turnSessionIntoCaseStudy(
  tx: Transaction,
  actor: AuditActor,
  input: { eventId: number; sessionId: number; now: Date },
): Promise<Result<{ id: number; slug: string }>> {
  const [session] = await tx
    .select()
    .from(eventSessions)
    .where(and(eq(eventSessions.id, input.sessionId), eq(eventSessions.eventId, input.eventId)))
    .for('update')
  if (!session) return notFound()
  if (session.caseStudyId !== null) return refused('events.caseStudy.exists')
  if (session.endsAt > input.now) return refused('events.caseStudy.notPast')
  const [event] = await tx.select().from(events).where(eq(events.id, session.eventId))
  if (!event) return notFound()

  const sessionPrinciples = await tx
    .select({ id: principles.id, name: principles.shortName })
    .from(eventSessionPrinciples)
    .innerJoin(principles, eq(principles.id, eventSessionPrinciples.principleId))
    .where(eq(eventSessionPrinciples.sessionId, session.id))
    .orderBy(principles.position)
  // Speakers name their organisation as free text: it counts only when it is one coophub knows.
  const named = speakerLines(session.speakers)
    .map((s) => s.organisation)
    .filter(Boolean)
  const found = await findOrganisationsNamed(tx, named)
  const known = named.flatMap((n) => found.filter((o) => o.name.toLowerCase() === n.toLowerCase()).slice(0, 1))

  const snapshot = sessionCaseStudySnapshot({
    title: session.title,
    description: session.description,
    eventTitle: event.title,
    eventKind: event.kind,
    day: londonDate(session.startsAt),
    principles: sessionPrinciples,
    organisations: known,
  })
  const created = await createCaseStudy(tx, actor, { snapshot, ownerOrganisationId: snapshot.lead?.id ?? null })
  if (!created.ok) return created
  // The stage is the row's, not the revision's (as a project's case study sets it): the session took place.
  await tx.update(caseStudies).set({ stage: 'completed' }).where(eq(caseStudies.id, created.value.id))
  await tx.update(eventSessions).set({ caseStudyId: created.value.id }).where(eq(eventSessions.id, session.id))
  await recordAudit(tx, actor, {
    action: 'event-session-case-study-started',
    subjectType: 'event',
    subjectId: event.id,
    summary: `Started the case study of the session ${session.title}`,
    changes: { session: session.id, caseStudy: created.value.slug },
  })
  return ok(created.value)
}
