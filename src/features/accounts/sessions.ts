import { and, eq, gt, lt } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../../db/client.ts'
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

function cookieOptions(app: FastifyInstance) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.https, maxAge: sessionDays * 86_400 }
}

/** A new session id at every sign-in (no fixation); any session the request had is destroyed. */
export async function startSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  await endSession(app, request, reply)
  const { token, hash } = newToken()
  const now = new Date()
  await app.deps.db.insert(sessions).values({ id: hash, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionDays * 86_400_000) })
  await app.deps.db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)))
  reply.setCookie(sessionCookie, token, cookieOptions(app))
}

export async function endSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, options: { audit?: boolean } = {}): Promise<void> {
  const { user, sessionId } = request
  if (sessionId) {
    await app.deps.db.transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.id, sessionId))
      if (options.audit && user) await recordAudit(tx, auditActor(user), { action: 'signed-out', subjectType: 'user', subjectId: user.id, summary: 'Signed out' })
    })
  }
  request.user = null
  request.sessionId = null
  reply.clearCookie(sessionCookie, { path: '/' })
}
