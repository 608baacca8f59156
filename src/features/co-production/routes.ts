import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { listBidsOfCall } from './bid-queries.ts'
import { bidRoutes } from './bid-routes.ts'
import { canViewCall } from './policy.ts'
import { groupCalls, presentCall, presentListedCall } from './present.ts'
import { findCallBySlug, listCalls } from './queries.ts'

/**
 * The public pages of calls, and the officers' bids to them (registered here, so the app registers one feature). Not page-cached: a call moves from open to past at midnight in London
 * without any write to mark it.
 */
export async function callRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  await app.register(bidRoutes)

  app.get('/calls', async (request, reply) => {
    const { t, format, locale } = request
    const groups = groupCalls(await listCalls(db), new Date())
    const present = (rows: typeof groups.open) => rows.map((row) => presentListedCall(t, format, row))
    return reply.render('co-production/views/index.njk', {
      title: t('calls.index.title'),
      section: 'calls',
      breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
      open: present(groups.open),
      upcoming: present(groups.upcoming),
      past: present(groups.past),
      contentLang: locale === 'en' ? null : 'en',
    })
  })

  app.get<{ Params: { slug: string } }>('/calls/:slug', async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const call = await findCallBySlug(db, request.params.slug)
    if (!call || !canViewCall(request.user ?? null, call)) throw new NotFoundError()
    const { t, format, locale } = request
    return reply.render('co-production/views/show.njk', {
      title: call.title,
      section: 'calls',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('calls.index.title'), href: '/calls' },
      ],
      call: presentCall(t, format, locale, call, new Date()),
      summaryHtml: call.summary.trim() ? renderMarkdown(call.summary) : '',
      // Drafts and withdrawn bids are their owners' business: the call's page lists submitted ones.
      bids: (await listBidsOfCall(db, call.id)).filter((b) => b.status === 'submitted').map((b) => ({ id: b.id, title: b.title, lead: b.lead ?? '' })),
      contentLang: locale === 'en' ? null : 'en',
    })
  })
}
