import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { materialKinds } from '../../db/schema/events.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { parseId } from '../../web/address-numbers.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { multipartLimits, readMultipart } from '../import/upload.ts'
import { addMaterial, removeMaterial } from './commands/materials.ts'
import { findEvent, type EventRow } from './queries.ts'
import { acceptedExtensions, MAX_MATERIAL_BYTES, type MaterialForm } from './rules/materials.ts'

const blank: MaterialForm = { kind: '', title: '', url: '' }

/** What the event's admin page shows of its materials, and the form to add one. */
export function presentMaterialsAdmin(t: Translate, event: EventRow, values: MaterialForm = blank) {
  return {
    rows: event.materials.map((m) => ({
      id: m.id,
      kind: t(`events.material.${m.kind}`),
      title: m.title,
      href: m.url || `/events/${event.slug}/materials/${m.id}`,
      file: m.url ? null : m.fileName,
    })),
    values,
    kindItems: materialKinds.map((k) => ({ value: k, text: t(`events.material.${k}`), checked: values.kind === k })),
    fileHint: t('events.materials.fileHint', { types: acceptedExtensions.join(', '), max: Math.round(MAX_MATERIAL_BYTES / (1024 * 1024)) }),
  }
}

function bannerFor(t: Translate, query: unknown): string | null {
  const q = asForm(query)
  return q.added === '1' ? t('events.materials.added') : q.removed === '1' ? t('events.materials.removed') : null
}

/** Organisers add slides, notes and recordings to an event, as links or uploads, and remove them. */
export async function materialAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  // Multipart bodies are read here and by the importer only, each in its own scope.
  await app.register(fastifyMultipart, { limits: multipartLimits, attachFieldsToBody: false })
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.routeOptions.url === '/admin/events/:id/materials') await readMultipart(request)
  })

  async function eventAt(raw: string): Promise<EventRow> {
    const event = await findEvent(db, { id: parseId(raw) })
    if (!event) throw new NotFoundError()
    return event
  }

  function render(reply: FastifyReply, event: EventRow, values: MaterialForm = blank, errors: FieldError[] = []) {
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('events/views/admin/materials.njk', {
      title: t('events.materials.title'),
      section: 'admin',
      breadcrumbs: [...breadcrumbsTo(t, t('events.admin.title'), '/admin/events'), { text: event.title, href: `/admin/events/${event.id}` }],
      pageError: errors.length > 0,
      banner: errors.length ? null : bannerFor(t, reply.request.query),
      event: { id: event.id, title: event.title },
      materials: presentMaterialsAdmin(t, event, values),
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/admin/events/:id/materials', async (request, reply) => render(reply, await eventAt(request.params.id)))

  app.post<{ Params: { id: string } }>('/admin/events/:id/materials', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const form = asForm(request.body)
    const values: MaterialForm = { kind: text(form, 'kind', 40), title: text(form, 'title', 1000), url: text(form, 'url', 3000) }
    const upload = request.upload ?? null
    const result = await inTransaction(db, (tx) => addMaterial(tx, auditActor(requireUser(request)), { eventId: event.id, form: values, file: upload }))
    if (result.ok) return reply.redirect(`/admin/events/${event.id}/materials?added=1`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return render(reply, event, values, result.errors)
  })

  app.post<{ Params: { id: string; materialId: string } }>('/admin/events/:id/materials/:materialId/remove', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const result = await inTransaction(db, (tx) =>
      removeMaterial(tx, auditActor(requireUser(request)), { eventId: event.id, materialId: parseId(request.params.materialId) }),
    )
    if (!result.ok) throw new NotFoundError()
    return reply.redirect(`/admin/events/${event.id}/materials?removed=1`, 303)
  })
}
