// What the administrators' assessment pages of a call share: the call from its address, and the
// breadcrumbs back to it.
import type { FastifyReply } from 'fastify'
import type { Executor } from '../../db/client.ts'
import { NotFoundError } from '../../errors.ts'
import { parseId } from '../../web/address-numbers.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { findCallById, type CallRow } from '../co-production/queries.ts'

export async function callOfAddress(db: Executor, rawId: string): Promise<CallRow> {
  const call = await findCallById(db, parseId(rawId))
  if (!call) throw new NotFoundError()
  return call
}

export const callCrumbs = (reply: FastifyReply, call: CallRow) => [
  ...breadcrumbsTo(reply.request.t, reply.request.t('calls.admin.title'), '/admin/calls'),
  { text: call.title, href: `/admin/calls/${call.id}` },
]
