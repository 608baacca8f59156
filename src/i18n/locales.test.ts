import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isLanguageNeutral, localeOfUrl, urlIn } from './locales.ts'

describe('the language of an address', () => {
  const cases: Array<[string, string, string]> = [
    ['/', 'en', '/'],
    ['/case-studies?q=x', 'en', '/case-studies?q=x'],
    ['/cy', 'cy', '/'],
    ['/cy/', 'cy', '/'],
    ['/cy?signed-out=1', 'cy', '/?signed-out=1'],
    ['/cy/case-studies?q=tai', 'cy', '/case-studies?q=tai'],
    ['/cymru', 'en', '/cymru'],
    ['/cyngor', 'en', '/cyngor'],
  ]
  for (const [address, locale, english] of cases) {
    it(`${address} → ${locale} ${english}`, () => assert.deepEqual(localeOfUrl(address), { locale, url: english }))
  }
})

describe('an address in a language', () => {
  const cases: Array<[string, string, string]> = [
    ['en', '/members', '/members'],
    ['cy', '/members', '/cy/members'],
    ['cy', '/', '/cy'],
    ['cy', '/?q=x', '/cy?q=x'],
    ['cy', 'https://example.org/', 'https://example.org/'],
    ['cy', '//evil.example', '//evil.example'],
    ['cy', '#main', '#main'],
    ['cy', '/cy/members', '/cy/members'],
    ['cy', '/cy', '/cy'],
    ['cy', '/cymru', '/cy/cymru'],
    ['cy', '/static/app.css', '/static/app.css'],
    ['cy', '/case-studies.json', '/case-studies.json'],
    ['cy', '/case-studies.atom?q=x', '/cy/case-studies.atom?q=x'],
    ['cy', '/case-studies.csv', '/cy/case-studies.csv'],
  ]
  for (const [locale, url, expected] of cases) {
    it(`${locale} ${url} → ${expected}`, () => assert.equal(urlIn(locale as 'en' | 'cy', url), expected))
  }
  it('leaves files, the JSON API and the JSON export alone', () => {
    for (const url of ['/static/app.css', '/assets/govuk-frontend.min.js', '/api/v1/members', '/case-studies.json?x=1', '/health', '/favicon.ico'])
      assert.ok(isLanguageNeutral(url), url)
    for (const url of ['/api', '/case-studies', '/apiary', '/members', '/healthy', '/case-studies.csv', '/case-studies.atom?q=x'])
      assert.equal(isLanguageNeutral(url), false, url)
  })
})
