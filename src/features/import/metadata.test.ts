import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { describeLine } from './document-lines.ts'
import { kindFromText, parseMetadataLine, parseYear, postedYear, stageFromText } from './metadata.ts'
import { splitNameList } from './name-list.ts'
import { readDocument } from './read-document.ts'
import { doc, fixtureContext } from '../../../test/import/reading-support.ts'

const meta = (line: string): ReturnType<typeof parseMetadataLine> => parseMetadataLine(describeLine(line, 0).content)

describe('metadata lines', () => {
  const cases: [string, { key: string; value: string } | null][] = [
    ['Lead Member Oldham Council', { key: 'lead', value: 'Oldham Council' }],
    ['Lead Member: Oldham Council', { key: 'lead', value: 'Oldham Council' }],
    ['• Lead Member: Oldham Council', { key: 'lead', value: 'Oldham Council' }],
    ['- Lead member Oldham Council', { key: 'lead', value: 'Oldham Council' }],
    ['* **Lead Member:** Oldham Council', { key: 'lead', value: 'Oldham Council' }],
    ['Participating Members Bury Council, Stockport Council', { key: 'participants', value: 'Bury Council, Stockport Council' }],
    ['•Participating members: Bury Council', { key: 'participants', value: 'Bury Council' }],
    ['Year 2020', { key: 'year', value: '2020' }],
    ['Year: 2019-2021', { key: 'year', value: '2019-2021' }],
    ['• Years 2019 to 2021', { key: 'year', value: '2019 to 2021' }],
    ['Status Policy Labs', { key: 'kind', value: 'Policy Labs' }],
    ['Type Policy Labs', { key: 'kind', value: 'Policy Labs' }],
    ['- Status: Action Learning Set', { key: 'kind', value: 'Action Learning Set' }],
    ['Status: Completed', { key: 'kind', value: 'Completed' }],
    ['Lead Member:', { key: 'lead', value: '' }],
    ['Stage: Bid', { key: 'stage', value: 'Bid' }],
    ['\u2022 Stage Funded', { key: 'stage', value: 'Funded' }],
    ['Status Funded', { key: 'kind', value: 'Funded' }],
    ['o Participating Members: Bury Council', { key: 'participants', value: 'Bury Council' }],
    ['\uF0B7\tYear: 2019', { key: 'year', value: '2019' }],
    ['\u00a7 Year: 2019', { key: 'year', value: '2019' }],
    ['Posted on 3rd March, 2016', { key: 'posted', value: 'Posted on 3rd March, 2016' }],
    ['Stage two of the work began in May.', null],
    ['Posted in Case studies', null],
    ['or the year before', null],
    // Narrative that only starts like a label.
    ['Year after year the queue at the food bank grew.', null],
    ['Type of support offered varied by ward.', null],
    ['Status quo was never an option for the estate.', null],
    ['Lead Member for Housing said the results were striking.', null],
    ['Yearly reviews kept the work honest.', null],
  ]
  for (const [line, expected] of cases) {
    it(JSON.stringify(line), () => assert.deepEqual(meta(line), expected))
  }
})

describe('years and kinds', () => {
  const years: [string, { start: number; end: number | null } | null][] = [
    ['2020', { start: 2020, end: 2020 }],
    ['2019-2021', { start: 2019, end: 2021 }],
    ['2019 \u2013 2021', { start: 2019, end: 2021 }],
    ['2019/20', { start: 2019, end: 2020 }],
    ['2019-21', { start: 2019, end: 2021 }],
    ['2021 to present', { start: 2021, end: null }],
    ['2021 onwards', { start: 2021, end: null }],
    ['2021-2019', null],
    ['last spring', null],
  ]
  for (const [text, expected] of years) it(`year ${text}`, () => assert.deepEqual(parseYear(text), expected))

  const kinds: [string, string | null][] = [
    ['Policy Labs', 'policy-lab'],
    ['policy lab', 'policy-lab'],
    ['Policy Prototype', 'policy-prototype'],
    ['Action-learning sets', 'action-learning-set'],
    ['Case Study', 'case-study'],
    ['Case studies', 'case-study'],
    ['Project', 'project'],
    ['Completed', null],
  ]
  for (const [text, expected] of kinds) it(`kind ${text}`, () => assert.equal(kindFromText(text), expected))
})

