// The search page in Welsh, on the demo content: every word of the page from the Welsh catalogue
// (a search, chosen filters, the fallback to some of the words, a corrected spelling, nothing
// found, parameters it ignored), counts by the Welsh plural rules, and the English page as it was.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { translator } from '../../i18n/catalogue.ts'
import { localiseLinks } from '../../web/localise-links.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'
import { resultSummary } from './present.ts'

describe('the count of results in Welsh', () => {
  const cy = translator('cy')
  it('follows the Welsh plural rules for 0, 1, 2, 3, 6 and 11', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 6, 11].map((n) => resultSummary(n, '', cy)),
      ['0 astudiaethau achos', '1 astudiaeth achos', '2 astudiaeth achos', '3 astudiaeth achos', '6 astudiaeth achos', '11 astudiaeth achos'],
    )
    assert.deepEqual(
      [0, 1, 2, 11].map((n) => resultSummary(n, 'tai', cy)),
      [
        '0 astudiaethau achos wedi’u canfod ar gyfer “tai”',
        '1 astudiaeth achos wedi’i chanfod ar gyfer “tai”',
        '2 astudiaeth achos wedi’u canfod ar gyfer “tai”',
        '11 astudiaeth achos wedi’u canfod ar gyfer “tai”',
      ],
    )
    assert.equal(resultSummary(12345, '', cy), '12,345 astudiaeth achos')
  })

  it('keeps the English as it was', () => {
    const en = translator('en')
    assert.deepEqual(
      [0, 1, 2, 1234].map((n) => resultSummary(n, 'housing', en)),
      [
        '0 case studies found for “housing”',
        '1 case study found for “housing”',
        '2 case studies found for “housing”',
        '1,234 case studies found for “housing”',
      ],
    )
  })
})

