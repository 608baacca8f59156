import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoOrganisations } from './content/organisations.ts'
import { demoOrganisationList } from './list.ts'

describe('coophub demo --list', () => {
  it('lists every demo organisation with its slug first and its membership', () => {
    const lines = demoOrganisationList()
    assert.equal(lines.length, demoOrganisations.length + 2)
    assert.match(
      lines.find((l) => l.startsWith('northbrook-city-council'))!,
      /^northbrook-city-council\s+Northbrook City Council \(Full member\)$/,
    )
    assert.match(
      lines.find((l) => l.startsWith('valley-credit-union'))!,
      /\(Not a member\)$/,
    )
  })
})
