import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { hashToken } from '../accounts/secrets.ts'
import { answerFeedback, findFeedbackByToken } from './commands/feedback.ts'
import { whenText } from './present.ts'
import { blankFeedbackForm, feedbackTextLimit, type FeedbackForm } from './rules/feedback.ts'

const tokenShape = /^[A-Za-z0-9_-]{20,100}$/

function readForm(body: unknown): FeedbackForm {
  const form = asForm(body)
  // One character over the limit is kept, so the form can say it is too long rather than cut it.
  return {
    rating: text(form, 'rating', 5),
    useful: text(form, 'useful', feedbackTextLimit + 1),
    improve: text(form, 'improve', feedbackTextLimit + 1),
    comments: text(form, 'comments', feedbackTextLimit + 1),
  }
}

/** The feedback form after an event, reached only through the emailed single-use link. */
export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  const perIp = limitBy(app, { name: 'event-feedback-ip', max: 30, timeWindow: '1 hour', key: (r) => r.ip })

  async function render(request: FastifyRequest, reply: FastifyReply, token: string, values: FeedbackForm, errors: FieldError[] = []) {
    const { t, format } = request
    const found = tokenShape.test(token) ? await findFeedbackByToken(db, hashToken(token), new Date()) : null
    // The link is the attendee's only key: it must not travel on to other sites, nor be cached.
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store')
    if (!found) return reply.code(404).render('events/views/feedback-gone.njk', { title: t('events.feedback.gone.title'), section: 'events' })
    return reply.code(errors.length ? 400 : 200).render('events/views/feedback.njk', {
      title: t('events.feedback.title'),
      section: 'events',
      pageError: errors.length > 0,
      token,
      values,
      event: { title: found.event.title, when: whenText(t, format, found.event) },
      ratingItems: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), text: t(`events.feedback.rating.${n}`), checked: values.rating === String(n) })),
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { token: string } }>('/events/feedback/:token', async (request, reply) => render(request, reply, request.params.token, blankFeedbackForm))

  app.post<{ Params: { token: string } }>('/events/feedback/:token', { preHandler: perIp }, async (request, reply) => {
    const token = request.params.token
    const values = readForm(request.body)
    if (!tokenShape.test(token)) return render(request, reply, token, values)
    const result = await inTransaction(db, (tx) => answerFeedback(tx, { tokenHash: hashToken(token), form: values, now: new Date() }))
    if (result.ok) return reply.redirectInLanguage(request.locale, `/events/feedback/thanks?event=${encodeURIComponent(result.value.eventSlug)}`)
    return render(request, reply, token, values, result.errors)
  })

  app.get('/events/feedback/thanks', async (request, reply) => {
    const slug = text(asForm(request.query), 'event', 200)
    return reply.render('events/views/feedback-thanks.njk', {
      title: request.t('events.feedback.thanks.title'),
      section: 'events',
      eventHref: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? `/events/${slug}` : '/events',
    })
  })
}
