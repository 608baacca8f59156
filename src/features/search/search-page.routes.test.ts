import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'

// The search page's form and layout: what a browser sends back, and what a phone shows first.

/** What submitting the search form sends: every named field, the select's chosen option, the ticked boxes. */
function formFields(html: string): Array<[string, string]> {
  const form = /<form method="get" action="\/case-studies" data-qa="search-form">([\s\S]*?)<\/form>/.exec(html)![1]!
  const fields: Array<[string, string]> = []
  for (const m of form.matchAll(/<input([^>]*)>|<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    if (m[1] !== undefined) {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1]
      const type = attr('type')
      if ((type === 'checkbox' && !/\bchecked\b/.test(m[1])) || !attr('name')) continue
      fields.push([attr('name')!, (attr('value') ?? '').replace(/&amp;/g, '&')])
    } else {
      const selected = /<option value="([^"]*)" selected>/.exec(m[3]!)
      fields.push([m[2]!, selected?.[1] ?? ''])
    }
  }
  return fields
}

describeEachDatabase('the search page', (get) => {
  const page = async (query: string) => {
    const res = await get().app.inject(`/case-studies?${query}`)
    assert.equal(res.statusCode, 200)
    return res.body
  }
  /** Submits the form as a browser would, with some fields changed. */
  const submit = (html: string, change: Record<string, string>, tick: Array<[string, string]> = []) => {
    const fields = formFields(html).map(([name, value]): [string, string] => [name, change[name] ?? value])
    return page(new URLSearchParams([...fields, ...tick]).toString())
  }
  const selectedSort = (html: string) => /<select[^>]*name="sort"[\s\S]*?<option value="([a-z]+)" selected>/.exec(html)?.[1]

  before(async () => {
    await loadDemoContent(get().handle.db)
  })

  it('sends one sort per form, so a second change of sort, after a filter, holds', async () => {
    const first = await page('q=council')
    assert.equal(formFields(first).filter(([name]) => name === 'sort').length, 1)
    const byTitle = await submit(first, { sort: 'title' })
    assert.equal(selectedSort(byTitle), 'title')
    const kind = /name="kind" type="checkbox" value="([a-z-]+)"/.exec(byTitle)![1]!
    const filtered = await submit(byTitle, {}, [['kind', kind]])
    assert.equal(selectedSort(filtered), 'title')
    assert.equal(formFields(filtered).filter(([name]) => name === 'sort').length, 1)
    const oldest = await submit(filtered, { sort: 'oldest' })
    assert.equal(selectedSort(oldest), 'oldest')
    assert.match(oldest, new RegExp(`name="kind" type="checkbox" value="${kind}" checked`))
  })

  it('keeps the sort for the filters when there is no list to sort', async () => {
    const one = await page('q=zzzzqqq&sort=title')
    const sorts = formFields(one).filter(([name]) => name === 'sort')
    assert.deepEqual(sorts, [['sort', 'title']])
  })

  it('puts the filters in a collapsed section, one group per facet with the rest of long lists behind "Show more"', async () => {
    const html = await page('')
    assert.match(html, /<details class="govuk-details coophub-filters" data-qa="filter-panel"><summary/)
    const facets = [...html.matchAll(/<details class="coophub-facet"( open)? data-qa="facet-([a-z-]+)">/g)]
    assert.ok(facets.length >= 5, `${facets.length} facets`)
    assert.deepEqual(
      facets.slice(0, 3).map((m) => Boolean(m[1])),
      [true, true, false],
    )
    assert.match(html, /<summary class="govuk-link coophub-more__summary" data-qa="show-more">Show \d+ more/)
    // The results come before the filters' checkboxes only in importance: the panel is one line until opened.
    assert.ok(html.indexOf('data-qa="filter-panel"') < html.indexOf('data-qa="case-study-list"'))
  })

  it('shows the chosen filters above the results as tags, each a link that removes it, and opens their group', async () => {
    const html = await page('kind=project&q=energy')
    const tags = [
      ...html.matchAll(
        /<a class="coophub-filter-tag" href="([^"]+)" data-qa="remove-filter"><span class="govuk-visually-hidden">Remove filter <\/span>([^<]+)</g,
      ),
    ]
    assert.deepEqual(
      tags.map((m) => [m[1], m[2]]),
      [['/case-studies?q=energy', 'Kind: Project']],
    )
    assert.ok(html.indexOf('data-qa="chosen-filters"') < html.indexOf('data-qa="result-count"'))
    assert.match(
      html,
      /<details class="coophub-facet" open data-qa="facet-kind"><summary class="coophub-facet__summary">Kind <span class="coophub-facet__chosen">\(1 chosen\)<\/span>/,
    )
    assert.match(html, /Filter results \(1 chosen\)/)
  })

  it('has a skip link from the search box to the results, and says how to search in plain English', async () => {
    const html = await page('q=energy')
    assert.match(html, /<a class="govuk-link govuk-visually-hidden-focusable" href="#results" data-qa="skip-to-results">Skip to results<\/a>/)
    assert.ok(html.indexOf('id="results"') < html.indexOf('data-qa="case-study-list"'))
    assert.ok(html.indexOf('data-qa="skip-to-results"') < html.indexOf('data-qa="filter-panel"'))
    assert.match(
      html,
      /To find words together as a phrase, put them in quotation marks\. To leave out case studies with a word, put a minus sign \(-\) in front of it\./,
    )
    assert.doesNotMatch(html, /or and -word/)
  })
})
