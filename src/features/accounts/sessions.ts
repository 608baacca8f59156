import { and, eq, gt, lt } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Database, Executor } from '../../db/client.ts'
import { sessions, users } from '../../db/schema/index.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { auditActor, type Actor } from './actor.ts'
import { sessionDays } from './rules.ts'
import { hashToken, newToken } from './secrets.ts'

export const sessionCookie = 'coophub_session'
const touchEveryMs = 5 * 60_000

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. */
    user: Actor | null
    sessionId: string | null
  }
}

async function findSession(db: Database, id: string, now: Date) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      organisationId: users.organisationId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.status, 'active')))
  return row ?? null
}

/** Reads the session cookie on each request; the row lives in the database so any instance can serve it. */
export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('user', null)
  app.decorateRequest('sessionId', null)
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie]
    if (!token || token.length > 100) return
    const now = new Date()
    const row = await findSession(app.deps.db, hashToken(token), now)
    if (!row) return
    const { sessionId, lastSeenAt, ...actor } = row
    request.user = actor
    request.sessionId = sessionId
    if (now.getTime() - lastSeenAt.getTime() > touchEveryMs) {
      await app.deps.db
        .update(sessions)
        .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionDays * 86_400_000) })
        .where(eq(sessions.id, sessionId))
    }
  })
}

/**
 * A new session for the person, in the transaction that signed them in: the session the request
 * came with (if any) is destroyed, so a session id never survives a sign-in (no fixation).
 * Returns the token for the cookie; only its hash is stored.
 */
export async function openSession(tx: Executor, userId: number, previousSessionId: string | null, now = new Date()): Promise<string> {
  if (previousSessionId) await tx.delete(sessions).where(eq(sessions.id, previousSessionId))
  const { token, hash } = newToken()
  await tx.insert(sessions).values({ id: hash, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionDays * 86_400_000) })
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)))
  return token
}

/** Ends the request's session, with an audit event when the person chose to sign out. */
export async function closeSession(tx: Executor, sessionId: string, user: Actor | null, options: { audit?: boolean } = {}): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId))
  if (options.audit && user) await recordAudit(tx, auditActor(user), { action: 'signed-out', subjectType: 'user', subjectId: user.id, summary: 'Signed out' })
}

function cookieOptions(app: FastifyInstance) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.https, maxAge: sessionDays * 86_400 }
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookie, token, cookieOptions(app))
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' })
}
