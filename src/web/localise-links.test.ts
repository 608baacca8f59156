import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { localiseLinks } from './localise-links.ts'

describe('the links of a Welsh page', () => {
  it('move under /cy: links, forms and the home page', () => {
    assert.equal(
      localiseLinks('<a class="x" href="/members?q=a&amp;b=1">M</a><form method="post" action="/sign-out"><a href="/">H</a>', 'cy'),
      '<a class="x" href="/cy/members?q=a&amp;b=1">M</a><form method="post" action="/cy/sign-out"><a href="/cy">H</a>',
    )
  })
  it('leave files, the JSON API, other sites, fragments, Welsh addresses and language alternates alone', () => {
    const html = [
      '<link rel="stylesheet" href="/static/app.css?v=1">',
      '<link rel="alternate" hreflang="en" href="/members">',
      '<a href="/members" rel="alternate" lang="en" hreflang="en">English</a>',
      '<a href="/case-studies.json">JSON</a>',
      '<a href="/api/v1/members">API</a>',
      '<a href="https://example.org/">Out</a>',
      '<a href="#main-content">Skip</a>',
      '<a href="/cy/members">Aelodau</a>',
    ].join('')
    assert.equal(localiseLinks(html, 'cy'), html)
  })
  it('move the feed and the CSV file, which have Welsh versions', () => {
    assert.equal(
      localiseLinks('<link rel="alternate" type="application/atom+xml" title="Ffrwd" href="/case-studies.atom?q=a"><a href="/case-studies.csv">CSV</a>', 'cy'),
      '<link rel="alternate" type="application/atom+xml" title="Ffrwd" href="/cy/case-studies.atom?q=a"><a href="/cy/case-studies.csv">CSV</a>',
    )
  })
  it('leave text that only looks like a link alone, and English pages untouched', () => {
    const text = '<p>&lt;a href="/members"&gt; and href="/x"</p>'
    assert.equal(localiseLinks(text, 'cy'), text)
    assert.equal(localiseLinks('<a href="/members">', 'en'), '<a href="/members">')
  })
})
