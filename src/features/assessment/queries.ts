// What the assessment pages read: a call's criteria and assessors, an assessor's calls and bids,
// one assessment, and everything the panel view ranks.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  assessmentScores,
  assessments,
  assessorConflicts,
  bidBudgetLines,
  bidDecisions,
  bidParticipants,
  bids,
  callAssessors,
  callCriteria,
  calls,
  organisations,
  users,
} from '../../db/schema/index.ts'
import { conflictOf, type Conflict } from './rules/conflicts.ts'
import { assessmentRefusal } from './rules/phase.ts'

export async function listCriteria(db: Executor, callId: number) {
  return db
    .select({ id: callCriteria.id, title: callCriteria.title, guidance: callCriteria.guidance, maxScore: callCriteria.maxScore })
    .from(callCriteria)
    .where(eq(callCriteria.callId, callId))
    .orderBy(asc(callCriteria.position))
}

export type CriterionRecord = Awaited<ReturnType<typeof listCriteria>>[number]

export async function listAssessors(db: Executor, callId: number) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, organisationId: users.organisationId, organisation: organisations.name })
    .from(callAssessors)
    .innerJoin(users, eq(users.id, callAssessors.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(callAssessors.callId, callId))
    .orderBy(asc(users.name), asc(users.id))
}

export type AssessorRecord = Awaited<ReturnType<typeof listAssessors>>[number]

/** Active accounts that are not yet assessors of the call, for the administrators' list to pick from. */
export async function listAssessorChoices(db: Executor, callId: number) {
  const taken = new Set((await listAssessors(db, callId)).map((a) => a.userId))
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.status, 'active'))
    .orderBy(asc(users.name), asc(users.email))
  return rows.filter((r) => !taken.has(r.id))
}

/** How many assessments (drafts included) have been begun on the call's bids. */
export async function countAssessmentsBegun(db: Executor, callId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assessments)
    .innerJoin(bids, eq(bids.id, assessments.bidId))
    .where(eq(bids.callId, callId))
  return row?.n ?? 0
}

/** The calls an account assesses, newest first, with how many submitted bids each has. */
export async function listCallsAssessedBy(db: Executor, userId: number) {
  return db
    .select({
      id: calls.id,
      slug: calls.slug,
      title: calls.title,
      status: calls.status,
      opensOn: calls.opensOn,
      closesOn: calls.closesOn,
      submitted: sql<number>`(SELECT count(*)::int FROM ${bids} WHERE ${bids.callId} = ${calls.id} AND ${bids.status} = 'submitted')`,
    })
    .from(callAssessors)
    .innerJoin(calls, eq(calls.id, callAssessors.callId))
    .where(eq(callAssessors.userId, userId))
    .orderBy(sql`${calls.closesOn} DESC`, asc(calls.title))
}

export async function assessorIdsOf(db: Executor, callId: number): Promise<number[]> {
  return (await db.select({ userId: callAssessors.userId }).from(callAssessors).where(eq(callAssessors.callId, callId))).map((r) => r.userId)
}

/** The submitted bids of a call with what the conflict rules and the ranking need of each. */
export async function listSubmittedBids(db: Executor, callId: number) {
  const rows = await db
    .select({
      id: bids.id,
      title: bids.title,
      summary: bids.summary,
      leadOrganisationId: bids.leadOrganisationId,
      lead: organisations.name,
      submittedAt: bids.submittedAt,
      costPence: sql<string>`coalesce((SELECT sum(${bidBudgetLines.amountPence}) FROM ${bidBudgetLines} WHERE ${bidBudgetLines.bidId} = ${bids.id}), 0)`,
    })
    .from(bids)
    .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
    .where(and(eq(bids.callId, callId), eq(bids.status, 'submitted')))
    .orderBy(asc(bids.submittedAt), asc(bids.id))
  const ids = rows.map((r) => r.id)
  const participants = ids.length
    ? await db
        .select({ bidId: bidParticipants.bidId, organisationId: bidParticipants.organisationId, acceptedAt: bidParticipants.acceptedAt })
        .from(bidParticipants)
        .where(inArray(bidParticipants.bidId, ids))
    : []
  const declared = ids.length
    ? await db
        .select({ bidId: assessorConflicts.bidId, userId: assessorConflicts.userId, reason: assessorConflicts.reason })
        .from(assessorConflicts)
        .where(inArray(assessorConflicts.bidId, ids))
    : []
  return rows.map((r) => ({
    ...r,
    costPence: Number(r.costPence),
    participants: participants.filter((p) => p.bidId === r.id),
    declared: declared.filter((d) => d.bidId === r.id),
  }))
}

