import assert from 'node:assert/strict'
import { test } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { packCandidate } from '../../../test/publications.ts'
import { unsafeMarkup } from '../../../test/html-safety.ts'
import { buildPackDocument } from './pack-document.ts'
import { packEditionHtml } from './pack-html.ts'
import { selectPack, yearPeriod } from './rules/pack-content.ts'

const edition = (title: string, body: string) => {
  const sections = selectPack([packCandidate(1, { title, body })], {
    period: yearPeriod(2025),
    kinds: ['case-studies'],
    order: 'council',
    language: 'en',
    principleOrder: [1],
  })
  const doc = buildPackDocument(
    'en',
    translator('en'),
    sections,
    { title: 'Pack', coverText: '', foreword: '# Hello', order: 'council', matters: ['join-us'] },
    { network: 'N', baseUrl: 'https://x.example', principles: [], projects: [], members: [] },
  )
  return packEditionHtml(doc)
}

test('the HTML edition escapes every string and keeps only safe links', () => {
  const html = edition('<img src=x onerror=alert(1)>', '<script>alert(1)</script> [a](https://ok.example) [b](javascript:alert(1)) "quotes" & ampersands')
  assert.deepEqual(unsafeMarkup(html), [])
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/)
  assert.match(html, /<a class="govuk-link" href="https:\/\/ok\.example">a<\/a>/)
})

test('headings run h1 (title), h2 (sections), h3 (case studies), h4 and below in a body, with no level skipped', () => {
  const html = edition('A study', '# Top\n\n#### Deep\n\ntext')
  const levels = [...html.matchAll(/<h(\d)/g)].map((m) => Number(m[1]))
  assert.equal(levels[0], 1)
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i]! <= levels[i - 1]! + 1, `h${levels[i - 1]} then h${levels[i]}`)
  assert.match(html, /<h3 class="govuk-heading-l">A study<\/h3>/)
  assert.match(html, /<h4 class="govuk-heading-s">Top<\/h4>/)
  assert.match(html, /<h5 class="govuk-heading-s">Deep<\/h5>/)
  assert.match(html, /href="#case-study-1">A study<\/a>/)
})
