import assert from 'node:assert/strict'
import { it } from 'node:test'
import { licenceAllowed, statedLicence } from '../../../scripts/check-licences.js'

it('allows licences AGPL-3.0-or-later can take in, and refuses the rest', () => {
  for (const ok of [
    'MIT',
    'Apache-2.0',
    '(MIT OR GPL-3.0-or-later)',
    '(MIT AND Zlib)',
    'GPL-2.0+',
    'LGPL-3.0-or-later',
    'OFL-1.1',
    'Apache-2.0 WITH LLVM-exception',
  ]) {
    assert.equal(licenceAllowed(ok), true, ok)
  }
  for (const refused of ['SSPL-1.0', 'BUSL-1.1', 'GPL-2.0-only', 'CC-BY-NC-4.0', '(MIT AND SSPL-1.0)', 'UNLICENSED', 'SEE LICENSE IN LICENSE', 'MIT garbage']) {
    assert.equal(licenceAllowed(refused), false, refused)
  }
  assert.equal(licenceAllowed('(SSPL-1.0 OR MIT)'), true, 'one allowed alternative is enough')
})

it('reads the licence however a package.json states it', () => {
  assert.equal(statedLicence({ license: 'ISC' }), 'ISC')
  assert.equal(statedLicence({ license: { type: 'MIT' } }), 'MIT')
  assert.equal(statedLicence({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }), 'MIT OR Apache-2.0')
  assert.equal(statedLicence({}), null)
})