export type SubmittedBid = Awaited<ReturnType<typeof listSubmittedBids>>[number]

/** An assessor's conflict with a bid, from the data and from what they declared. */
export const conflictWith = (assessor: { userId: number; organisationId: number | null }, bid: SubmittedBid): Conflict | null =>
  conflictOf(assessor, bid, bid.declared.find((d) => d.userId === assessor.userId)?.reason ?? null)

/** One assessor's assessment of a bid, with its scores by criterion, or null. */
export async function findAssessment(db: Executor, bidId: number, userId: number) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.bidId, bidId), eq(assessments.assessorUserId, userId)))
  if (!row) return null
  const scores = await db
    .select({ criterionId: assessmentScores.criterionId, score: assessmentScores.score, comment: assessmentScores.comment })
    .from(assessmentScores)
    .where(eq(assessmentScores.assessmentId, row.id))
  return { ...row, scores }
}

export type AssessmentRecord = NonNullable<Awaited<ReturnType<typeof findAssessment>>>

/** Every assessment of the call's bids (drafts too), with their scores, for the panel and the assessor's list. */
export async function listAssessmentsOfCall(db: Executor, callId: number) {
  const rows = await db
    .select({
      id: assessments.id,
      bidId: assessments.bidId,
      assessorUserId: assessments.assessorUserId,
      assessor: users.name,
      comment: assessments.comment,
      submittedAt: assessments.submittedAt,
    })
    .from(assessments)
    .innerJoin(bids, eq(bids.id, assessments.bidId))
    .innerJoin(users, eq(users.id, assessments.assessorUserId))
    .where(eq(bids.callId, callId))
    .orderBy(asc(users.name), asc(assessments.id))
  const ids = rows.map((r) => r.id)
  const scores = ids.length
    ? await db
        .select({
          assessmentId: assessmentScores.assessmentId,
          criterionId: assessmentScores.criterionId,
          score: assessmentScores.score,
          comment: assessmentScores.comment,
        })
        .from(assessmentScores)
        .where(inArray(assessmentScores.assessmentId, ids))
    : []
  return rows.map((r) => ({ ...r, scores: scores.filter((s) => s.assessmentId === r.id) }))
}

export type CallAssessment = Awaited<ReturnType<typeof listAssessmentsOfCall>>[number]

export async function listDecisionsOfCall(db: Executor, callId: number) {
  return db
    .select({
      bidId: bidDecisions.bidId,
      outcome: bidDecisions.outcome,
      awardedPence: bidDecisions.awardedPence,
      conditions: bidDecisions.conditions,
      feedback: bidDecisions.feedback,
      decidedAt: bidDecisions.decidedAt,
    })
    .from(bidDecisions)
    .innerJoin(bids, eq(bids.id, bidDecisions.bidId))
    .where(eq(bids.callId, callId))
}

/** For the dashboard: the submitted bids waiting for this assessor's submitted assessment, in calls open to scoring now. */
export async function countBidsToAssess(db: Executor, userId: number, now = new Date()) {
  const rows = await db
    .select({
      callSlug: calls.slug,
      callTitle: calls.title,
      status: calls.status,
      opensOn: calls.opensOn,
      closesOn: calls.closesOn,
      waiting: sql<number>`(SELECT count(*)::int FROM ${bids} b WHERE b.call_id = ${calls.id} AND b.status = 'submitted'
        AND NOT EXISTS (SELECT 1 FROM ${assessments} a WHERE a.bid_id = b.id AND a.assessor_user_id = ${userId} AND a.submitted_at IS NOT NULL))`,
    })
    .from(callAssessors)
    .innerJoin(calls, eq(calls.id, callAssessors.callId))
    .where(and(eq(callAssessors.userId, userId), inArray(calls.status, ['open', 'closed'])))
    .orderBy(asc(calls.closesOn))
  return rows.filter((r) => assessmentRefusal(r, now) === null)
}
