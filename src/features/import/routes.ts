import type { FastifyInstance } from 'fastify'

/** Upload or paste a document, review its reading, save it as a draft (issue 4). */
export async function importRoutes(_app: FastifyInstance): Promise<void> {}