describe('name lists', () => {
  const known = new Set([
    'brighton and hove city council',
    'armagh city, banbridge and craigavon borough council',
    'bath and north east somerset council',
    'bury council',
    'oldham council',
    'trafford council',
    'mutual futures cic',
  ])
  const isKnown = (n: string): boolean => known.has(n.toLowerCase())
  // [written, names read, pieces the person is asked about]
  const cases: [string, string[], string[][]][] = [
    ['Bury Council, Oldham Council, Stockport Council', ['Bury Council', 'Oldham Council', 'Stockport Council'], []],
    ['Bury Council, Oldham Council and Stockport Council', ['Bury Council', 'Oldham Council', 'Stockport Council'], []],
    ['Bury Council and Oldham Council', ['Bury Council', 'Oldham Council'], []],
    ['Brighton and Hove City Council; Bury Council', ['Brighton and Hove City Council', 'Bury Council'], []],
    ['Bury Council and Brighton and Hove City Council', ['Bury Council', 'Brighton and Hove City Council'], []],
    ['Armagh City, Banbridge and Craigavon Borough Council, Bury Council', ['Armagh City, Banbridge and Craigavon Borough Council', 'Bury Council'], []],
    [
      'Brighton and Hove City Council, Bath and North East Somerset Council and Smith and Jones Ltd',
      ['Brighton and Hove City Council', 'Bath and North East Somerset Council', 'Smith and Jones Ltd'],
      [],
    ],
    ['Mutual Futures CIC, and Hopeful Homes', ['Mutual Futures CIC', 'Hopeful Homes'], []],
    ['Mutual Futures CIC and Hopeful Homes', ['Mutual Futures CIC', 'Hopeful Homes'], []],
    ['GM Moving and Trafford Council', ['GM Moving', 'Trafford Council'], []],
    ['Friends of Beech Park', ['Friends of Beech Park'], []],
    // Nothing known settles these: read as well as can be, and asked about.
    ['Smith and Jones Ltd', ['Smith and Jones Ltd'], [['Smith and Jones Ltd']]],
    ['Oldham Council, Smith & Jones Ltd', ['Oldham Council', 'Smith & Jones Ltd'], [['Smith & Jones Ltd']]],
    ['Telford and Wrekin Council', ['Telford and Wrekin Council'], [['Telford and Wrekin Council']]],
    ['GM Moving and Salford Council', ['GM Moving', 'Salford Council'], [['GM Moving', 'Salford Council']]],
    ['Kent County Council and Medway Council', ['Kent County Council', 'Medway Council'], [['Kent County Council', 'Medway Council']]],
    ['A and B and C and D and E and F and G and H', ['A and B and C and D and E and F and G and H'], [['A and B and C and D and E and F and G and H']]],
  ]
  for (const [value, names, doubts] of cases) {
    it(value, () => {
      const list = splitNameList(value, isKnown)
      assert.deepEqual(list.names, names)
      assert.deepEqual(
        list.doubts.map((d) => d.parts),
        doubts,
      )
    })
  }
})

describe('stages and posting dates', () => {
  const stages: [string, string | null][] = [
    ['Bid', 'bid'],
    ['Funded', 'funded'],
    ['In progress', 'in-progress'],
    ['in-progress', 'in-progress'],
    ['Ongoing', 'in-progress'],
    ['Completed.', 'completed'],
    ['Idea', 'idea'],
    ['Policy Labs \u2013 Funded', 'funded'],
    ['Policy lab (bid stage)', 'bid'],
    ['Policy Labs', null],
    ['Not funded', null],
    ['Unfunded', null],
    ['Phase 2', null],
  ]
  for (const [text, expected] of stages) it(`stage ${text}`, () => assert.equal(stageFromText(text), expected))

  const posted: [string, number | null][] = [
    ['Posted on 3rd March, 2016', 2016],
    ['Posted on 3 March 2016 by Jo', 2016],
    ['Posted on March 3rd, 2016', 2016],
    ['Posted: Thursday, 3 March 2016', 2016],
    ['Published on 03/03/2016', 2016],
    ['Posted on 2016-03-03', 2016],
    ['Posted March 2016', 2016],
    ['Posted in Case studies', null],
    ['Published on the council\u2019s website in 2016, the report', null],
  ]
  for (const [line, expected] of posted) it(JSON.stringify(line), () => assert.equal(postedYear(line), expected))
})

describe('metadata in a document', () => {
  const ctx = fixtureContext()
  it('reads bullets and plain lines, keeps them out of the body', () => {
    const r = readDocument(
      doc(
        '# Warm Spaces Network',
        '• Lead Member: Oldham Council',
        'Participating Members Stockport Council, Mutual Futures CIC and Hopeful Homes',
        '* Year: 2019-2021',
        'Type Policy Labs',
        '',
        'Libraries and halls opened their doors to residents during the cold months.',
      ),
      ctx,
    )
    assert.equal(r.leadMember, 'Oldham Council')
    assert.deepEqual(r.participatingMembers, ['Stockport Council', 'Mutual Futures CIC', 'Hopeful Homes'])
    assert.equal(r.yearStart, 2019)
    assert.equal(r.yearEnd, 2021)
    assert.equal(r.kind, 'policy-lab')
    assert.equal(r.kindText, 'Policy Labs')
    assert.equal(r.bodyMarkdown, 'Libraries and halls opened their doors to residents during the cold months.')
    assert.deepEqual(
      r.warnings.filter((w) => ['year', 'kind', 'leadMember'].includes(w.field)),
      [],
    )
  })

  it('takes a value from the next line when the label stands alone (definition lists)', () => {
    const r = readDocument(doc('Year', '2022', 'Status', 'Case study', '', 'A long enough narrative sentence sits here for the body.'), ctx)
    assert.equal(r.yearStart, 2022)
    assert.equal(r.kind, 'case-study')
  })

  it('warns about an unreadable year and an unknown kind, keeping the raw kind', () => {
    const r = readDocument(doc('Year: in the spring', 'Status: Mixed', '', 'Some narrative text for the body of this case.'), ctx)
    assert.equal(r.yearStart, null)
    assert.equal(r.kind, null)
    assert.equal(r.kindText, 'Mixed')
    assert.match(r.warnings.find((w) => w.field === 'year')?.message ?? '', /not a year/)
    assert.match(r.warnings.find((w) => w.field === 'kind')?.message ?? '', /not a kind we know/)
  })
})
