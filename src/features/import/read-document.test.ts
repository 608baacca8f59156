import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contentHash } from './content-hash.ts'
import { toDryRunJson } from './dry-run.ts'
import { readDocument } from './read-document.ts'
import { doc, FIXTURE_PRINCIPLES, fixtureContext, loadRealData, NO_SHARED_DATA } from '../../../test/import/reading-support.ts'

const ctx = fixtureContext()
const statement = (slug: string): string => FIXTURE_PRINCIPLES.find((p) => p.slug === slug)?.statement ?? ''

const FULL = doc(
  'Skip to content',
  '# Community Energy Co-op',
  '',
  '• Lead Member: Stockport Council',
  '• Participating Members: Oldham Council, Mutual Futures CIC',
  '• Year: 2021-2023',
  '• Status: Policy Labs',
  '',
  'Principles met',
  '-',
  'Civic partnership',
  statement('civic-partnership'),
  '-',
  'Fresh thinking',
  statement('fresh-thinking'),
  '',
  'About the project',
  'Tenants on two estates formed a co-operative that now owns the solar panels on their roofs.',
  'Stockport Council lent the start-up money and Oldham Council copied the model a year later.',
  '',
  'Share this',
  'For more information contact:',
  'Jo Bloggs',
  'Energy Officer',
  'Stockport Council',
)

describe('readDocument on a complete page', () => {
  it('reads every field', () => {
    const r = readDocument(FULL, ctx)
    assert.equal(r.title, 'Community Energy Co-op')
    assert.equal(r.titleProposed, false)
    assert.equal(r.kind, 'policy-lab')
    assert.equal(r.yearStart, 2021)
    assert.equal(r.yearEnd, 2023)
    assert.deepEqual(
      r.principles.map((p) => p.slug),
      ['civic-partnership', 'fresh-thinking'],
    )
    assert.equal(r.leadMember, 'Stockport Council')
    assert.deepEqual(r.participatingMembers, ['Oldham Council', 'Mutual Futures CIC'])
    assert.deepEqual(r.contact, { name: 'Jo Bloggs', jobTitle: 'Energy Officer', organisation: 'Stockport Council' })
    assert.deepEqual(r.councils, ['Stockport Council', 'Oldham Council'])
    assert.deepEqual(r.authorities, ['SKP', 'OLD'])
    assert.equal(
      r.bodyMarkdown,
      doc(
        '## About the project',
        '',
        'Tenants on two estates formed a co-operative that now owns the solar panels on their roofs.',
        '',
        'Stockport Council lent the start-up money and Oldham Council copied the model a year later.',
      ),
    )
    assert.equal(
      r.summary,
      'Tenants on two estates formed a co-operative that now owns the solar panels on their roofs. Stockport Council lent the start-up money and Oldham Council copied the model a year later.',
    )
    assert.deepEqual(r.warnings, [])
    assert.match(r.contentHash, /^[0-9a-f]{64}$/)
  })

  it('gives the dry-run JSON in its fixed shape and order', () => {
    const json = toDryRunJson('energy.md', readDocument(FULL, ctx))
    assert.equal(
      JSON.stringify(json),
      JSON.stringify({
        file: 'energy.md',
        title: 'Community Energy Co-op',
        principles: ['Civic partnership', 'Fresh thinking'],
        leadMember: 'Stockport Council',
        participatingMembers: ['Oldham Council', 'Mutual Futures CIC'],
        year: 2021,
        status: 'policy-lab',
        contact: { name: 'Jo Bloggs', jobTitle: 'Energy Officer', organisation: 'Stockport Council' },
        councils: ['Stockport Council', 'Oldham Council'],
        authorities: ['SKP', 'OLD'],
        warnings: [],
        stage: null,
      }),
    )
  })

  it('turns warnings into "field: message" strings', () => {
    const json = toDryRunJson('x.txt', readDocument('Just one sentence about a garden.', ctx))
    assert.ok(json.warnings.length > 0)
    assert.ok(json.warnings.every((w) => /^(title|principles|contact|leadMember|year|kind|body|organisations): \S/.test(w)))
  })

  it('reads an empty string without failing', () => {
    const r = readDocument('', ctx)
    assert.equal(r.title, null)
    assert.deepEqual(r.principles, [])
    assert.ok(r.warnings.some((w) => w.field === 'body'))
  })
})

describe('content hash', () => {
  const base = doc('Principles met', '\u2018Quoted\u2019 text \u2013 here', '', 'Second line')
  it('ignores line endings, a byte-order mark, quote and dash styles, and spacing', () => {
    const variants = [
      base.replace(/\n/g, '\r\n'),
      `\uFEFF${base}`,
      base.replace(/[\u2018\u2019]/g, "'").replace('\u2013', '-'),
      base.replace(/ /g, '  ').replace(/\n\n/g, '\n\n\n'),
    ]
    for (const v of variants) assert.equal(contentHash(v), contentHash(base))
  })
  it('changes when the words change', () => {
    assert.notEqual(contentHash(base), contentHash(base.replace('Second', 'Third')))
  })
})

