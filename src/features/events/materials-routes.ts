import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { eventMaterials, events } from '../../db/schema/index.ts'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { parseId } from '../../web/address-numbers.ts'

/** An uploaded material of a public event, always as a download under the name it was given. */
export async function materialRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  app.get<{ Params: { slug: string; id: string } }>('/events/:slug/materials/:id', async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const [found] = await db
      .select({ fileName: eventMaterials.fileName, contentType: eventMaterials.contentType, content: eventMaterials.content, status: events.status })
      .from(eventMaterials)
      .innerJoin(events, eq(events.id, eventMaterials.eventId))
      .where(and(eq(eventMaterials.id, parseId(request.params.id)), eq(events.slug, request.params.slug)))
    if (!found || found.status === 'draft' || !found.content) throw new NotFoundError()
    return (
      reply
        .header('content-type', found.contentType)
        // Never shown in the site's own origin: the browser saves it.
        .header('content-disposition', `attachment; filename="${found.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-cache')
        .send(Buffer.from(found.content))
    )
  })
}
