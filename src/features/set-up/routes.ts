import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { passwordRules } from '../accounts/rules.ts'
import { setSessionCookie } from '../accounts/sessions.ts'
import { createFirstAdministrator } from './commands/create-first-administrator.ts'
import { administratorExists } from './queries.ts'

type Values = { name?: string; email?: string }

/** GET and POST /set-up/:token: the first administrator, from the link printed at start-up. */
export async function setUpRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps

  /** No link, no page: a wrong token, or any administrator at all, is a plain 404. */
  const requireOpen = async (token: string): Promise<void> => {
    if (!app.setUpLink.matches(token)) throw new NotFoundError()
    if (await administratorExists(db)) {
      app.setUpLink.forget()
      throw new NotFoundError()
    }
  }

  const page = (reply: FastifyReply, token: string, values: Values, errors: FieldError[] = []) =>
    reply
      .code(errors.length > 0 ? 400 : 200)
      // The address is the secret: kept out of caches and out of the Referer of any link followed.
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .render('set-up/views/set-up.njk', {
        title: reply.request.t('setUp.form.title'),
        pageError: errors.length > 0,
        token,
        values,
        passwordRules,
        ...presentErrors(errors, reply.request.t),
      })

  app.get<{ Params: { token: string } }>('/set-up/:token', async (request, reply) => {
    await requireOpen(request.params.token)
    return page(reply, request.params.token, {})
  })

  app.post<{ Params: { token: string } }>('/set-up/:token', async (request, reply) => {
    const { token } = request.params
    await requireOpen(token)
    const form = asForm(request.body)
    const values = { name: text(form, 'name', 300), email: text(form, 'email', 320) }
    const result = await inTransaction(db, (tx) =>
      createFirstAdministrator(tx, {
        ...values,
        password: text(form, 'password', 1000),
        previousSessionId: request.sessionId,
        baseUrl: siteUrl(config, request),
        networkName: config.networkName,
      }),
    )
    if (!result.ok && result.reason === 'not-found') {
      app.setUpLink.forget()
      throw new NotFoundError()
    }
    if (!result.ok) return page(reply, token, values, result.errors)
    app.setUpLink.forget()
    setSessionCookie(app, reply, result.value.sessionToken)
    return reply.redirect('/dashboard?set-up=1', 303)
  })
}
