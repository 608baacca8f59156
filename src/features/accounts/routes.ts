import type { FastifyInstance, FastifyRequest } from 'fastify'
import { asForm, presentErrors, text } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { normaliseEmail, resetRequestsPerAccount, resetRequestsPerIp, safeNextPath, signInAttemptsPerAccount, signInAttemptsPerIp, attemptWindow } from './rules.ts'
import { requestPasswordReset } from './commands/request-password-reset.ts'
import { findUsableToken, setPasswordWithToken } from './commands/set-password-with-token.ts'
import { signIn } from './commands/sign-in.ts'
import { endSession, startSession } from './sessions.ts'

export function baseUrl(app: FastifyInstance, request: FastifyRequest): string {
  return app.deps.config.publicUrl ?? `${request.protocol}://${request.host}`
}

const byEmail = (request: FastifyRequest) => normaliseEmail(text(asForm(request.body), 'email', 320))

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const perIp = (name: string, max: number) => limitBy(app, { name: `${name}-ip`, max, timeWindow: attemptWindow, key: (r) => r.ip })
  const perAccount = (name: string, max: number) => limitBy(app, { name: `${name}-account`, max, timeWindow: attemptWindow, key: byEmail })

  app.get<{ Querystring: { next?: string } }>('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect(safeNextPath(request.query.next), 303)
    return reply.render('accounts/views/sign-in.njk', { title: 'Sign in', next: safeNextPath(request.query.next), values: {} })
  })

  app.post('/sign-in', { preHandler: [perIp('sign-in', signInAttemptsPerIp), perAccount('sign-in', signInAttemptsPerAccount)] }, async (request, reply) => {
    const form = asForm(request.body)
    const input = { email: text(form, 'email', 320), password: text(form, 'password', 1000) }
    const next = safeNextPath(form.next)
    const result = await signIn(app.deps.db, input)
    if (!result.ok) {
      return reply.code(400).render('accounts/views/sign-in.njk', {
        title: 'Sign in',
        pageError: true,
        next,
        values: { email: input.email },
        ...presentErrors(result.errors),
      })
    }
    await startSession(app, request, reply, result.userId)
    return reply.redirect(next, 303)
  })

  app.post('/sign-out', async (request, reply) => {
    await endSession(app, request, reply, { audit: true })
    return reply.redirect('/?signed-out=1', 303)
  })

  app.get('/password-reset', async (_request, reply) =>
    reply.render('accounts/views/password-reset.njk', { title: 'Reset your password', values: {} }),
  )

  app.post('/password-reset', { preHandler: [perIp('reset', resetRequestsPerIp), perAccount('reset', resetRequestsPerAccount)] }, async (request, reply) => {
    const email = text(asForm(request.body), 'email', 320)
    const result = await requestPasswordReset(app.deps.db, { email, baseUrl: baseUrl(app, request), networkName: app.deps.config.networkName })
    if (!result.ok) {
      return reply.code(400).render('accounts/views/password-reset.njk', {
        title: 'Reset your password',
        pageError: true,
        values: { email },
        ...presentErrors(result.errors),
      })
    }
    await app.mailer.deliver(result.emailIds)
    return reply.render('accounts/views/password-reset-sent.njk', { title: 'Check your email', email: normaliseEmail(email) })
  })

  app.get<{ Params: { token: string } }>('/account/set-password/:token', async (request, reply) => {
    const found = await findUsableToken(app.deps.db, request.params.token)
    if (!found) return reply.code(410).render('accounts/views/link-expired.njk', { title: 'This link has expired' })
    return reply.render('accounts/views/set-password.njk', {
      title: found.purpose === 'invitation' ? 'Choose your password' : 'Choose a new password',
      token: request.params.token,
      invitation: found.purpose === 'invitation',
      name: found.name,
    })
  })

  app.post<{ Params: { token: string } }>('/account/set-password/:token', { preHandler: perIp('set-password', resetRequestsPerIp) }, async (request, reply) => {
    const form = asForm(request.body)
    const result = await setPasswordWithToken(app.deps.db, {
      token: request.params.token,
      password: text(form, 'password', 1000),
      confirm: text(form, 'confirm', 1000),
    })
    if (!result.ok && 'expired' in result) return reply.code(410).render('accounts/views/link-expired.njk', { title: 'This link has expired' })
    if (!result.ok) {
      const found = await findUsableToken(app.deps.db, request.params.token)
      return reply.code(400).render('accounts/views/set-password.njk', {
        title: found?.purpose === 'invitation' ? 'Choose your password' : 'Choose a new password',
        pageError: true,
        token: request.params.token,
        invitation: found?.purpose === 'invitation',
        name: found?.name,
        ...presentErrors(result.errors),
      })
    }
    await startSession(app, request, reply, result.userId)
    return reply.redirect('/dashboard?password-set=1', 303)
  })
}