describe('pages the network\u2019s site saves', () => {
  const words = (r: ReturnType<typeof readDocument>, field: string): string[] => r.warnings.filter((w) => w.field === field).map((w) => w.message)

  describe('participating members whose names hold "and"', () => {
    const page = (participants: string) =>
      doc(
        '# Shared kitchens',
        '\u2022 Lead Member: Trafford Council',
        `      o Participating Members: ${participants}`,
        '   \u00a7 Year: 2020',
        '\t\u2022 Status: Policy Labs',
        '',
        'Three councils lent their school kitchens to community cooks at weekends.',
      )

    it('keeps known names with "and" whole, whatever the bullets\u2019 indents and marks', () => {
      const r = readDocument(page('Brighton and Hove City Council, Oldham Council and Mutual Futures CIC'), ctx)
      assert.deepEqual(r.participatingMembers, ['Brighton and Hove City Council', 'Oldham Council', 'Mutual Futures CIC'])
      assert.deepEqual(
        r.organisations.filter((o) => o.role === 'participant').map((o) => o.match.kind),
        ['authority', 'member', 'member'],
      )
      assert.deepEqual([r.yearStart, r.kind], [2020, 'policy-lab'])
      assert.equal(r.bodyMarkdown, 'Three councils lent their school kitchens to community cooks at weekends.')
      assert.deepEqual(words(r, 'organisations'), [])
    })

    it('a company named "Smith and Jones Ltd" stays one, and the person is asked', () => {
      const r = readDocument(page('Oldham Council, Smith and Jones Ltd'), ctx)
      assert.deepEqual(r.participatingMembers, ['Oldham Council', 'Smith and Jones Ltd'])
      assert.ok(
        words(r, 'organisations').some((m) =>
          /^"Smith and Jones Ltd" is read as one organisation, as no known name settles it; if it names more than one, choose each separately\.$/.test(m),
        ),
      )
    })

    it('an "and" between two names none of which is known is read as two, and the person is asked', () => {
      const r = readDocument(page('GM Moving and Sale Town Council'), ctx)
      assert.deepEqual(r.participatingMembers, ['GM Moving', 'Sale Town Council'])
      assert.ok(
        words(r, 'organisations').includes(
          '"GM Moving and Sale Town Council" is read as two organisations, "GM Moving" and "Sale Town Council", none of them known; if it is one organisation, put it back together.',
        ),
      )
    })

    it('an "and" before a known council is read as two without asking', () => {
      const r = readDocument(page('GM Moving and Trafford Council'), ctx)
      assert.deepEqual(r.participatingMembers, ['GM Moving', 'Trafford Council'])
      assert.ok(!words(r, 'organisations').some((m) => /is read as/.test(m)))
    })

    const real = loadRealData()
    it(
      'against the real register: "Bath and North East Somerset Council" and "Brighton and Hove City Council" are councils',
      { skip: real ? false : NO_SHARED_DATA },
      () => {
        const r = readDocument(page('Brighton and Hove City Council, Bath and North East Somerset Council and Smith and Jones Ltd'), real!.ctx)
        assert.deepEqual(r.participatingMembers, ['Brighton and Hove City Council', 'Bath and North East Somerset Council', 'Smith and Jones Ltd'])
        assert.deepEqual(r.authorities, ['TRF', 'BNH', 'BAS'])
      },
    )
  })

  describe('councils named in the text after another organisation and "and"', () => {
    const cases: [string, string[]][] = [
      ['In 2022 GM Moving and Sale Town Council worked with partners on safer streets.', ['Sale Town Council']],
      ['In 2022 GM Moving and Trafford Council worked with partners on safer streets.', ['Trafford Council']],
      ['Residents of Newark and Sherwood District Council voted on the plans.', ['Newark and Sherwood District Council']],
      ['The work of Brighton and Hove City Council was shared widely.', ['Brighton and Hove City Council']],
    ]
    for (const [text, councils] of cases) it(text, () => assert.deepEqual(readDocument(text, ctx).councils, councils))
  })

  describe('a year from the title or the posting date', () => {
    const story = 'Tenants ran a seed library from the housing office for two summers.'
    it('"Posted on 3rd March, 2016" gives the year, with a warning, and leaves the body', () => {
      const r = readDocument(doc('Seed library on the high street', 'Posted on 3rd March, 2016', '', story), ctx)
      assert.equal(r.title, 'Seed library on the high street')
      assert.deepEqual([r.yearStart, r.yearEnd], [2016, 2016])
      assert.deepEqual(words(r, 'year'), [
        'No "Year" line; 2016 is taken from "Posted on 3rd March, 2016", when the page was posted: the work may be earlier. Check it.',
      ])
      assert.equal(r.bodyMarkdown, story)
    })

    it('a year in the title wins over the posting date', () => {
      const r = readDocument(doc('# Policy Labs 2021: estate food clubs', 'Posted on 3 March 2023', '', story), ctx)
      assert.deepEqual([r.yearStart, r.yearEnd], [2021, 2021])
      assert.deepEqual(words(r, 'year'), ['No "Year" line; 2021 is taken from the title ("Policy Labs 2021: estate food clubs"). Check it.'])
    })

    it('a range in a title given by the page', () => {
      const r = readDocument(story, ctx, { title: 'Food Lab 2019/20' })
      assert.deepEqual([r.yearStart, r.yearEnd], [2019, 2020])
    })

    it('a "Year" line wins over both; a target year in a title is not the work\u2019s', () => {
      assert.deepEqual(words(readDocument(doc('# Policy Labs 2021', 'Year: 2020', 'Posted on 3 March 2023', '', story), ctx), 'year'), [])
      assert.equal(readDocument(doc('# Policy Labs 2021', 'Year: 2020', '', story), ctx).yearStart, 2020)
      const target = readDocument(doc('# Net zero by 2030', 'Status: Policy Labs', '', story), ctx)
      assert.equal(target.yearStart, null)
    })

    it('a year in a title the reader only proposed is not taken', () => {
      const r = readDocument('In 2019 neighbours opened a repair caf\u00e9 in the library.', ctx)
      assert.equal(r.yearStart, null)
      assert.match(words(r, 'year')[0] ?? '', /the text mentions 2019/)
    })
  })

  describe('a kind and a stage', () => {
    const story = ['', 'Neighbours planned a community orchard with the parks team.']
    const cases: { name: string; lines: string[]; kind: string | null; stage: string | null; warning: RegExp | null }[] = [
      { name: 'a Type line, then "Bid"', lines: ['\u2022 Type: Policy Labs', '\u2022 Bid'], kind: 'policy-lab', stage: 'bid', warning: null },
      {
        name: 'a definition list: Type, its value, then "Funded"',
        lines: ['Type', 'Policy Labs', 'Funded'],
        kind: 'policy-lab',
        stage: 'funded',
        warning: null,
      },
      {
        name: 'Status naming the stage, Type the kind',
        lines: ['Status: In progress', 'Type: Action learning set'],
        kind: 'action-learning-set',
        stage: 'in-progress',
        warning: null,
      },
      { name: 'both in one value', lines: ['Status: Policy Labs \u2013 Completed'], kind: 'policy-lab', stage: 'completed', warning: null },
      { name: 'a Stage line', lines: ['Type: Case study', 'Stage: Idea'], kind: 'case-study', stage: 'idea', warning: null },
      {
        name: 'a stage and no kind',
        lines: ['Status: Funded'],
        kind: null,
        stage: 'funded',
        warning: /^No "Status" or "Type" line names the kind, so it is saved as a case study \(the stage, funded, is recorded\); check it\.$/,
      },
      {
        name: 'a stage we do not know',
        lines: ['Type: Policy Labs', 'Stage: Phase 2'],
        kind: 'policy-lab',
        stage: null,
        warning: /^"Stage Phase 2" is not a stage we know/,
      },
      { name: 'no stage', lines: ['Type: Policy Labs'], kind: 'policy-lab', stage: null, warning: null },
    ]
    for (const c of cases) {
      it(c.name, () => {
        const r = readDocument(doc(...c.lines, ...story), ctx)
        assert.deepEqual([r.kind, r.stage], [c.kind, c.stage])
        const kindWarnings = words(r, 'kind')
        if (c.warning) assert.match(kindWarnings[0] ?? '', c.warning)
        else assert.deepEqual(kindWarnings, [])
        assert.equal(r.bodyMarkdown, story[1])
      })
    }

    it('"Funded" in the narrative is narrative', () => {
      const r = readDocument(doc('Type: Policy Labs', '', 'The orchard plan went to the ward panel.', 'Funded', '', 'Trees went in that winter.'), ctx)
      assert.equal(r.stage, null)
      assert.match(r.bodyMarkdown, /Funded/)
    })

    it('the dry-run JSON gives the stage, after every field it had', () => {
      const json = toDryRunJson('orchard.txt', readDocument(doc('\u2022 Type: Policy Labs', '\u2022 Bid', ...story), ctx))
      assert.deepEqual(Object.keys(json).slice(-2), ['warnings', 'stage'])
      assert.equal(json.stage, 'bid')
    })
  })
})
