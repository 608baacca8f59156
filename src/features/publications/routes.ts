import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { packEditionParts } from './pack-html.ts'
import { findPublication, listPublications, publicationContents, publicationCover, publicationPdf } from './publication-queries.ts'
import { fileSize } from './rules/file-size.ts'

/** The network's publications: the list, each pack's HTML edition with its PDF, the PDF itself and its cover image. */
export async function publicationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  app.get('/publications', async (request, reply) => {
    const { t, format, locale } = request
    const rows = await listPublications(db)
    return reply.render('publications/views/index.njk', {
      title: t('publications.index.title'),
      breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
      publications: rows.map((p) => ({
        slug: p.slug,
        title: p.title,
        lang: p.language === locale ? null : p.language,
        line: t('publications.index.line', { date: format.date(p.publishedAt), pages: p.pages, size: fileSize(p.pdfBytes, locale), edition: p.edition }),
      })),
    })
  })

  app.get<{ Params: { slug: string } }>('/publications/:slug', async (request, reply) => {
    const { slug } = request.params
    if (!isSlug(slug)) throw new NotFoundError()
    const publication = await findPublication(db, slug)
    if (!publication) throw new NotFoundError()
    const { t, format, locale } = request
    const record = await publicationContents(db, publication.id)
    const { head, body } = packEditionParts(publication.document, publication.coverImageType ? `/publications/${slug}/cover-image` : null)
    const contentLang = publication.language === locale ? null : publication.language
    return reply.render('publications/views/show.njk', {
      title: publication.title,
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('publications.index.title'), href: '/publications' },
      ],
      slug,
      banner: (request.query as Record<string, unknown>)?.published === '1' ? t('publications.show.publishedBanner') : null,
      editionLang: contentLang,
      editionHead: head,
      editionBody: body,
      download: t('publications.show.download', { pages: publication.pages, size: fileSize(publication.pdfBytes, locale) }),
      published: t('publications.show.published', { date: format.date(publication.publishedAt), edition: publication.edition }),
      record: record.map((r) => ({ title: r.title, lang: contentLang, revision: t('publications.show.revision', { number: r.revisionNumber }) })),
    })
  })

  // A published pack never changes, so neither does its cover: kept by browsers for a day.
  app.get<{ Params: { slug: string } }>('/publications/:slug/cover-image', async (request, reply) => {
    const { slug } = request.params
    if (!isSlug(slug)) throw new NotFoundError()
    const cover = await publicationCover(db, slug)
    if (!cover) throw new NotFoundError()
    return reply.header('content-type', cover.type).header('cache-control', 'public, max-age=86400').send(cover.bytes)
  })

  app.get<{ Params: { slug: string } }>('/publications/:slug/pack.pdf', async (request, reply) => {
    const { slug } = request.params
    if (!isSlug(slug)) throw new NotFoundError()
    const found = await publicationPdf(db, slug)
    if (!found) throw new NotFoundError()
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${slug}.pdf"`)
      .header('cache-control', 'public, max-age=3600')
      .send(found.pdf)
  })
}