describeEachDatabase('the search page in Welsh', (get) => {
  const page = async (address: string) => {
    const res = await get().app.inject(address)
    assert.equal(res.statusCode, 200, address)
    return res.body
  }
  /** Wholly Welsh: the language, no sentence of the English catalogue, no English phrase outside content marked lang="en". */
  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
    assert.deepEqual(englishPhrasesOn(html), [])
    // The page writes its links in Welsh itself (the layout does not move them again): none is left to move.
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    assert.equal(localiseLinks(main, 'cy'), main)
  }
  const has = (html: string, ...words: string[]) => {
    for (const w of words) assert.ok(html.includes(w), w)
  }

  before(async () => {
    await loadDemoContent(get().handle.db)
  })

  it('shows a search in Welsh: the form, the count, the filters, the sort and the links to follow it', async () => {
    const html = await page('/cy/case-studies?q=housing')
    welsh(html)
    has(
      html,
      '<title>Canlyniadau chwilio am “housing”',
      'Chwilio astudiaethau achos',
      'Neidio i’r canlyniadau',
      'wedi’u canfod ar gyfer “housing”',
      'Hidlo’r canlyniadau',
      'Trefnu yn ôl',
      'Y cyfatebiad gorau',
      'Dilynwch y chwiliad hwn',
      'href="/cy/case-studies/',
      'action="/cy/case-studies"',
      'href="/cy/api"',
    )
    assert.match(html, /Egwyddor<\/summary>|>Egwyddor</)
  })

  it('shows every case study in Welsh, with the pages of results and the kinds by their Welsh names', async () => {
    const html = await page('/cy/case-studies')
    welsh(html)
    assert.match(html, /data-qa="result-count" aria-live="polite">\d+ astudiaeth(au)? achos</)
    has(html, 'aria-label="Tudalennu"', 'Nesaf', 'Tudalen 2', 'href="/cy/case-studies?page=2"', 'Math', 'Haen aelodaeth')
    assert.match(html, /Dangos \d+ arall/)
  })

  it('shows chosen filters in Welsh, each removable, and the facets with their names', async () => {
    const english = await page('/case-studies')
    // A principle of the demo without a Welsh wording, whose name stays English on the Welsh page.
    const principle = 'learning'
    assert.match(english, /data-qa="facet-principle-learning"/)
    const kind = /data-qa="facet-kind-([a-z0-9-]+)"/.exec(english)![1]!
    const html = await page(`/cy/case-studies?principle=${principle}&kind=${kind}&nation=wales`)
    welsh(html)
    has(html, 'Hidlo’r canlyniadau (', 'wedi’u dewis)', 'Tynnu’r hidlydd', 'Clirio pob hidlydd', 'Hidlyddion a ddewiswyd', 'href="/cy/case-studies?principle=')
    // A principle's name is content: marked as English on a Welsh page unless it has a Welsh wording.
    assert.match(html, /Tynnu’r hidlydd <\/span>Egwyddor: <span lang="en">/)
  })

  it('names the nations and the membership tiers in Welsh', async () => {
    const html = await page('/cy/case-studies?nation=wales')
    welsh(html)
    assert.match(html, /Gwlad: Cymru/)
    const all = await page('/cy/case-studies')
    assert.match(all, /Lloegr \(\d+\)/)
    assert.match(all, /(Aelodau llawn|Aelodau cyswllt|Cefnogwyr) \(\d+\)/)
  })

  it('says in Welsh when no case study has all the words', async () => {
    const html = await page('/cy/case-studies?q=co-production+housing')
    welsh(html)
    has(html, 'Nid oes unrhyw astudiaeth achos yn cynnwys pob un o’r geiriau yn “co-production housing”. Yn dangos canlyniadau sy’n cynnwys rhai o’r geiriau.')
  })

  it('shows a corrected spelling in Welsh, and "did you mean" for the words as typed', async () => {
    const html = await page('/cy/case-studies?q=coproductoin')
    welsh(html)
    has(
      html,
      'Yn dangos canlyniadau ar gyfer <strong>co-production</strong>.',
      'Chwilio yn lle hynny am <a class="govuk-link" href="/cy/case-studies?q=coproductoin&amp;spelling=as-typed"',
    )
    const asTyped = await page('/cy/case-studies?q=coproductoin&spelling=as-typed')
    welsh(asTyped)
    has(
      asTyped,
      'Nid oes unrhyw astudiaeth achos yn cyfateb i “coproductoin”.',
      'Oeddech chi’n golygu <a class="govuk-link" href="/cy/case-studies?q=co-production"',
      'Gallech chi:',
      'gweld pob astudiaeth achos',
    )
  })

  it('shows nothing found with filters in Welsh, with the filters to take away', async () => {
    const html = await page('/cy/case-studies?q=qwxzvplk&nation=wales')
    welsh(html)
    has(html, 'gyda’r hidlyddion a ddewisoch', 'tynnu pob hidlydd')
  })

  it('explains the parameters it ignored in Welsh', async () => {
    const html = await page('/cy/case-studies?q=housing&sort=sideways&page=nought&year=12&kind=poem&principle=no-such-principle&spelling=loose')
    welsh(html)
    has(
      html,
      'Ni allwn drefnu yn ôl “sideways”, felly rydym wedi trefnu yn ôl perthnasedd.',
      'Nid yw “nought” yn rhif tudalen, felly rydym yn dangos y dudalen gyntaf.',
      'Rhowch flwyddyn fel pedwar digid rhwng 1900 a',
      'Nid yw “poem” yn fath o astudiaeth achos',
      'Ni allem ddod o hyd i’r egwyddor “no-such-principle”',
      'Rydym wedi anwybyddu’r gwerth sillafu “loose”',
    )
    const beyond = await page('/cy/case-studies?page=999')
    welsh(beyond)
    has(beyond, 'Dim ond', 'o ganlyniadau sydd ar gael.', 'Mynd i dudalen olaf y canlyniadau')
    const stopWords = await page('/cy/case-studies?q=the')
    welsh(stopWords)
    has(stopWords, 'Nid oes gan “the” eiriau y gallwn chwilio amdanynt')
  })

  it('keeps the English page in English', async () => {
    const html = await page('/case-studies?q=housing&sort=sideways')
    assert.match(html, /<html lang="en"/)
    has(html, 'case studies found for “housing”', 'We cannot sort by “sideways”, so we sorted by relevance.', 'Filter results', 'Sort by', 'Skip to results')
    assert.doesNotMatch(html, /<span lang="en">|<p class="govuk-body" lang="en">/)
  })
})
