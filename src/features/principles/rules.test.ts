import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { validatePrinciple, type PrincipleInput } from './rules.ts'

// The rules give catalogue keys: the messages a person reads are checked in English.
const english = translator('en')

const valid: PrincipleInput = { shortName: ' Co-production ', slug: '', statement: ' Residents design services with us. ', position: '' }

const errorsOf = (change: Partial<PrincipleInput>, positionRequired = false) => {
  const result = validatePrinciple({ ...valid, ...change }, { positionRequired })
  return result.ok ? [] : result.errors.map((e) => `${e.field}: ${english(e.message, e.values)}`)
}

describe('validatePrinciple', () => {
  it('trims, and leaves a blank slug and position for the command to fill', () => {
    assert.deepEqual(validatePrinciple(valid, { positionRequired: false }), {
      ok: true,
      value: { shortName: 'Co-production', slug: null, statement: 'Residents design services with us.', position: null, shortNameCy: null, statementCy: null },
    })
    const welsh = validatePrinciple({ ...valid, shortNameCy: ' Cydgynhyrchu ', statementCy: '  ' }, { positionRequired: false })
    assert.ok(welsh.ok)
    assert.equal(welsh.value.shortNameCy, 'Cydgynhyrchu')
    assert.equal(welsh.value.statementCy, null)
    const placed = validatePrinciple({ ...valid, slug: 'co-production', position: '4' }, { positionRequired: true })
    assert.ok(placed.ok)
    assert.equal(placed.value.position, 4)
    assert.equal(placed.value.slug, 'co-production')
  })

  const table: Array<[Partial<PrincipleInput>, boolean, string]> = [
    [{ shortName: '  ' }, false, 'shortName: Enter the short name'],
    [{ shortName: 'x'.repeat(121) }, false, 'shortName: Short name must be 120 characters or fewer'],
    [{ slug: 'co production' }, false, 'slug: Web address must use only lower-case letters, numbers and single hyphens, like co-production'],
    [{ statement: '' }, false, 'statement: Enter the statement'],
    [{ statement: 'x'.repeat(2001) }, false, 'statement: Statement must be 2,000 characters or fewer'],
    [{ position: '' }, true, 'position: Enter the position'],
    [{ position: '0' }, false, 'position: Position must be a whole number between 1 and 999'],
    [{ position: '1000' }, false, 'position: Position must be a whole number between 1 and 999'],
    [{ position: '2.5' }, false, 'position: Position must be a whole number between 1 and 999'],
    [{ position: '-3' }, false, 'position: Position must be a whole number between 1 and 999'],
  ]
  for (const [change, required, expected] of table) it(expected, () => assert.deepEqual(errorsOf(change, required), [expected]))
})
