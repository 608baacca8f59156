import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkApplication, organisationKey, type ApplicationForm } from './application-rules.ts'

const register = new Set(['MAN', 'LBH'])
const isCouncil = (code: string) => register.has(code)

const blank: ApplicationForm = {
  tier: '',
  kind: '',
  council: '',
  organisationName: '',
  sitsOn: '',
  contactName: 'Aled Jones',
  contactJobTitle: 'Policy officer',
  contactEmail: 'aled@example.org',
  contactPhone: '',
  consent: true,
  sponsorName: '',
  sponsorJobTitle: '',
  sponsorEmail: '',
  decisionMakerName: '',
  decisionMakerRole: '',
}
const full: ApplicationForm = {
  ...blank,
  tier: 'full',
  council: 'MAN',
  sponsorName: 'Sam Lee',
  sponsorJobTitle: 'Director of Policy',
  sponsorEmail: 'sam@example.org',
  decisionMakerName: 'Cllr Rhian Evans',
  decisionMakerRole: 'Leader of the council',
}

const fields = (form: ApplicationForm) => {
  const result = checkApplication(form, isCouncil)
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.message}`)
}

describe('checkApplication', () => {
  it('accepts a complete Full application, its name left to the register', () => {
    const result = checkApplication(full, isCouncil)
    assert.ok(result.ok)
    assert.equal(result.value.authorityCode, 'MAN')
    assert.equal(result.value.kind, 'council')
    assert.equal(result.value.organisationName, '')
    assert.deepEqual(result.value.decisionMaker, { name: 'Cllr Rhian Evans', role: 'Leader of the council' })
  })

  const cases: Array<[string, ApplicationForm, string[]]> = [
    ['no tier', blank, ['tier:join.errors.tierRequired']],
    ['a tier that does not exist', { ...blank, tier: 'gold' }, ['tier:join.errors.tierRequired']],
    ['Full without a council', { ...full, council: '' }, ['council:join.errors.councilRequired']],
    ['Full with a code not in the register', { ...full, council: 'XYZ' }, ['council:join.errors.councilUnknown']],
    [
      'Full without its sponsor and decision-maker',
      { ...full, sponsorName: '', sponsorJobTitle: '', sponsorEmail: 'nope', decisionMakerName: '', decisionMakerRole: '' },
      [
        'sponsorName:join.errors.sponsorNameRequired',
        'sponsorJobTitle:join.errors.sponsorJobTitleRequired',
        'sponsorEmail:join.errors.emailInvalid',
        'decisionMakerName:join.errors.decisionMakerNameRequired',
        'decisionMakerRole:join.errors.decisionMakerRoleRequired',
      ],
    ],
    ['an Associate without its kind', { ...blank, tier: 'associate', organisationName: 'Ashby Town Council' }, ['kind-associate:join.errors.kindRequired']],
    [
      "a councillors' group without its council",
      { ...blank, tier: 'associate', kind: 'councillor-group', organisationName: 'Labour Group' },
      ['sitsOn:join.errors.sitsOnRequired'],
    ],
    [
      'an Affiliate of a kind another tier has',
      { ...blank, tier: 'affiliate', kind: 'council', organisationName: 'X' },
      ['kind-affiliate:join.errors.kindRequired'],
    ],
    ['a Supporter without their name', { ...blank, tier: 'supporter', kind: 'individual' }, ['organisationName:join.errors.yourNameRequired']],
    [
      'no consent and no contact',
      { ...blank, tier: 'supporter', kind: 'organisation', organisationName: 'Friends', contactName: ' ', contactEmail: '', consent: false },
      ['contactName:join.errors.contactNameRequired', 'contactEmail:join.errors.emailRequired', 'consent:join.errors.consentRequired'],
    ],
    ['a name too long', { ...blank, tier: 'affiliate', kind: 'charity', organisationName: 'x'.repeat(201) }, ['organisationName:join.errors.tooLong']],
  ]
  for (const [name, form, expected] of cases) {
    it(`refuses ${name}`, () => assert.deepEqual(fields(form), expected))
  }

  it("keeps a councillors' group's council", () => {
    const result = checkApplication({ ...blank, tier: 'associate', kind: 'councillor-group', organisationName: 'Green Group', sitsOn: 'LBH' }, isCouncil)
    assert.ok(result.ok)
    assert.equal(result.value.sitsOnAuthorityCode, 'LBH')
    assert.equal(result.value.authorityCode, null)
    assert.equal(result.value.sponsor, null)
  })
})

describe('organisationKey', () => {
  const base = { tier: 'affiliate' as const, kind: 'charity' as const, authorityCode: null, sitsOnAuthorityCode: null }
  it('is the register code for a council', () => {
    assert.equal(organisationKey({ ...base, tier: 'full', kind: 'council', authorityCode: 'MAN', organisationName: '' }), 'council:MAN')
  })
  it('ignores case, spaces and punctuation in a name', () => {
    assert.equal(organisationKey({ ...base, organisationName: 'Co-operatives  UK' }), organisationKey({ ...base, organisationName: 'co operatives uk.' }))
  })
  it("tells apart two councils' groups of the same name", () => {
    const group = { ...base, tier: 'associate' as const, kind: 'councillor-group' as const, organisationName: 'Labour Group' }
    assert.notEqual(organisationKey({ ...group, sitsOnAuthorityCode: 'MAN' }), organisationKey({ ...group, sitsOnAuthorityCode: 'LBH' }))
  })
})
