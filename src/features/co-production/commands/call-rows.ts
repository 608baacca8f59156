// What creating and updating a call share: the network's own space, a free slug, the principles
// linked in the order chosen, and whether deciding has begun.
import { and, eq, inArray, like, ne, or, sql } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { assessments, bidDecisions, bids, callPrinciples, calls, principles, spaces, votes } from '../../../db/schema/index.ts'
import { chooseSlug, slugFor } from '../../../lib/unique-slug.ts'
import type { FieldError } from '../../../lib/result.ts'
import type { CallInput } from '../rules/call-form.ts'

/** The network's own work programme: made on first use, so a fresh install needs no seeding. */
export const networkSpaceSlug = 'work-programme'

export async function networkSpaceId(tx: Executor): Promise<number> {
  await tx.insert(spaces).values({ slug: networkSpaceSlug, name: 'Work programme', kind: 'network-programme' }).onConflictDoNothing()
  const [space] = await tx.select({ id: spaces.id }).from(spaces).where(eq(spaces.slug, networkSpaceSlug))
  return space!.id
}

/** A slug for the call (typed, or made from its title), or the error when another call has it. */
/** Addresses under /calls/ that are pages of their own, not calls. */
export const reservedCallSlugs = ['rounds']

export async function freeCallSlug(tx: Executor, input: Pick<CallInput, 'slug' | 'title'>, selfId: number | null): Promise<string | FieldError> {
  const base = slugFor(input.slug, input.title) || 'call'
  const rows = await tx
    .select({ slug: calls.slug })
    .from(calls)
    .where(and(or(eq(calls.slug, base), like(calls.slug, `${base}-%`)), selfId === null ? undefined : ne(calls.id, selfId)))
  // /calls/rounds is the round history: a call there would never be reached.
  return chooseSlug(input.slug, base, new Set([...rows.map((r) => r.slug), ...reservedCallSlugs])) ?? { field: 'slug', message: 'calls.errors.slugTaken' }
}

/** Whether every chosen principle exists (one deleted since the form was shown does not). */
export async function principlesExist(tx: Executor, ids: number[]): Promise<boolean> {
  if (ids.length === 0) return true
  const found = await tx.select({ id: principles.id }).from(principles).where(inArray(principles.id, ids))
  return found.length === ids.length
}

export async function linkPrinciples(tx: Executor, callId: number, ids: number[]): Promise<void> {
  await tx.delete(callPrinciples).where(eq(callPrinciples.callId, callId))
  if (ids.length > 0) await tx.insert(callPrinciples).values(ids.map((principleId, position) => ({ callId, principleId, position })))
}

/** The columns of a call from the checked form. */
export function callColumns(input: CallInput, slug: string) {
  return {
    slug,
    title: input.title,
    kind: input.kind,
    summary: input.summary,
    potPence: input.potPence,
    capPence: input.capPence,
    settings: input.settings,
    decisionMethod: input.decisionMethod,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    assessmentOn: input.assessmentOn,
    presentationsOn: input.presentationsOn,
    decisionOn: input.decisionOn,
  }
}

/**
 * Whether deciding a call has begun: an assessor has started on one of its bids, its member vote
 * has opened, or a bid of it has been decided. From then on the bids, money and timetable people
 * are judging must hold still: the call can be neither edited nor opened again.
 */
export async function decidingHasBegun(tx: Executor, callId: number): Promise<boolean> {
  const result = await tx.execute<{ begun: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${assessments} a JOIN ${bids} b ON b.id = a.bid_id WHERE b.call_id = ${callId})
        OR EXISTS (SELECT 1 FROM ${votes} v WHERE v.call_id = ${callId} AND v.status <> 'draft')
        OR EXISTS (SELECT 1 FROM ${bidDecisions} d JOIN ${bids} b ON b.id = d.bid_id WHERE b.call_id = ${callId}) AS begun`)
  return result.rows[0]?.begun === true
}
