import type { FastifyInstance } from 'fastify'

/** The administrators' pages: people, organisations, principles, the outbox and the audit log. */
export async function adminRoutes(_app: FastifyInstance): Promise<void> {}
