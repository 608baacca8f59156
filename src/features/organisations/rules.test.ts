import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { isWebsite, validateOrganisation, type OrganisationInput } from './rules.ts'

// The rules give catalogue keys: the messages a person reads are checked in English.
const english = translator('en')

const valid: OrganisationInput = {
  name: ' Westford Borough Council ',
  slug: '',
  kind: 'council',
  tier: 'full',
  councilType: 'Non-metropolitan district',
  nation: 'England',
  region: 'South East',
  gssCode: 'e07000178',
  website: 'https://westford.example.org/',
  verified: true,
}

const errorsOf = (change: Partial<OrganisationInput>, options = {}) => {
  const result = validateOrganisation({ ...valid, ...change }, options)
  return result.ok ? [] : result.errors.map((e) => `${e.field}: ${english(e.message, e.values)}`)
}

describe('validateOrganisation', () => {
  it('trims, upper-cases the GSS code, and turns blanks into nulls', () => {
    const result = validateOrganisation({ ...valid, councilType: '  ', region: '' })
    assert.ok(result.ok)
    assert.deepEqual(result.value, {
      name: 'Westford Borough Council',
      slug: null,
      kind: 'council',
      tier: 'full',
      councilType: null,
      nation: 'England',
      region: null,
      gssCode: 'E07000178',
      website: 'https://westford.example.org/',
      verified: true,
    })
  })

  const table: Array<[Partial<OrganisationInput>, string]> = [
    [{ name: '' }, 'name: Enter the organisation’s name'],
    [{ name: 'x'.repeat(201) }, 'name: Name must be 200 characters or fewer'],
    [{ slug: 'Upper' }, 'slug: Web address must use only lower-case letters, numbers and single hyphens, like co-production'],
    [{ kind: 'guild' }, 'kind: Select the kind of organisation'],
    [{ tier: 'gold' }, 'tier: Select a membership tier'],
    [{ councilType: 'c'.repeat(101) }, 'councilType: Council type must be 100 characters or fewer'],
    [{ nation: 'Mercia' }, 'nation: Select a nation from the list'],
    [{ region: 'r'.repeat(101) }, 'region: Region must be 100 characters or fewer'],
    [{ gssCode: 'E0700017' }, 'gssCode: Enter a GSS code in the correct format: a capital letter and 8 digits, like E07000178'],
    [{ gssCode: 'EE7000178' }, 'gssCode: Enter a GSS code in the correct format: a capital letter and 8 digits, like E07000178'],
    [{ gssCode: 'E070001789' }, 'gssCode: Enter a GSS code in the correct format: a capital letter and 8 digits, like E07000178'],
    [{ website: 'javascript:alert(1)' }, 'website: Enter a website address starting with https:// or http://, like https://www.example.gov.uk'],
  ]
  for (const [change, expected] of table) it(expected, () => assert.deepEqual(errorsOf(change), [expected]))

  it('keeps a nation stored before the list existed, for that organisation only', () => {
    assert.deepEqual(errorsOf({ nation: 'Isle of Man' }, { keepNation: 'Isle of Man' }), [])
    assert.deepEqual(errorsOf({ nation: 'Isle of Man' }), ['nation: Select a nation from the list'])
  })
})

describe('isWebsite', () => {
  it('accepts http and https addresses with a host name', () => {
    for (const ok of ['https://example.org', 'http://www.example.gov.uk/council', 'https://example.org/a?b=c#d']) assert.ok(isWebsite(ok), ok)
  })
  it('refuses other schemes, bare names and junk', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org',
      'example.org',
      'https://localhost',
      'https://exa mple.org',
      'https://',
      `https://${'a'.repeat(500)}.org`,
    ]) {
      assert.ok(!isWebsite(bad), bad)
    }
  })
})
