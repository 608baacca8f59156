import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { siteUrl } from '../../web/base-url.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { ok, refused } from '../../lib/result.ts'
import { normaliseEmail, passwordRules, resetRequestsPerAccount, resetRequestsPerIp, safeNextPath, attemptWindow } from './rules.ts'
import { chooseLanguage } from './commands/choose-language.ts'
import { chooseSubmissionEmails } from './commands/choose-submission-emails.ts'
import { requestPasswordReset } from './commands/request-password-reset.ts'
import { authorize, requireUser } from './guard.ts'
import { canReviewSubmissions } from './policy.ts'
import { roleLabels } from './present.ts'
import { findAccountOf } from './queries.ts'
import { findUsableToken, setPasswordWithToken } from './commands/set-password-with-token.ts'
import { signIn } from './commands/sign-in.ts'
import { clearSessionCookie, closeSession, openSession, setSessionCookie } from './sessions.ts'
import { secondsBeforeSignIn } from './sign-in-failures.ts'

const byEmail = (request: FastifyRequest) => normaliseEmail(text(asForm(request.body), 'email', 320))

/** "30 seconds", "1 minute", "4 minutes": how long to wait, in words. */
function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  const perIp = (name: string, max: number) => limitBy(app, { name: `${name}-ip`, max, timeWindow: attemptWindow, key: (r) => r.ip })
  const perAccount = (name: string, max: number) => limitBy(app, { name: `${name}-account`, max, timeWindow: attemptWindow, key: byEmail })

  app.get<{ Querystring: { next?: string } }>('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect(safeNextPath(request.query.next), 303)
    return reply.render('accounts/views/sign-in.njk', { title: 'Sign in', next: safeNextPath(request.query.next), values: {} })
  })

  app.post('/sign-in', async (request, reply) => {
    const form = asForm(request.body)
    const input = { email: text(form, 'email', 320), password: text(form, 'password', 1000) }
    const next = safeNextPath(form.next)
    // Failed attempts slow further ones down (rules.ts); successes never count.
    const wait = await secondsBeforeSignIn(db, input.email, request.ip)
    const result =
      wait > 0
        ? refused(`There have been too many failed attempts to sign in. Wait ${waitInWords(wait)}, then try again`, 'email')
        : await signIn(db, { ...input, address: request.ip, previousSessionId: request.sessionId })
    if (!result.ok) {
      if (wait > 0) reply.header('retry-after', String(wait))
      return reply.code(wait > 0 ? 429 : 400).render('accounts/views/sign-in.njk', {
        title: 'Sign in',
        pageError: true,
        next,
        values: { email: input.email },
        ...presentErrors(result.errors),
      })
    }
    setSessionCookie(app, reply, result.value.token)
    return reply.redirect(next, 303)
  })

  app.post('/sign-out', async (request, reply) => {
    const { sessionId, user } = request
    if (sessionId) await db.transaction((tx) => closeSession(tx, sessionId, user, { audit: true }))
    clearSessionCookie(reply)
    return reply.redirect('/?signed-out=1', 303)
  })

  app.get('/password-reset', async (_request, reply) => reply.render('accounts/views/password-reset.njk', { title: 'Reset your password', values: {} }))

  app.post('/password-reset', { preHandler: [perIp('reset', resetRequestsPerIp), perAccount('reset', resetRequestsPerAccount)] }, async (request, reply) => {
    const email = text(asForm(request.body), 'email', 320)
    const result = await inTransaction(db, (tx) =>
      requestPasswordReset(tx, { email, baseUrl: siteUrl(app.deps.config, request), networkName: app.deps.config.networkName }),
    )
    if (!result.ok) {
      return reply.code(400).render('accounts/views/password-reset.njk', {
        title: 'Reset your password',
        pageError: true,
        values: { email },
        ...presentErrors(result.errors),
      })
    }
    await app.mailer.deliver(result.value.emailIds)
    return reply.render('accounts/views/password-reset-sent.njk', { title: 'Check your email', email: normaliseEmail(email) })
  })

  const linkExpired = (reply: FastifyReply) => reply.code(410).render('accounts/views/link-expired.njk', { title: 'This link has expired' })

  app.get<{ Params: { token: string } }>('/account/set-password/:token', async (request, reply) => {
    const found = await findUsableToken(db, request.params.token)
    if (!found) return linkExpired(reply)
    return reply.render('accounts/views/set-password.njk', {
      title: found.purpose === 'invitation' ? 'Choose your password' : 'Choose a new password',
      passwordRules,
      token: request.params.token,
      invitation: found.purpose === 'invitation',
      name: found.name,
    })
  })

  app.post<{ Params: { token: string } }>('/account/set-password/:token', { preHandler: perIp('set-password', resetRequestsPerIp) }, async (request, reply) => {
    const form = asForm(request.body)
    const input = { token: request.params.token, password: text(form, 'password', 1000), confirm: text(form, 'confirm', 1000) }
    // Setting the password and signing in are one use case: both happen or neither.
    const result = await inTransaction(db, async (tx) => {
      const set = await setPasswordWithToken(tx, input)
      return set.ok ? ok({ token: await openSession(tx, set.value.userId, request.sessionId) }) : set
    })
    if (!result.ok && result.reason === 'not-found') return linkExpired(reply)
    if (!result.ok) {
      const found = await findUsableToken(db, request.params.token)
      return reply.code(400).render('accounts/views/set-password.njk', {
        title: found?.purpose === 'invitation' ? 'Choose your password' : 'Choose a new password',
        passwordRules,
        pageError: true,
        token: request.params.token,
        invitation: found?.purpose === 'invitation',
        name: found?.name,
        ...presentErrors(result.errors),
      })
    }
    setSessionCookie(app, reply, result.value.token)
    return reply.redirect('/dashboard?password-set=1', 303)
  })

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; saved?: boolean } = {}) => {
    const actor = requireUser(request)
    const account = await findAccountOf(db, actor.id)
    if (!account) throw new NotFoundError()
    const errors = options.errors ?? []
    return reply.code(errors.length ? 400 : 200).render('accounts/views/account.njk', {
      title: 'Your account',
      section: 'dashboard',
      breadcrumbs: [{ text: 'Your work', href: '/dashboard' }],
      pageError: errors.length > 0,
      saved: options.saved === true,
      facts: [
        { key: { text: 'Name' }, value: { text: account.name } },
        { key: { text: 'Email address' }, value: { text: account.email } },
        { key: { text: 'Role' }, value: { text: roleLabels[account.role] } },
        { key: { text: 'Organisation' }, value: { text: account.organisationName ?? 'None' } },
      ],
      reviews: canReviewSubmissions(actor),
      languageItems: (['en', 'cy'] as const).map((value) => ({
        value,
        text: value === 'en' ? 'English' : 'Cymraeg',
        attributes: { lang: value },
        checked: account.language === value,
      })),
      submissionEmailItems: [
        { value: 'each', text: 'An email for each submission, as it arrives', checked: account.submissionEmails === 'each' },
        { value: 'hourly', text: 'One email an hour at most, listing what arrived', checked: account.submissionEmails === 'hourly' },
      ],
      ...presentErrors(errors, request.t),
    })
  }

  app.get<{ Querystring: { saved?: string } }>('/account', async (request, reply) => accountPage(request, reply, { saved: request.query.saved === '1' }))

  app.post('/account/submission-emails', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canReviewSubmissions(actor))
    const result = await inTransaction(db, (tx) => chooseSubmissionEmails(tx, actor, { choice: text(asForm(request.body), 'submissionEmails', 20) }))
    if (!result.ok) return accountPage(request, reply, { errors: result.errors })
    return reply.redirect('/account?saved=1', 303)
  })

  app.post('/account/language', async (request, reply) => {
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => chooseLanguage(tx, actor, { choice: text(asForm(request.body), 'language', 10) }))
    if (!result.ok) return accountPage(request, reply, { errors: result.errors })
    // The account page, in the language just chosen.
    return reply.redirectInLanguage(result.value.language, '/account?saved=1')
  })
}
