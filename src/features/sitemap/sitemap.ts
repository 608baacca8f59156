// The sitemap (sitemaps.org 0.9): every public page in English and in Welsh, each address with its
// alternates in both languages (hreflang en, cy and x-default, as the pages' own <head> has them),
// so that search engines offer each reader the page in their language. Pure.
import { urlIn } from '../../i18n/locales.ts'
import { xmlText } from '../api/atom.ts'

/** A public page by its English address; `lastmod` when the page says when it last changed. */
export interface SitemapPage {
  path: string
  lastmod?: Date | null
}

/** The protocol allows 50,000 addresses in one file: a page is two (English and Welsh). */
export const pagesPerFile = 25_000

const urlsetOpen =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'

function entries(base: string, page: SitemapPage): string {
  const en = xmlText(base + page.path)
  const cy = xmlText(base + urlIn('cy', page.path))
  const lastmod = page.lastmod ? `<lastmod>${page.lastmod.toISOString()}</lastmod>` : ''
  const alternates =
    `<xhtml:link rel="alternate" hreflang="en" href="${en}"/>` +
    `<xhtml:link rel="alternate" hreflang="cy" href="${cy}"/>` +
    `<xhtml:link rel="alternate" hreflang="x-default" href="${en}"/>`
  return `<url><loc>${en}</loc>${lastmod}${alternates}</url>\n<url><loc>${cy}</loc>${lastmod}${alternates}</url>\n`
}

/** One sitemap file: the pages in both languages, addresses absolute from `base` (no trailing slash). */
export function urlsetXml(base: string, pages: readonly SitemapPage[]): string {
  let xml = urlsetOpen
  for (const page of pages) xml += entries(base, page)
  return `${xml}</urlset>\n`
}

/** The index of a sitemap too long for one file: /sitemap.xml?page=1, 2, … */
export function sitemapIndexXml(base: string, files: number): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
  for (let i = 1; i <= files; i++) xml += `<sitemap><loc>${xmlText(`${base}/sitemap.xml?page=${i}`)}</loc></sitemap>\n`
  return `${xml}</sitemapindex>\n`
}
