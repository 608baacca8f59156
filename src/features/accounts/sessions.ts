import { and, eq, gt, lt } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { SessionConfig } from '../../config.ts'
import type { Database, Executor } from '../../db/client.ts'
import { sessions, users } from '../../db/schema/index.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { auditActor, type Actor } from './actor.ts'
import { sessionDays } from './rules.ts'
import { hashToken, newToken } from './secrets.ts'

export const sessionCookie = 'coophub_session'
/** How often a session's last use is written: often enough for the idle timeout to be exact to a tenth. */
const touchEveryMs = (idleMinutes: number) => Math.min(5 * 60_000, (idleMinutes * 60_000) / 10)

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. */
    user: Actor | null
    sessionId: string | null
  }
}

/** A session is alive until it has been unused for the idle timeout, or open for the absolute one. */
function sessionEnds(lifetime: SessionConfig, createdAt: Date, lastSeenAt: Date): Date {
  return new Date(Math.min(lastSeenAt.getTime() + lifetime.idleMinutes * 60_000, createdAt.getTime() + lifetime.absoluteHours * 3_600_000))
}

async function findSession(db: Database, id: string, now: Date, lifetime: SessionConfig) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      organisationId: users.organisationId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - lifetime.idleMinutes * 60_000)),
        gt(sessions.createdAt, new Date(now.getTime() - lifetime.absoluteHours * 3_600_000)),
        eq(users.status, 'active'),
      ),
    )
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
    const lifetime = app.deps.config.sessions
    const row = await findSession(app.deps.db, hashToken(token), now, lifetime)
    if (!row) return
    const { sessionId, createdAt, lastSeenAt, ...actor } = row
    request.user = actor
    request.sessionId = sessionId
    if (now.getTime() - lastSeenAt.getTime() > touchEveryMs(lifetime.idleMinutes)) {
      await app.deps.db
        .update(sessions)
        .set({ lastSeenAt: now, expiresAt: sessionEnds(lifetime, createdAt, now) })
        .where(eq(sessions.id, sessionId))
    }
  })
  // A page made for a signed-in person is theirs alone: no shared cache may keep it, nor the browser
  // once it is closed. Responses that chose their own caching (static files, downloads) keep it.
  app.addHook('onSend', async (request, reply) => {
    if (request.user && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store')
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

/**
 * Ends every session of the person (on every device), in the transaction of the change that calls
 * for it: "sign out everywhere", an erased or disabled account. Returns how many ended.
 */
export async function closeEverySession(tx: Executor, userId: number): Promise<number> {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  return ended.length
}

/** Ends the request's session, with an audit event when the person chose to sign out. */
export async function closeSession(tx: Executor, sessionId: string, user: Actor | null, options: { audit?: boolean } = {}): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId))
  if (options.audit && user) await recordAudit(tx, auditActor(user), { action: 'signed-out', subjectType: 'user', subjectId: user.id, summary: 'Signed out' })
}

function cookieOptions(app: FastifyInstance) {
  // The cookie lasts no longer than the session can: a browser forgets it at the absolute timeout.
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.deps.config.https, maxAge: app.deps.config.sessions.absoluteHours * 3_600 }
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookie, token, cookieOptions(app))
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' })
}
