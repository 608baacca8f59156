import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { councilCore } from './organisation-index.ts'
import { readDocument } from './read-document.ts'
import type { ReadingContext } from './reading-context.ts'
import { doc, fixtureContext, loadRealData, NO_SHARED_DATA } from '../../../test/import/reading-support.ts'

const ctx = fixtureContext()

describe('council name normalisation', () => {
  const cases: [string, string][] = [
    ['Trafford Council', 'trafford'],
    ['Trafford Metropolitan Borough Council', 'trafford'],
    ['Bury Borough Council', 'bury'],
    ['London Borough of Lambeth', 'lambeth'],
    ['Royal Borough of Greenwich', 'greenwich'],
    ['City of York Council', 'york'],
    ['Derby City Council', 'derby'],
    ['Kent County Council', 'kent'],
    ['Wealden District Council', 'wealden'],
    ['The Highland Council', 'highland'],
    ['Telford & Wrekin Council', 'telford and wrekin'],
    ['St. Helens Council', 'st helens'],
    ['Greater Manchester Combined Authority', 'greater manchester'],
    ['Stretford Town Council', 'stretford town council'],
    ['Saddleworth Parish Council', 'saddleworth parish council'],
  ]
  for (const [name, core] of cases) it(name, () => assert.equal(councilCore(name), core))
})

function councils(text: string, context: ReadingContext = ctx): { councils: string[]; authorities: string[] } {
  const r = readDocument(text, context)
  return { councils: r.councils, authorities: r.authorities }
}

describe('councils found in the text', () => {
  const cases: { name: string; text: string; councils: string[]; authorities: string[] }[] = [
    { name: 'X Council', text: 'The scheme began when Trafford Council asked tenants what they needed.', councils: ['Trafford Council'], authorities: ['TRF'] },
    {
      name: 'X City Council via the official name',
      text: 'Staff at Hull City Council ran the sessions.',
      councils: ['Hull City Council'],
      authorities: ['KHL'],
    },
    { name: 'City of X Council', text: 'Officers from City of York Council joined later.', councils: ['City of York Council'], authorities: ['YOR'] },
    {
      name: 'London Borough of X',
      text: 'Young people in the London Borough of Lambeth led the design.',
      councils: ['London Borough of Lambeth'],
      authorities: ['LBH'],
    },
    {
      name: 'X Metropolitan Borough Council',
      text: 'Money came from Stockport Metropolitan Borough Council and a trust.',
      councils: ['Stockport Metropolitan Borough Council'],
      authorities: ['SKP'],
    },
    {
      name: 'an alt-name (& for and)',
      text: 'Brighton & Hove City Council hosted the final event.',
      councils: ['Brighton & Hove City Council'],
      authorities: ['BNH'],
    },
    {
      name: 'the longest known name wins over words before it',
      text: 'In 2021 Open Streets and Trafford Council worked together.',
      councils: ['Trafford Council'],
      authorities: ['TRF'],
    },
    { name: 'current authority preferred to a former one', text: 'Somerset Council funded the hubs.', councils: ['Somerset Council'], authorities: ['SMT'] },
    {
      name: 'a town council is kept, unverified',
      text: 'Volunteers from Stretford Town Council ran the stall.',
      councils: ['Stretford Town Council'],
      authorities: [],
    },
    {
      name: 'order of first appearance, de-duplicated',
      text: 'Bury Council met Trafford Council. Later Bury Council wrote to Trafford Council again.',
      councils: ['Bury Council', 'Trafford Council'],
      authorities: ['BUR', 'TRF'],
    },
    { name: 'a bare common word is not a council', text: 'We decided to bury the old plans and start again with residents.', councils: [], authorities: [] },
    {
      name: 'a bare place name at the start of the narrative is',
      text: 'In Bury we opened our budget to residents. The Council then held a vote.',
      councils: ['Bury'],
      authorities: ['BUR'],
    },
    {
      name: 'a place name inside a longer name is not',
      text: 'The network Team Reading and Reading Festival helped at weekends and in the evenings.',
      councils: [],
      authorities: [],
    },
    { name: 'a sentence-initial place-word is not', text: 'Reading the survey, officers saw a gap. Funding followed.', councils: [], authorities: [] },
    { name: 'generic phrases are not councils', text: 'The Council and every Town Council and the City Council agreed.', councils: [], authorities: [] },
    { name: 'plural and councillor are not councils', text: 'Oldham Councillors met two Member Councils.', councils: [], authorities: [] },
  ]
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(councils(c.text), { councils: c.councils, authorities: c.authorities }))
  }
})

