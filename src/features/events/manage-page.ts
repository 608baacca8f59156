// The page behind the emailed link (no account needed): the registration, its sessions as they
// stand, and what the registrant can do. Shared by the cancel, accept and change routes, which show
// it again with their message when they are refused.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../../db/client.ts'
import { NotFoundError } from '../../errors.ts'
import { presentErrors, type FieldError } from '../../web/forms.ts'
import { hashToken } from '../accounts/secrets.ts'
import { whenText } from './present.ts'
import { findByManageToken } from './queries.ts'
import { findRegistrationSessions, standingText } from './registration-sessions.ts'
import { isLiveRegistration } from './rules/places.ts'

export const manageTokenShape = /^[A-Za-z0-9_-]{20,100}$/

/** The registration a link opens now, or a 404 (a used or expired link is no key). */
export async function openByToken(db: Database, token: string) {
  const found = manageTokenShape.test(token) ? await findByManageToken(db, hashToken(token), new Date()) : null
  if (!found) throw new NotFoundError()
  return found
}

/** The link is the registrant's only key: it must not travel on to other sites or sit in caches. */
export const keepPrivate = (reply: FastifyReply) => reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store')

export async function renderManage(db: Database, request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldError[] = []) {
  const { t, format } = request
  const { registration, event } = await openByToken(db, token)
  const sessions = await findRegistrationSessions(db, registration.id, event.id)
  const live = isLiveRegistration(registration.status)
  keepPrivate(reply)
  return reply.code(errors.length ? 400 : 200).render('events/views/manage.njk', {
    title: t('events.manage.title'),
    section: 'events',
    pageError: errors.length > 0,
    token,
    registration: {
      name: registration.name,
      status: registration.status,
      statusText: t(`events.registrationStatus.${registration.status}`),
      offerExpires: format.dateTime(registration.offerExpiresAt),
      live,
      changeable: live && event.status === 'published' && event.endsAt > new Date(),
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      when: whenText(t, format, { ...s, online: false }),
      standing: standingText(t, format, s),
      offered: s.standing === 'offered' && registration.status === 'confirmed',
    })),
    event: { title: event.title, slug: event.slug, when: whenText(t, format, event) },
    ...presentErrors(errors, t),
  })
}
