// The purchase-order link of a renewal notice: a council's finance contact gives the number for
// next year's invoice, with no account. The link is the only key; it works once and expires.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { hashToken } from '../accounts/secrets.ts'
import { recordPoNumber } from './commands/record-po-number.ts'
import { checkPoNumber } from './po-number.ts'
import { findPoRequest } from './queries.ts'
import { yearLabel } from './rules/subscription-year.ts'

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/

export async function purchaseOrderRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  const perIp = limitBy(app, { name: 'po-ip', max: 30, timeWindow: '1 hour', key: (r) => r.ip })

  async function render(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, values: { poNumber: string }, errors: FieldError[] = []) {
    const token = request.params.token
    const found = tokenPattern.test(token) ? await findPoRequest(db, hashToken(token)) : null
    if (!found) throw new NotFoundError()
    const { t } = request
    const { request: po } = found
    const year = yearLabel(po.year)
    // Why the form is not offered, if it is not: given already, expired, or the invoice is out.
    const closed = po.answeredAt ? 'answered' : po.expiresAt < new Date() ? 'expired' : found.invoiced ? 'invoiced' : null
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store')
    return reply.code(errors.length > 0 ? 400 : 200).render('membership/views/purchase-order.njk', {
      title: t('renewals.po.title'),
      pageError: errors.length > 0,
      organisation: found.organisationName,
      year,
      saved: asForm(request.query).saved === 'yes' && po.poNumber ? po.poNumber : null,
      closed: closed === null ? null : t(`renewals.po.${closed}`, { year }),
      action: `/purchase-orders/${token}`,
      values,
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { token: string } }>('/purchase-orders/:token', async (request, reply) => render(request, reply, { poNumber: '' }))

  app.post<{ Params: { token: string } }>('/purchase-orders/:token', { preHandler: perIp }, async (request, reply) => {
    const token = request.params.token
    if (!tokenPattern.test(token)) throw new NotFoundError()
    const values = { poNumber: text(asForm(request.body), 'poNumber', 1000) }
    const checked = checkPoNumber(values.poNumber)
    if (!checked.ok) return render(request, reply, values, checked.errors)
    const result = await inTransaction(db, (tx) => recordPoNumber(tx, { tokenHash: hashToken(token), poNumber: checked.value, now: new Date() }))
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return render(
        request,
        reply,
        values,
        result.errors.map((e) => ({ ...e, field: 'poNumber' })),
      )
    }
    return reply.redirectInLanguage(request.locale, `/purchase-orders/${token}?saved=yes`)
  })
}
