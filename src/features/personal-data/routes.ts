import type { FastifyInstance, FastifyReply } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { parseId } from '../../web/address-numbers.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { findAccount, type Account } from '../accounts/admin-queries.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { canAdminister } from '../accounts/policy.ts'
import { erasePerson } from './commands/erase-person.ts'
import { collectPersonalData } from './queries.ts'
import { isErasedEmail } from './rules.ts'

/** The export as a download: never cached, never shown inline. */
function sendExport(reply: FastifyReply, data: unknown, userId: number) {
  return reply
    .type('application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="personal-data-account-${userId}.json"`)
    .send(JSON.stringify(data, null, 2))
}

export async function personalDataRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps

  // A subject access request the person makes themselves.
  app.get('/account/data', async (request, reply) => {
    const actor = requireUser(request)
    const data = await collectPersonalData(db, actor.id)
    if (!data) throw new NotFoundError()
    return sendExport(reply, data, actor.id)
  })

  // Someone else's data: who downloaded it, and when, goes in the audit log.
  app.get<{ Params: { id: string } }>('/admin/users/:id/data', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canAdminister(actor))
    const id = parseId(request.params.id)
    const data = await collectPersonalData(db, id)
    if (!data) throw new NotFoundError()
    await recordAudit(db, auditActor(actor), {
      action: 'personal-data-exported',
      subjectType: 'user',
      subjectId: id,
      summary: `Downloaded the personal data of account ${id}`,
    })
    return sendExport(reply, data, id)
  })

  const erasePage = (reply: FastifyReply, account: Account, errors: FieldError[] = []) => {
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('personal-data/views/erase.njk', {
      title: t('personalData.erase.title', { name: account.name }),
      section: 'admin',
      breadcrumbs: [...breadcrumbsTo(t, t('adminUsers.index.title'), '/admin/users'), { text: account.name, href: `/admin/users/${account.id}` }],
      pageError: errors.length > 0,
      account,
      erased: isErasedEmail(account.email),
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/admin/users/:id/erase', async (request, reply) => {
    authorize(canAdminister(requireUser(request)))
    const account = await findAccount(db, parseId(request.params.id))
    if (!account) throw new NotFoundError()
    return erasePage(reply, account)
  })

  app.post<{ Params: { id: string } }>('/admin/users/:id/erase', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canAdminister(actor))
    const id = parseId(request.params.id)
    const account = await findAccount(db, id)
    if (!account) throw new NotFoundError()
    if (text(asForm(request.body), 'confirm', 10) !== 'yes')
      return erasePage(reply, account, [{ field: 'confirm', message: 'personalData.erase.errorConfirm' }])
    const result = await inTransaction(db, (tx) => erasePerson(tx, auditActor(actor), { userId: id }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok)
      return erasePage(
        reply,
        account,
        result.errors.map((e) => ({ ...e, field: 'confirm' })),
      )
    return reply.redirect(`/admin/users/${id}?saved=${id}`, 303)
  })
}
