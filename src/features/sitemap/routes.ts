import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { sourceDir } from '../../runtime.ts'
import { siteUrl } from '../../web/base-url.ts'
import { listPublicPages } from './queries.ts'
import { pagesPerFile, sitemapIndexXml, urlsetXml } from './sitemap.ts'

interface Sitemap {
  /** The files: one, or the index's parts (/sitemap.xml?page=n) with the index first. */
  files: Array<{ xml: string; etag: string }>
}

const withEtag = (xml: string) => ({ xml, etag: `"${createHash('sha1').update(xml).digest('base64url')}"` })

/**
 * /sitemap.xml: the same in every language (one file lists both). Built once per site address
 * and kept until public content changes, like the pages' cache; revalidated by its ETag.
 */
export async function sitemapRoutes(app: FastifyInstance): Promise<void> {
  // robots.txt names the sitemap, which the protocol wants as an absolute address: the site's own.
  const robots = readFileSync(path.join(sourceDir, 'web/static/robots.txt'), 'utf8').trimEnd()
  app.get('/robots.txt', async (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(`${robots}\n\nSitemap: ${siteUrl(app.deps.config, request)}/sitemap.xml\n`),
  )

  app.get<{ Querystring: { page?: string } }>('/sitemap.xml', async (request, reply) => {
    const base = siteUrl(app.deps.config, request)
    const sitemap = await app.pageCache.memo<Sitemap>(`sitemap\u0000${base}`, async () => {
      const pages = await listPublicPages(app.deps.db)
      if (pages.length <= pagesPerFile) return { files: [withEtag(urlsetXml(base, pages))] }
      const parts = Math.ceil(pages.length / pagesPerFile)
      return {
        files: [
          withEtag(sitemapIndexXml(base, parts)),
          ...Array.from({ length: parts }, (_, i) => withEtag(urlsetXml(base, pages.slice(i * pagesPerFile, (i + 1) * pagesPerFile)))),
        ],
      }
    })
    const page = request.query.page === undefined ? 0 : /^[1-9]\d{0,5}$/.test(request.query.page) ? Number(request.query.page) : -1
    const file = sitemap.files.length > 1 || page === 0 ? sitemap.files[page] : undefined
    if (!file) throw new NotFoundError()
    reply.header('etag', file.etag).header('cache-control', 'no-cache')
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send()
    return reply.type('application/xml; charset=utf-8').send(file.xml)
  })
}
