import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import nunjucks from 'nunjucks'
import { buttonHtml, checkboxesHtml, paginationHtml, tagHtml } from './govuk-html.ts'
import type { CheckboxesParams } from './govuk-html.ts'
import { govukDist } from './views.ts'

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([govukDist]), { autoescape: true })

/** The same markup whatever the white space between tags and around text. */
const normalise = (html: string) => html.replace(/\s+/g, ' ').replace(/>\s+/g, '>').replace(/\s+</g, '<').trim()

const macro = (name: string, file: string, params: unknown) =>
  env.renderString(`{% from "govuk/components/${file}/macro.njk" import ${name} %}{{ ${name}(params) }}`, { params })

describe('GOV.UK components as functions', () => {
  const cases: Array<[string, CheckboxesParams]> = [
    [
      'filters with a hint, ticked and unticked items and attributes',
      {
        name: 'member',
        idPrefix: 'facet-member',
        classes: 'govuk-checkboxes--small',
        fieldset: { legend: { text: 'Lead or participating member', classes: 'govuk-fieldset__legend--s' } },
        hint: { text: 'Showing the 15 with most case studies.' },
        items: [
          { value: 'a&b', text: 'Alpha & <Beta> (1,200)', checked: true, attributes: { 'data-qa': 'facet-member-a&b' } },
          { value: 'c"d', text: "O'Brien's (3)", checked: false, attributes: { 'data-qa': 'facet-member-c' } },
          { value: 'e', text: 'E (0)' },
        ],
      },
    ],
    ['no hint, no id prefix, no classes', { name: 'kind', fieldset: { legend: { text: 'Kind' } }, items: [{ value: 'project', text: 'Project (4)' }] }],
  ]
  for (const [what, params] of cases) {
    it(`renders checkboxes as the macro does: ${what}`, () => {
      assert.equal(normalise(checkboxesHtml(params)), normalise(macro('govukCheckboxes', 'checkboxes', params)))
    })
  }

  it('renders a button as the macro does', () => {
    for (const params of [
      { text: 'Search & <go>' },
      { text: 'Sort', classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'data-qa': 'apply-sort' } },
    ]) {
      assert.equal(normalise(buttonHtml(params)), normalise(macro('govukButton', 'button', params)))
    }
  })

  it('renders pagination as the macro does: first, middle and last pages, with ellipses', () => {
    const href = (n: number) => `/case-studies?q=a&b=c&page=${n}`
    const models = [
      {
        next: { href: href(2) },
        items: [{ number: 1, href: href(1), current: true }, { number: 2, href: href(2) }, { ellipsis: true }, { number: 9, href: href(9) }],
      },
      {
        previous: { href: href(4) },
        next: { href: href(6) },
        items: [
          { number: 1, href: href(1) },
          { ellipsis: true },
          { number: 5, href: href(5), current: true },
          { ellipsis: true },
          { number: 9, href: href(9) },
        ],
      },
      {
        previous: { href: href(1) },
        items: [
          { number: 1, href: href(1) },
          { number: 2, href: href(2), current: true },
        ],
      },
    ]
    for (const params of models) assert.equal(normalise(paginationHtml(params)), normalise(macro('govukPagination', 'pagination', params)))
  })

  it('renders a tag as the macro does', () => {
    for (const params of [{ text: 'Co-production & <more>', classes: 'govuk-tag--grey' }, { text: 'Plain' }]) {
      assert.equal(normalise(tagHtml(params)), normalise(macro('govukTag', 'tag', params)))
    }
  })
})
