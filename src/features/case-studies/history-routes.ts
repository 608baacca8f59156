import type { FastifyInstance } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { asForm, text } from '../../web/forms.ts'
import { differencesIn } from './editor-present.ts'
import { loadEditable } from './editor-routes.ts'
import { saveCaseStudy } from './commands/save-case-study.ts'
import { findRevision, listRevisions } from './revisions.ts'
import { diffLines, diffSnapshots } from './snapshot.ts'

const revisionNumber = (raw: unknown): number | null => (typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null)

export async function caseStudyHistoryRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { slug: string }; Querystring: { from?: string; to?: string; restored?: string } }>(
    '/case-studies/:slug/history',
    async (request, reply) => {
      const { row } = await loadEditable(app, request)
      const { t } = request
      const revisions = await listRevisions(app.deps.db, row.id)
      const to = revisionNumber(request.query.to) ?? row.revision
      const from =
        revisionNumber(request.query.from) ?? (row.publishedRevision !== null && row.publishedRevision !== to ? row.publishedRevision : Math.max(1, to - 1))
      const [before, after] = await Promise.all([findRevision(app.deps.db, row.id, from), findRevision(app.deps.db, row.id, to)])
      const comparing = before && after && from !== to
      const differences = comparing
        ? differencesIn(
            diffSnapshots(before.snapshot, after.snapshot, t).map((d) =>
              d.key === 'body' || d.key === 'outcomes' ? { ...d, lines: diffLines(d.before, d.after) } : d,
            ),
            request.locale,
            row.language,
          )
        : []
      const options = (selected: number) =>
        revisions.map((r) => ({
          value: String(r.number),
          text: t('history.compare.option', { number: r.number, action: t(`history.action.${r.action}`), author: r.authorLabel }),
          selected: r.number === selected,
        }))
      return reply.render('case-studies/views/history.njk', {
        title: t('history.page.title', { title: row.title }),
        section: 'dashboard',
        breadcrumbs: [
          { text: t('navigation.yourWork'), href: '/dashboard' },
          { text: row.title, href: `/case-studies/${row.slug}/edit` },
        ],
        row,
        revisions: revisions.map((r) => ({ ...r, actionLabel: t(`history.action.${r.action}`) })),
        fromItems: options(from),
        toItems: options(to),
        comparing,
        from,
        to,
        differences,
        differencesCaption: comparing ? t('history.compare.caption', { from, to }) : t('history.compare.chooseTwo'),
        beforeLabel: t('history.version', { number: from }),
        afterLabel: t('history.version', { number: to }),
        restored: revisionNumber(request.query.restored),
      })
    },
  )

  app.post<{ Params: { slug: string; number: string } }>('/case-studies/:slug/history/:number/restore', async (request, reply) => {
    const { actor, row } = await loadEditable(app, request)
    const number = revisionNumber(request.params.number)
    const old = number === null ? null : await findRevision(app.deps.db, row.id, number)
    if (!old) throw new NotFoundError()
    // Restoring is a new revision with the old content: nothing in between is lost.
    const baseRevision = Number(text(asForm(request.body), 'baseRevision', 12)) || row.revision
    const saved = await inTransaction(app.deps.db, (tx) =>
      saveCaseStudy(tx, actor, { caseStudyId: row.id, baseRevision, snapshot: old.snapshot, action: 'restored' }),
    )
    if (!saved.ok && saved.reason === 'conflict') return reply.redirect(`/case-studies/${row.slug}/history?conflict=1`, 303)
    if (!saved.ok) throw new NotFoundError()
    return reply.redirect(`/case-studies/${row.slug}/history?restored=${number}`, 303)
  })
}
