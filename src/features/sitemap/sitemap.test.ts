import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sitemapIndexXml, urlsetXml } from './sitemap.ts'

describe('the sitemap files', () => {
  it('gives each page in both languages, escaped, with its alternates', () => {
    const xml = urlsetXml('https://x.example', [{ path: '/case-studies?a=1&b=2' }, { path: '/', lastmod: new Date(Date.UTC(2026, 2, 5)) }])
    assert.match(xml, /<url><loc>https:\/\/x.example\/case-studies\?a=1&amp;b=2<\/loc><xhtml:link rel="alternate" hreflang="en"/)
    assert.match(xml, /<url><loc>https:\/\/x.example\/cy\/case-studies\?a=1&amp;b=2<\/loc>/)
    assert.match(
      xml,
      /<url><loc>https:\/\/x.example\/cy<\/loc><lastmod>2026-03-05T00:00:00.000Z<\/lastmod><xhtml:link rel="alternate" hreflang="en" href="https:\/\/x.example\/"\/><xhtml:link rel="alternate" hreflang="cy" href="https:\/\/x.example\/cy"\/><xhtml:link rel="alternate" hreflang="x-default" href="https:\/\/x.example\/"\/><\/url>/,
    )
    assert.equal((xml.match(/<url>/g) ?? []).length, 4)
  })

  it('indexes a sitemap too long for one file', () => {
    const xml = sitemapIndexXml('https://x.example', 2)
    assert.match(xml, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
    assert.match(
      xml,
      /<sitemap><loc>https:\/\/x.example\/sitemap.xml\?page=1<\/loc><\/sitemap>\n<sitemap><loc>https:\/\/x.example\/sitemap.xml\?page=2<\/loc><\/sitemap>/,
    )
  })
})