describe('organisations and the lead member', () => {
  it('metadata lead, participants and members, with unverified organisations kept', () => {
    const r = readDocument(
      doc(
        'Lead Member: Bury',
        'Participating Members: Oldham Council, Mutual Futures CIC, Friends of Beech Park',
        '',
        'Residents of Stretford Town Council area joined Trafford Council for the launch.',
      ),
      ctx,
    )
    assert.equal(r.leadMember, 'Bury')
    assert.deepEqual(r.organisations, [
      { name: 'Bury', role: 'lead', match: { kind: 'authority', code: 'BUR' } },
      { name: 'Oldham Council', role: 'participant', match: { kind: 'member', slug: 'oldham-council', code: 'OLD' } },
      { name: 'Mutual Futures CIC', role: 'participant', match: { kind: 'member', slug: 'mutual-futures' } },
      { name: 'Friends of Beech Park', role: 'participant', match: { kind: 'unverified' } },
      { name: 'Stretford Town Council', role: 'mentioned', match: { kind: 'unverified' } },
      { name: 'Trafford Council', role: 'mentioned', match: { kind: 'authority', code: 'TRF' } },
    ])
    assert.deepEqual(r.councils, ['Bury', 'Oldham Council', 'Stretford Town Council', 'Trafford Council'])
    assert.deepEqual(r.authorities, ['BUR', 'OLD', 'TRF'])
    const unverified = r.warnings.filter((w) => w.field === 'organisations').map((w) => w.message)
    assert.equal(unverified.length, 2)
    assert.ok(r.warnings.every((w) => w.field !== 'leadMember'))
  })

  it('without metadata the lead is the contact\u2019s organisation', () => {
    const r = readDocument(
      doc('Bury Council and Trafford Council swapped notes.', 'For more information contact:', 'Sam Lee', 'Officer', 'Trafford Council'),
      ctx,
    )
    assert.equal(r.leadMember, 'Trafford Council')
    assert.equal(r.organisations[0]?.role, 'lead')
    assert.match(r.warnings.find((w) => w.field === 'leadMember')?.message ?? '', /contact/)
  })

  it('else the council the text is most about', () => {
    const r = readDocument(
      doc('Oldham Council helped a little.', 'Stockport Council led the work, and Stockport Council paid for it; Stockport residents chose the sites.'),
      ctx,
    )
    assert.equal(r.leadMember, 'Stockport Council')
    assert.deepEqual(r.organisations[0], { name: 'Stockport Council', role: 'lead', match: { kind: 'authority', code: 'SKP' } })
  })

  it('no council at all: lead is null with a warning', () => {
    const r = readDocument('Neighbours planted a hedge along the lane.', ctx)
    assert.equal(r.leadMember, null)
    assert.deepEqual(r.organisations, [])
    assert.match(r.warnings.find((w) => w.field === 'leadMember')?.message ?? '', /No lead member/)
  })
})

const real = loadRealData()
describe('against the real register', { skip: real ? false : NO_SHARED_DATA }, () => {
  const cases: [string, string[]][] = [
    ['Trafford Council', ['TRF']],
    ['Bury Council', ['BUR']],
    ['Bury Metropolitan Borough Council', ['BUR']],
    ['City of York Council', ['YOR']],
    ['Hull City Council', ['KHL']],
    ['Kingston upon Hull City Council', ['KHL']],
    ['London Borough of Hammersmith & Fulham', ['HMF']],
    ['Royal Borough of Windsor and Maidenhead', ['WNM']],
    ['St Helens Council', ['SHN']],
    ['Newcastle City Council', ['NET']],
    ['Greater Manchester Combined Authority', ['GMCA']],
    ['Stretford Town Council', []],
  ]
  for (const [name, codes] of cases) {
    it(name, () => assert.deepEqual(councils(`Last year ${name} tried something new with residents.`, real?.ctx).authorities, codes))
  }
})
