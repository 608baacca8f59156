import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addressHtml, escapeHtml } from './html.ts'

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'))
})

describe('addressHtml', () => {
  const cases: Array<[string, string]> = [
    ['/api/v1/principles', '/<wbr>api/<wbr>v1/<wbr>principles'],
    ['/case-studies.csv?nation=scotland&nation=wales', '/<wbr>case-studies.csv<wbr>?nation=scotland<wbr>&amp;nation=wales'],
    ['https://example.org/a', 'https:/<wbr>/<wbr>example.org/<wbr>a'],
    ['/x?q=<b>', '/<wbr>x<wbr>?q=&lt;b&gt;'],
  ]
  for (const [address, html] of cases) it(address, () => assert.equal(addressHtml(address), html))
})
