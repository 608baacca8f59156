import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { caseStudyListHtml } from './case-study-list.ts'
import type { ListedCaseStudy } from './case-study-list.ts'

const item: ListedCaseStudy = {
  slug: 'food-bank',
  title: 'Food & <friends>',
  summary: 'A "shared" larder.',
  kindLabel: 'Case study',
  yearLabel: '2021 to 2023',
  leadName: "O'Brien Council",
  principles: [{ shortName: 'Co-production' }, { shortName: 'Learning' }],
  snippetHtml: 'the <mark>food</mark> bank',
}

describe('caseStudyListHtml', () => {
  it('lists each case study with its link, lead, years, kind, summary, snippet and principles, escaped', () => {
    const html = caseStudyListHtml([item], 3)
    assert.match(html, /^<ul class="govuk-list coophub-results" data-qa="case-study-list"><li class="coophub-result" data-qa="case-study-result">/)
    assert.match(
      html,
      /<h3 class="govuk-heading-m coophub-result__title"><a class="govuk-link" href="\/case-studies\/food-bank">Food &amp; &lt;friends&gt;<\/a><\/h3>/,
    )
    assert.match(
      html,
      /O&#39;Brien Council<span aria-hidden="true"> · <\/span><span class="govuk-visually-hidden">, <\/span>2021 to 2023<span aria-hidden="true"> · <\/span><span class="govuk-visually-hidden">, <\/span>Case study<\/p>/,
    )
    assert.match(html, /<p class="govuk-body">A &quot;shared&quot; larder.<\/p>/)
    assert.match(html, /data-qa="snippet"><span class="govuk-visually-hidden">Where your words appear: <\/span>the <mark>food<\/mark> bank<\/p>/)
    assert.match(html, /<ul class="coophub-tags" aria-label="Principles met"><li><strong class="govuk-tag govuk-tag--grey">Co-production<\/strong><\/li><li>/)
  })

  it('leaves out what a case study does not have', () => {
    const html = caseStudyListHtml([{ ...item, leadName: null, yearLabel: '', summary: '', snippetHtml: null, principles: [] }], 2)
    assert.match(html, /<h2 /)
    assert.match(html, /No lead member recorded<span aria-hidden="true"> · <\/span><span class="govuk-visually-hidden">, <\/span>Case study<\/p><\/li>/)
    assert.doesNotMatch(html, /coophub-tags|snippet|govuk-body"/)
    assert.equal(caseStudyListHtml([], 3), '<ul class="govuk-list coophub-results" data-qa="case-study-list"></ul>')
  })
  it('marks each case study’s text with its own language where it is not the page’s, and shows principles’ Welsh wordings on a Welsh page', () => {
    const welsh = {
      ...item,
      language: 'cy',
      title: 'Tai cydweithredol',
      principles: [{ shortName: 'Learning', shortNameCy: 'Dysgu' }, { shortName: 'Co-production' }],
    }
    const english = caseStudyListHtml([welsh], 3, { pageLang: 'en' })
    assert.match(english, /href="\/case-studies\/food-bank" lang="cy">Tai cydweithredol<\/a>/)
    assert.match(english, /<p class="govuk-body" lang="cy">/)
    assert.match(english, /<span lang="cy">the <mark>food<\/mark> bank<\/span>/)
    assert.match(english, /<li><strong class="govuk-tag govuk-tag--grey">Learning<\/strong>/)
    const onWelshPage = caseStudyListHtml([welsh, { ...item, language: 'en' }], 3, { contentLang: 'en' })
    assert.match(onWelshPage, /href="\/case-studies\/food-bank">Tai cydweithredol<\/a>/)
    assert.match(
      onWelshPage,
      /<li><strong class="govuk-tag govuk-tag--grey">Dysgu<\/strong><\/li><li lang="en"><strong class="govuk-tag govuk-tag--grey">Co-production/,
    )
    assert.match(onWelshPage, /href="\/case-studies\/food-bank" lang="en">Food &amp; &lt;friends&gt;<\/a>/)
  })
})
