import type { FastifyInstance } from 'fastify'
import { administratorExists } from './queries.ts'
import { setUpNotice, type SetUpNotice } from './rules.ts'

/**
 * At start-up: while no administrator exists, a new set-up link for this process, and the notice
 * that prints it; null (and no link) once one does.
 */
export async function offerSetUpLink(app: FastifyInstance, siteUrl: string): Promise<SetUpNotice | null> {
  const exists = await administratorExists(app.deps.db)
  if (exists) app.setUpLink.forget()
  return setUpNotice({ administratorExists: exists, siteUrl, token: exists ? null : app.setUpLink.issue() })
}
