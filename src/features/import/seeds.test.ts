// The two seed documents in ../shared/seeds, read against the real reference data.

import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { toDryRunJson } from './dry-run.ts'
import { readDocument } from './read-document.ts'
import { loadRealData, NO_SEEDS, NO_SHARED_DATA, SEEDS_DIR } from '../../../test/import/reading-support.ts'
import type { Reading } from './types.ts'

const real = loadRealData()
const skip = !existsSync(SEEDS_DIR) ? NO_SEEDS : real ? false : NO_SHARED_DATA

function readSeed(prefix: string): Reading {
  if (!real) throw new Error('no reference data')
  const file = readdir().find((f) => f.startsWith(prefix))
  assert.ok(file, `seed ${prefix}_* exists`)
  return readDocument(readFileSync(path.join(SEEDS_DIR, file), 'utf8'), real.ctx)
}

function readdir(): string[] {
  return existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')) : []
}

describe('seed 000', { skip }, () => {
  it('is read exactly', () => {
    const r = readSeed('000')
    assert.deepEqual(
      r.principles.map((p) => p.shortName),
      ['Co-production', 'Innovation', 'Learning', 'New models of meeting priority needs', 'Social partnership', 'Walking the talk'],
    )
    assert.deepEqual(r.contact, { name: 'Emma Moseley', jobTitle: 'Senior Policy Officer', organisation: 'Trafford Council' })
    assert.equal(r.leadMember, 'Trafford Council')
    assert.deepEqual(r.organisations[0], { name: 'Trafford Council', role: 'lead', match: { kind: 'authority', code: 'TRF' } })
    assert.deepEqual(r.councils, ['Trafford Council'])
    assert.deepEqual(r.authorities, ['TRF'])
    assert.equal(r.title, 'Right to the Streets')
    assert.equal(r.titleProposed, true)
    assert.ok(r.principles.every((p) => p.score === 1))
    assert.doesNotMatch(r.bodyMarkdown, /Principles met|equal partners|Membership-based|Emma Moseley|For more information/)
    assert.match(r.bodyMarkdown, /^In 2022, using Home Office funding/)
    assert.deepEqual(
      r.warnings.map((w) => w.field),
      ['title', 'year', 'kind', 'leadMember'],
    )
  })
})

describe('seed 004', { skip }, () => {
  it('is read exactly', () => {
    const r = readSeed('004')
    assert.deepEqual(
      r.principles.map((p) => p.shortName),
      [
        'Co-production',
        'Community leadership and a new role for councillors',
        'Enterprise and social economy',
        'Innovation',
        'Learning',
        'New models of meeting priority needs',
        'Walking the talk',
      ],
    )
    assert.equal(r.contact, null)
    assert.equal(r.leadMember, 'Bury')
    assert.deepEqual(r.organisations, [{ name: 'Bury', role: 'lead', match: { kind: 'authority', code: 'BUR' } }])
    assert.deepEqual(r.councils, ['Bury'])
    assert.deepEqual(r.authorities, ['BUR'])
    assert.equal(r.titleProposed, true)
    assert.doesNotMatch(r.bodyMarkdown, /Principles met|equal partners|Non-party-political|For further information/)
    assert.deepEqual(
      r.warnings.map((w) => w.field),
      ['contact', 'title', 'year', 'kind', 'leadMember'],
    )
  })
})

describe('seeds run together', { skip }, () => {
  it('the glued "…CouncilPrinciples met" is split off and the second page is flagged', () => {
    const files = readdir().sort()
    const text = files.map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8')).join('')
    if (!real) return
    const r = readDocument(text, real.ctx)
    assert.deepEqual(r.contact, { name: 'Emma Moseley', jobTitle: 'Senior Policy Officer', organisation: 'Trafford Council' })
    assert.ok(r.warnings.some((w) => w.field === 'principles' && /second "Principles met"/.test(w.message)))
  })

  it('the dry-run JSON keeps its contract', () => {
    const json = toDryRunJson('000.txt', readSeed('000'))
    assert.deepEqual(Object.keys(json), [
      'file',
      'title',
      'principles',
      'leadMember',
      'participatingMembers',
      'year',
      'status',
      'contact',
      'councils',
      'authorities',
      'warnings',
      'stage',
    ])
    assert.equal(json.year, null)
    assert.equal(json.status, null)
    assert.equal(json.stage, null)
    assert.deepEqual(json.contact, { name: 'Emma Moseley', jobTitle: 'Senior Policy Officer', organisation: 'Trafford Council' })
    assert.ok(json.warnings.every((w) => /^(title|year|kind|leadMember): /.test(w)))
  })
})
