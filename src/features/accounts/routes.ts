import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { siteUrl } from '../../web/base-url.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { ok, type Failure } from '../../lib/result.ts'
import { localeNames, localeOfUrl } from '../../i18n/locales.ts'
import { normaliseEmail, passwordRules, resetRequestsPerAccount, resetRequestsPerIp, safeNextPath, attemptWindow } from './rules.ts'
import { chooseLanguage } from './commands/choose-language.ts'
import { chooseSubmissionEmails } from './commands/choose-submission-emails.ts'
import { requestPasswordReset } from './commands/request-password-reset.ts'
import { authorize, requireUser } from './guard.ts'
import { canReviewSubmissions } from './policy.ts'
import { findAccountOf } from './queries.ts'
import { findUsableToken, setPasswordWithToken } from './commands/set-password-with-token.ts'
import { signIn } from './commands/sign-in.ts'
import { signOutEverywhere } from './commands/sign-out-everywhere.ts'
import { clearSessionCookie, closeSession, openSession, setSessionCookie } from './sessions.ts'
import { secondsBeforeSignIn } from './sign-in-failures.ts'

const byEmail = (request: FastifyRequest) => normaliseEmail(text(asForm(request.body), 'email', 320))

/** Too many failed sign-ins: how long to wait, in seconds under a minute and in whole minutes above. */
function waitError(seconds: number): Failure<never> {
  const error: FieldError =
    seconds < 60
      ? { field: 'email', message: 'accounts.signIn.errorWaitSeconds', values: { seconds } }
      : { field: 'email', message: 'accounts.signIn.errorWaitMinutes', values: { minutes: Math.ceil(seconds / 60) } }
  return { ok: false, reason: 'refused', errors: [error] }
}

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  const perIp = (name: string, max: number) => limitBy(app, { name: `${name}-ip`, max, timeWindow: attemptWindow, key: (r) => r.ip })
  const perAccount = (name: string, max: number) => limitBy(app, { name: `${name}-account`, max, timeWindow: attemptWindow, key: byEmail })

  const signInPage = (request: FastifyRequest, reply: FastifyReply, next: unknown, signedOutEverywhere = false) => {
    if (request.user) return reply.redirect(safeNextPath(next), 303)
    return reply.render('accounts/views/sign-in.njk', { title: request.t('accounts.signIn.title'), next: safeNextPath(next), signedOutEverywhere, values: {} })
  }
  app.get<{ Querystring: { next?: string } }>('/sign-in', async (request, reply) => signInPage(request, reply, request.query.next))
  // Where "sign out everywhere" lands: the sign-in form, saying what happened.
  app.get('/signed-out-everywhere', async (request, reply) => signInPage(request, reply, undefined, true))

  app.post('/sign-in', async (request, reply) => {
    const form = asForm(request.body)
    const input = { email: text(form, 'email', 320), password: text(form, 'password', 1000) }
    const next = safeNextPath(form.next)
    // Failed attempts slow further ones down (rules.ts); successes never count.
    const wait = await secondsBeforeSignIn(db, input.email, request.ip)
    const result = wait > 0 ? waitError(wait) : await signIn(db, { ...input, address: request.ip, previousSessionId: request.sessionId })
    if (!result.ok) {
      if (wait > 0) reply.header('retry-after', String(wait))
      return reply.code(wait > 0 ? 429 : 400).render('accounts/views/sign-in.njk', {
        title: request.t('accounts.signIn.title'),
        pageError: true,
        next,
        values: { email: input.email },
        ...presentErrors(result.errors, request.t),
      })
    }
    setSessionCookie(app, reply, result.value.token)
    // The site in the person's own language, as they last chose it.
    return reply.redirectInLanguage(result.value.language, next)
  })

  app.post('/sign-out', async (request, reply) => {
    const { sessionId, user } = request
    if (sessionId) await db.transaction((tx) => closeSession(tx, sessionId, user, { audit: true }))
    clearSessionCookie(reply)
    return reply.redirect('/?signed-out=1', 303)
  })

  app.post('/account/sign-out-everywhere', async (request, reply) => {
    const actor = requireUser(request)
    await inTransaction(db, (tx) => signOutEverywhere(tx, actor))
    clearSessionCookie(reply)
    return reply.redirect('/signed-out-everywhere', 303)
  })

  app.get('/password-reset', async (request, reply) =>
    reply.render('accounts/views/password-reset.njk', { title: request.t('accounts.passwordReset.title'), values: {} }),
  )

  app.post('/password-reset', { preHandler: [perIp('reset', resetRequestsPerIp), perAccount('reset', resetRequestsPerAccount)] }, async (request, reply) => {
    const email = text(asForm(request.body), 'email', 320)
    const result = await inTransaction(db, (tx) =>
      requestPasswordReset(tx, { email, baseUrl: siteUrl(app.deps.config, request), networkName: app.deps.config.networkName }),
    )
    if (!result.ok) {
      return reply.code(400).render('accounts/views/password-reset.njk', {
        title: request.t('accounts.passwordReset.title'),
        pageError: true,
        values: { email },
        ...presentErrors(result.errors, request.t),
      })
    }
    await app.mailer.deliver(result.value.emailIds)
    return reply.render('accounts/views/password-reset-sent.njk', { title: request.t('accounts.passwordResetSent.title'), email: normaliseEmail(email) })
  })

  const linkExpired = (reply: FastifyReply) =>
    reply.code(410).render('accounts/views/link-expired.njk', { title: reply.request.t('accounts.linkExpired.title') })
  const setPasswordTitle = (request: FastifyRequest, invitation: boolean) =>
    request.t(invitation ? 'accounts.setPassword.titleInvitation' : 'accounts.setPassword.titleReset')

  app.get<{ Params: { token: string } }>('/account/set-password/:token', async (request, reply) => {
    const found = await findUsableToken(db, request.params.token)
    if (!found) return linkExpired(reply)
    return reply.render('accounts/views/set-password.njk', {
      title: setPasswordTitle(request, found.purpose === 'invitation'),
      passwordRules,
      token: request.params.token,
      invitation: found.purpose === 'invitation',
      name: found.name,
    })
  })

  app.post<{ Params: { token: string } }>('/account/set-password/:token', { preHandler: perIp('set-password', resetRequestsPerIp) }, async (request, reply) => {
    const form = asForm(request.body)
    const input = {
      token: request.params.token,
      password: text(form, 'password', 1000),
      confirm: text(form, 'confirm', 1000),
      networkName: app.deps.config.networkName,
      baseUrl: siteUrl(app.deps.config, request),
    }
    // Setting the password and signing in are one use case: both happen or neither.
    const result = await inTransaction(db, async (tx) => {
      const set = await setPasswordWithToken(tx, input)
      return set.ok ? ok({ token: await openSession(tx, set.value.userId, request.sessionId), emailIds: set.value.emailIds }) : set
    })
    if (!result.ok && result.reason === 'not-found') return linkExpired(reply)
    if (!result.ok) {
      const found = await findUsableToken(db, request.params.token)
      return reply.code(400).render('accounts/views/set-password.njk', {
        title: setPasswordTitle(request, found?.purpose === 'invitation'),
        passwordRules,
        pageError: true,
        token: request.params.token,
        invitation: found?.purpose === 'invitation',
        name: found?.name,
        ...presentErrors(result.errors, request.t),
      })
    }
    await app.mailer.deliver(result.value.emailIds)
    setSessionCookie(app, reply, result.value.token)
    return reply.redirect('/dashboard?password-set=1', 303)
  })

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; saved?: boolean } = {}) => {
    const actor = requireUser(request)
    const account = await findAccountOf(db, actor.id)
    if (!account) throw new NotFoundError()
    const errors = options.errors ?? []
    return reply.code(errors.length ? 400 : 200).render('accounts/views/account.njk', {
      title: request.t('account.title'),
      section: 'dashboard',
      breadcrumbs: [{ text: request.t('navigation.yourWork'), href: '/dashboard' }],
      pageError: errors.length > 0,
      saved: options.saved === true,
      facts: [
        { key: { text: request.t('account.facts.name') }, value: { text: account.name } },
        { key: { text: request.t('account.facts.email') }, value: { text: account.email } },
        { key: { text: request.t('account.facts.role') }, value: { text: request.t(`accounts.role.${account.role}`) } },
        { key: { text: request.t('account.facts.organisation') }, value: { text: account.organisationName ?? request.t('account.facts.noOrganisation') } },
      ],
      reviews: canReviewSubmissions(actor),
      sessionHours: app.deps.config.sessions.absoluteHours,
      sessionIdleMinutes: app.deps.config.sessions.idleMinutes,
      languageItems: (['en', 'cy'] as const).map((value) => ({
        value,
        text: localeNames[value],
        attributes: { lang: value },
        checked: account.language === value,
      })),
      submissionEmailItems: [
        { value: 'each', text: request.t('account.submissionEmails.each'), checked: account.submissionEmails === 'each' },
        { value: 'hourly', text: request.t('account.submissionEmails.hourly'), checked: account.submissionEmails === 'hourly' },
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

  // From the account page's form, and from the header's language switch for signed-in people (with
  // `return`, the page they were on): the choice is kept for their emails and their next sign-in.
  app.post('/account/language', async (request, reply) => {
    const actor = requireUser(request)
    const form = asForm(request.body)
    const result = await inTransaction(db, (tx) => chooseLanguage(tx, actor, { choice: text(form, 'language', 10) }))
    if (!result.ok) return accountPage(request, reply, { errors: result.errors })
    const back = text(form, 'return', 600)
    // The page they were on, in the language just chosen; only ever a page of this site.
    if (back !== '') return reply.redirectInLanguage(result.value.language, safeNextPath(localeOfUrl(back).url))
    return reply.redirectInLanguage(result.value.language, '/account?saved=1')
  })
}
