import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readDocument } from './read-document.ts'
import { doc, fixtureContext } from '../../../test/import/reading-support.ts'

const ctx = fixtureContext()
const STORY = 'The bus pilot carried more than four thousand passengers in its first year of running.'

describe('contact block', () => {
  const full = { name: 'Priya Shah', jobTitle: 'Community Wealth Lead', organisation: 'Stockport Council' }
  const cases: { name: string; lines: string[]; expected: object | null }[] = [
    {
      name: '"For more information contact:"',
      lines: ['For more information contact:', 'Priya Shah', 'Community Wealth Lead', 'Stockport Council'],
      expected: full,
    },
    {
      name: '"For further information contact:"',
      lines: ['For further information contact:', 'Priya Shah', 'Community Wealth Lead', 'Stockport Council'],
      expected: full,
    },
    { name: 'no colon, other case', lines: ['FOR MORE INFORMATION CONTACT', 'Priya Shah', 'Community Wealth Lead', 'Stockport Council'], expected: full },
    {
      name: 'blank lines between the fields',
      lines: ['For further information contact:', '', 'Priya Shah', '', 'Community Wealth Lead', '', 'Stockport Council'],
      expected: full,
    },
    { name: 'on the same line after the colon', lines: ['For more information contact: Priya Shah, Community Wealth Lead, Stockport Council'], expected: full },
    { name: 'one line with commas', lines: ['For more information contact:', 'Priya Shah, Community Wealth Lead, Stockport Council'], expected: full },
    {
      name: 'name and organisation only',
      lines: ['For more information contact:', 'Priya Shah', 'Stockport Council'],
      expected: { name: 'Priya Shah', jobTitle: null, organisation: 'Stockport Council' },
    },
    {
      name: 'name and job title only',
      lines: ['For more information contact:', 'Priya Shah', 'Community Wealth Lead'],
      expected: { name: 'Priya Shah', jobTitle: 'Community Wealth Lead', organisation: null },
    },
    {
      name: 'an email line is kept apart',
      lines: ['For more information contact:', 'Priya Shah', 'priya.shah@example.org', 'Community Wealth Lead', 'Stockport Council'],
      expected: { ...full, email: 'priya.shah@example.org' },
    },
    { name: 'nothing after the heading', lines: ['For further information contact:'], expected: null },
    { name: 'only blank lines after the heading', lines: ['For further information contact:', '', ''], expected: null },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const r = readDocument(doc(STORY, ...c.lines), ctx)
      assert.deepEqual(r.contact, c.expected)
      assert.equal(r.bodyMarkdown, STORY)
      const warned = r.warnings.some((w) => w.field === 'contact')
      assert.equal(warned, c.expected === null)
    })
  }

  it('stops before narrative that follows the contact', () => {
    const r = readDocument(doc('For more information contact:', 'Priya Shah', '', STORY), ctx)
    assert.deepEqual(r.contact, { name: 'Priya Shah', jobTitle: null, organisation: null })
    assert.equal(r.bodyMarkdown, STORY)
  })

  it('splits the next page\u2019s "Principles met" off a glued last line', () => {
    const r = readDocument(doc(STORY, 'For more information contact:', 'Priya Shah', 'Community Wealth Lead', 'Stockport CouncilPrinciples met'), ctx)
    assert.deepEqual(r.contact, full)
    assert.equal(r.bodyMarkdown, STORY)
    assert.equal(r.warnings.filter((w) => w.field === 'principles' && /second/.test(w.message)).length, 0)
  })

  it('warns when no contact block exists at all', () => {
    const r = readDocument(STORY, ctx)
    assert.equal(r.contact, null)
    assert.match(r.warnings.find((w) => w.field === 'contact')?.message ?? '', /no contact recorded/)
  })
})
