import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { unavailableReason } from '../../db/unavailable.ts'

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', async (request, reply) => {
    const started = performance.now()
    try {
      await app.deps.db.execute(sql`SELECT 1`)
      return reply.header('cache-control', 'no-store').send({
        status: 'ok',
        database: { kind: app.deps.dbKind, status: 'ok', latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      })
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable')
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({
          status: 'unavailable',
          database: { kind: app.deps.dbKind, status: 'unreachable', reason: unavailableReason(error) },
        })
    }
  })
}
