import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PublishedCaseStudy } from '../case-studies/queries.ts'
import { emptySearch } from '../search/query-string.ts'
import type { SearchOutcome } from '../search/search-types.ts'
import { presentCaseStudy, presentMembers, presentSearch } from './present.ts'

const base = 'https://coophub.example.org'

function published(contact: Partial<NonNullable<PublishedCaseStudy['contact']>> | null): PublishedCaseStudy {
  return {
    caseStudy: {
      id: 42,
      slug: 'allotments',
      title: 'Allotments',
      summary: 'Plots.',
      body: '## About\n\nText.',
      kind: 'case-study',
      status: 'published',
      yearStart: 2021,
      yearEnd: 2022,
      outcomes: '- More food',
      contactPersonId: 7,
      searchExtra: 'x',
      searchVector: 'x',
      rankVector: 'x',
      facetKeys: ['p:1'],
      revision: 5,
      publishedRevision: 4,
      reviewState: 'submitted',
      submittedAt: new Date(),
      ownerOrganisationId: 3,
      sourceUrl: 'file:///secret/import.docx',
      contentHash: 'abc',
      createdAt: new Date(),
      updatedAt: new Date(),
      publishedAt: new Date('2024-01-02T00:00:00Z'),
    } as PublishedCaseStudy['caseStudy'],
    principles: [{ id: 1, slug: 'sharing', shortName: 'Sharing power', statement: 'We share.' }],
    organisations: [
      { slug: 'north', name: 'North Council', tier: 'full', role: 'lead' },
      { slug: 'south', name: 'South Council', tier: 'associate', role: 'participant' },
      { slug: 'fund', name: 'A Fund', tier: 'none', role: 'funder' },
    ],
    themes: [{ id: 1, slug: 'food', name: 'Food' }],
    contact: contact && {
      name: 'Ann Officer',
      jobTitle: 'Policy Officer',
      email: 'ann@north.example.org',
      phone: '01632 960000',
      publishContact: false,
      organisationName: 'North Council',
      organisationSlug: 'north',
      organisationTier: 'full',
      ...contact,
    },
  }
}

describe('presentCaseStudy', () => {
  it('gives what the public page shows, with no ids, revisions, review state or import details', () => {
    const result = presentCaseStudy(published(null), base)
    assert.deepEqual(result, {
      slug: 'allotments',
      url: `${base}/case-studies/allotments`,
      title: 'Allotments',
      summary: 'Plots.',
      kind: 'case-study',
      yearStart: 2021,
      yearEnd: 2022,
      publishedAt: '2024-01-02T00:00:00.000Z',
      body: '## About\n\nText.',
      outcomes: '- More food',
      lead: { slug: 'north', name: 'North Council' },
      organisations: [
        { slug: 'north', name: 'North Council', role: 'lead' },
        { slug: 'south', name: 'South Council', role: 'participant' },
        { slug: 'fund', name: 'A Fund', role: 'funder' },
      ],
      principles: [{ slug: 'sharing', shortName: 'Sharing power', statement: 'We share.' }],
      themes: [{ slug: 'food', name: 'Food' }],
      contact: null,
      links: { self: `${base}/api/v1/case-studies/allotments`, html: `${base}/case-studies/allotments` },
    })
  })

  it('leaves out the contact’s email and phone unless they agreed to publish them', () => {
    const hidden = presentCaseStudy(published({ publishContact: false }), base).contact
    assert.deepEqual(hidden, {
      name: 'Ann Officer',
      jobTitle: 'Policy Officer',
      organisation: { slug: 'north', name: 'North Council' },
      email: null,
      phone: null,
    })
    const shown = presentCaseStudy(published({ publishContact: true }), base).contact
    assert.equal(shown?.email, 'ann@north.example.org')
    assert.equal(shown?.phone, '01632 960000')
    const noOrganisation = presentCaseStudy(published({ organisationName: null, organisationSlug: null }), base).contact
    assert.equal(noOrganisation?.organisation, null)
  })
})

describe('presentSearch', () => {
  const outcome = (page: number, totalPages: number): SearchOutcome => ({
    params: { ...emptySearch, q: 'food', principles: ['sharing'], page },
    messages: ['A message.'],
    notices: [],
    total: totalPages * 5,
    pageSize: 5,
    totalPages,
    sort: 'relevance',
    hits: [],
    facets: [{ name: 'kinds', param: 'kind', label: 'Kind', values: [{ value: 'project', label: 'Project', count: 2, selected: false }] }],
    suggestion: { q: 'foods', href: '/case-studies?q=foods' },
    corrected: null,
    someWords: null,
    queryIgnored: false,
    stale: false,
  })

  it('links to itself, the next and previous pages (keeping per_page) and the same search on the site', () => {
    const result = presentSearch(outcome(2, 3), base)
    assert.deepEqual(result.links, {
      self: `${base}/api/v1/case-studies?q=food&principle=sharing&page=2&per_page=5`,
      html: `${base}/case-studies?q=food&principle=sharing`,
      next: `${base}/api/v1/case-studies?q=food&principle=sharing&page=3&per_page=5`,
      prev: `${base}/api/v1/case-studies?q=food&principle=sharing&per_page=5`,
    })
    assert.deepEqual(result.facets, [{ param: 'kind', label: 'Kind', values: [{ value: 'project', label: 'Project', count: 2, selected: false }] }])
    assert.deepEqual(result.suggestion, { q: 'foods', href: `${base}/api/v1/case-studies?q=foods&principle=sharing&per_page=5` })
  })

  it('has no next page on the last, and a previous page within range past the end', () => {
    assert.equal(presentSearch(outcome(3, 3), base).links.next, undefined)
    assert.equal(presentSearch(outcome(1, 3), base).links.prev, undefined)
    assert.equal(presentSearch(outcome(9, 3), base).links.prev, `${base}/api/v1/case-studies?q=food&principle=sharing&page=3&per_page=5`)
  })
})

describe('presentMembers', () => {
  it('gives a website only when it is an http(s) address', () => {
    const row = {
      slug: 'north',
      name: 'North',
      kind: 'council' as const,
      tier: 'full' as const,
      councilType: null,
      nation: 'England',
      region: null,
      memberSince: null,
      caseStudyCount: 2,
    }
    const [good, bad] = presentMembers(
      [
        { ...row, website: 'https://north.example.org' },
        { ...row, website: 'javascript:alert(1)' },
      ],
      base,
    ).results
    assert.equal(good?.website, 'https://north.example.org/')
    assert.equal(bad?.website, null)
  })

  it('gives the day it became a member, or null, and nothing but the fields the API documents', () => {
    const row = {
      slug: 'north',
      name: 'North',
      kind: 'council' as const,
      tier: 'full' as const,
      councilType: null,
      nation: 'England',
      region: null,
      website: null,
      caseStudyCount: 0,
    }
    const [known, unknown] = presentMembers(
      [
        { ...row, memberSince: '2014-04-15' },
        { ...row, memberSince: null },
      ],
      base,
    ).results
    assert.equal(known?.memberSince, '2014-04-15')
    assert.equal(unknown?.memberSince, null)
    assert.deepEqual(Object.keys(known!), [
      'slug',
      'name',
      'kind',
      'tier',
      'councilType',
      'nation',
      'region',
      'website',
      'memberSince',
      'caseStudyCount',
      'url',
      'caseStudies',
    ])
  })
})
