import assert from 'node:assert/strict'
import { it } from 'node:test'
import { acceptedAdvisories, severeAdvisories } from '../../../scripts/audit.js'

it('reads the accepted advisories from the table in docs/security.md', () => {
  const markdown = '| Advisory | Package | Why |\n|---|---|---|\n| GHSA-abcd-2345-wxyz | x | unreachable path |\nGHSA-cccc-cccc-cccc in prose does not count\n'
  assert.deepEqual([...acceptedAdvisories(markdown)], ['GHSA-abcd-2345-wxyz'])
})

it('keeps only high and critical advisories from an npm audit report, once each', () => {
  const report = {
    vulnerabilities: {
      a: { via: [{ source: 1, name: 'a', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high' }] },
      b: { via: ['a', { source: 2, name: 'b', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'moderate' }] },
      c: { via: [{ source: 1, name: 'a', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high' }] },
    },
  }
  assert.deepEqual(severeAdvisories(report), [{ id: 'GHSA-aaaa-bbbb-cccc', packageName: 'a', title: 'Prototype pollution' }])
})
