// The same quirks against the network's real principles, read from ../shared/data. Documents
// are generated from the data itself, so no published text is copied into the project.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readDocument } from './read-document.ts'
import { buildReadingContext } from './reading-context.ts'
import type { ReadingContext } from './reading-context.ts'
import { doc, FIXTURE_AUTHORITIES, loadRealData, NO_SHARED_DATA } from '../../../test/import/reading-support.ts'

const real = loadRealData()
const skip = real ? false : NO_SHARED_DATA
const principles = real?.principles ?? []
const NARRATIVE = 'Volunteers repainted the community hall and opened it for a weekly repair caf\u00e9.'

function wtt(): { intro: string; subs: string[] } {
  const p = principles.find((x) => x.subPoints.length > 0)
  return { intro: p?.statement ?? '', subs: (p?.subPoints ?? []).map((s) => `${s.name}: ${s.text}`) }
}

function read(text: string, ctx: ReadingContext | undefined = real?.ctx): { names: string[]; warnings: string[] } {
  if (!ctx) return { names: [], warnings: [] }
  const r = readDocument(text, ctx)
  return { names: r.principles.map((p) => p.shortName), warnings: r.warnings.filter((w) => w.field === 'principles').map((w) => w.message) }
}

/** Statement lines for every principle, the one with sub-points rendered as the layout wants. */
function statementLines(subLayout: 'lines' | 'run-together'): string[][] {
  const { subs } = wtt()
  return principles.map((p) => {
    if (p.subPoints.length === 0) return [p.statement]
    if (subLayout === 'lines') return [p.statement, ...subs.map((s, i) => (i >= subs.length - 2 ? `•${s}` : `• ${s}`))]
    return [`${p.statement} ${subs.map((s, i) => (i >= subs.length - 2 ? `•${s}` : `• ${s}`)).join(' ')}`]
  })
}

describe('real principles: the three layouts', { skip }, () => {
  const all = (): string[] => principles.map((p) => p.shortName)

  it('layout 1: "-" / short name / statement, sub-points one per line', () => {
    const body = principles.flatMap((p, i) => ['-', p.shortName, ...(statementLines('lines')[i] ?? [])])
    assert.deepEqual(read(doc('Principles met', ...body, NARRATIVE)), { names: all(), warnings: [] })
  })

  it('layout 2: short name / statement, every third name missing', () => {
    const body = principles.flatMap((p, i) => [...(i % 3 === 1 ? [] : [p.shortName]), ...(statementLines('lines')[i] ?? [])])
    assert.deepEqual(read(doc('Principles met', ...body, NARRATIVE)), { names: all(), warnings: [] })
  })

  it('layout 3: bullets with statements only, sub-points run together', () => {
    const body = statementLines('run-together').map((lines) => `  \u2022 ${lines[0]}`)
    assert.deepEqual(read(doc('Principles met', '', ...body, '', NARRATIVE)), { names: all(), warnings: [] })
  })

  it('the statement with the repeated tail is one principle, not two', () => {
    const carrier = principles.find((p) => p.aliases.length > 0)
    assert.ok(carrier, 'the data has a statement with a repeated tail')
    const r = read(doc('Principles met', `\u2022 ${carrier.statement}`, '', NARRATIVE))
    assert.deepEqual(r.names, [carrier.shortName])
    const withoutTail = read(doc('Principles met', `\u2022 ${carrier.aliases[0]}`, '', NARRATIVE))
    assert.deepEqual(withoutTail.names, [carrier.shortName])
  })

  it('a sub-point whose name starts like another principle stays with its own principle', () => {
    const { intro, subs } = wtt()
    const owner = principles.find((p) => p.subPoints.length > 0)?.shortName ?? ''
    for (const s of subs) {
      assert.deepEqual(read(doc('Principles met', owner, intro, `\u2022 ${s}`, `\u2022 ${s.split(':')[0]}`, NARRATIVE)).names, [owner])
    }
  })
})

describe('real principles: tolerant matching', { skip }, () => {
  const mutations: { name: string; change: (s: string) => string }[] = [
    { name: 'curly quotes made straight', change: (s) => s.replace(/[\u2018\u2019]/g, "'") },
    { name: 'hyphens made odd', change: (s) => s.replace(/-/g, '\u2011') },
    { name: 'spaces doubled', change: (s) => s.replace(/ /g, '  ') },
    { name: 'spaces lost after commas', change: (s) => s.replace(/, /g, ',') },
    { name: 'three typos', change: (s) => typo(typo(typo(s, 0.2), 0.5), 0.8) },
  ]
  for (const m of mutations) {
    it(`every statement matches its principle with ${m.name}`, () => {
      for (const p of principles) {
        const r = read(doc('Principles met', `\u2022 ${m.change(p.statement)}`, '', NARRATIVE))
        assert.deepEqual(r.names, [p.shortName], `${p.shortName}: ${m.change(p.statement)}`)
      }
    })
    it(`every short name matches with ${m.name}`, () => {
      for (const p of principles) {
        // Three typos in a twelve-letter name leave too little to go on; one must still match.
        const name = m.name === 'three typos' && p.shortName.length < 20 ? typo(p.shortName, 0.5) : m.change(p.shortName)
        assert.deepEqual(read(doc('Principles met', '-', name, '', NARRATIVE)).names, [p.shortName], name)
      }
    })
  }
})

describe('real principles: contexts with less data', { skip }, () => {
  it('works with only slug, short name and statement (no sub-points, no aliases)', () => {
    const ctx = buildReadingContext({
      principles: principles.map((p) => ({ slug: p.slug, shortName: p.shortName, statement: p.statement })),
      members: [],
      authorities: FIXTURE_AUTHORITIES,
    })
    const body = statementLines('run-together').map((lines) => `\u2022 ${lines[0]}`)
    assert.deepEqual(read(doc('Principles met', ...body, '', NARRATIVE), ctx), { names: principles.map((p) => p.shortName), warnings: [] })
  })

  it('works when the statement is stored with its sub-points inline', () => {
    const { subs } = wtt()
    const ctx = buildReadingContext({
      principles: principles.map((p) => ({
        slug: p.slug,
        shortName: p.shortName,
        statement: p.subPoints.length > 0 ? `${p.statement} ${subs.map((s) => `\u2022 ${s}`).join(' ')}` : p.statement,
      })),
      members: [],
      authorities: FIXTURE_AUTHORITIES,
    })
    const body = principles.flatMap((p, i) => [p.shortName, ...(statementLines('lines')[i] ?? [])])
    assert.deepEqual(read(doc('Principles met', ...body, NARRATIVE), ctx), { names: principles.map((p) => p.shortName), warnings: [] })
  })
})

/** Swaps two letters at a relative position, as a hurried typist would. */
function typo(s: string, at: number): string {
  let i = Math.floor(s.length * at)
  while (i < s.length - 1 && !/[a-z]{2}/.test(s.slice(i, i + 2))) i++
  return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2)
}
