import { asc, desc, eq } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client.ts'
import { callPrinciples, calls, principles } from '../../db/schema/index.ts'
import { storedCallSettings } from './rules/call-settings.ts'

const listed = {
  id: calls.id,
  slug: calls.slug,
  title: calls.title,
  kind: calls.kind,
  status: calls.status,
  potPence: calls.potPence,
  capPence: calls.capPence,
  opensOn: calls.opensOn,
  closesOn: calls.closesOn,
  decisionOn: calls.decisionOn,
  updatedAt: calls.updatedAt,
}

/** Every call, newest round first; drafts only for the administrators' list. */
export async function listCalls(db: Database) {
  return db.select(listed).from(calls).orderBy(desc(calls.closesOn), asc(calls.title))
}

export type ListedCall = Awaited<ReturnType<typeof listCalls>>[number]

async function withPrinciples(db: Executor, row: typeof calls.$inferSelect | undefined) {
  if (!row) return null
  const linked = await db
    .select({
      id: principles.id,
      slug: principles.slug,
      shortName: principles.shortName,
      statement: principles.statement,
      shortNameCy: principles.shortNameCy,
      statementCy: principles.statementCy,
    })
    .from(callPrinciples)
    .innerJoin(principles, eq(principles.id, callPrinciples.principleId))
    .where(eq(callPrinciples.callId, row.id))
    .orderBy(asc(callPrinciples.position))
  return { ...row, settings: storedCallSettings(row.settings), principles: linked }
}

export async function findCallBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(calls).where(eq(calls.slug, slug))
  return withPrinciples(db, row)
}

export async function findCallById(db: Executor, id: number) {
  const [row] = await db.select().from(calls).where(eq(calls.id, id))
  return withPrinciples(db, row)
}

export type CallRow = NonNullable<Awaited<ReturnType<typeof findCallById>>>

/** Every principle, in order, for the call form's checkboxes. */
export async function listPrincipleChoices(db: Database) {
  return db
    .select({
      id: principles.id,
      shortName: principles.shortName,
      shortNameCy: principles.shortNameCy,
      statement: principles.statement,
      statementCy: principles.statementCy,
    })
    .from(principles)
    .orderBy(asc(principles.position), asc(principles.shortName))
}
