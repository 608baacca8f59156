import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { markdownToText, renderMarkdown } from './markdown.ts'

describe('renderMarkdown', () => {
  it('renders headings from h2 and links with the GOV.UK class', () => {
    const html = renderMarkdown('# Top\n\n## About\n\nSee [the plan](https://example.org/plan).')
    assert.match(html, /<h2>Top<\/h2>/)
    assert.match(html, /<h2>About<\/h2>/)
    assert.match(html, /<a href="https:\/\/example.org\/plan" class="govuk-link">the plan<\/a>/)
  })

  const hostile: Array<[string, string]> = [
    ['script tag', '<script>alert(1)</script>'],
    ['javascript link', '[click](javascript:alert(1))'],
    ['event handler', '<img src=x onerror=alert(1)>'],
    ['broken html', '<div><p onclick="x">unclosed <b'],
    ['data url', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['autolink', '<javascript:alert(1)>'],
  ]
  for (const [name, source] of hostile) {
    it(`neutralises ${name}`, () => {
      const html = renderMarkdown(source)
      // Escaped text such as "&lt;img onerror=…" is harmless; real elements and attributes are not.
      assert.doesNotMatch(html, /<(script|img|div)\b|<[^>]+\son[a-z]+=|href="(javascript|data):/i)
    })
  }
})

describe('markdownToText', () => {
  it('keeps the words only', () => {
    assert.equal(markdownToText('## A *b* [c](https://x.org) & <d>'), 'A b c & <d>')
  })
})
