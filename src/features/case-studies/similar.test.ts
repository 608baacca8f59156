import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { rankSimilar, reasonHtml } from './similar.ts'

const names = {
  principle: (id: string) => ({ '1': 'Co-production', '2': 'Innovation', '3': 'Social value' })[id],
  theme: (id: string) => ({ '7': 'Housing', '8': 'Energy' })[id],
}
const candidate = (id: number, keys: string[], textRank = 0) => ({ id, slug: `c-${id}`, title: `Case ${id}`, keys, textRank })
const en = translator('en')
const cy = translator('cy')

describe('rankSimilar', () => {
  const mine = ['h:7', 'h:8', 'p:1', 'p:2', 'k:project', 'm:4']

  it('puts shared themes before shared principles before similar words, and says why', () => {
    const ranked = rankSimilar(
      mine,
      [candidate(1, ['p:1', 'p:2', 'p:3']), candidate(2, ['h:7', 'p:3']), candidate(3, ['p:3'], 0.12), candidate(4, ['h:7', 'h:8', 'p:1'])],
      names,
    )
    assert.deepEqual(
      ranked.map((r) => [r.slug, r.reasons.map((reason) => reasonHtml(reason, en))]),
      [
        ['c-4', ['Both about Housing and Energy', 'Both meet Co-production']],
        ['c-2', ['Both about Housing']],
        ['c-1', ['Both meet Co-production and Innovation']],
        ['c-3', ['A similar title or summary']],
      ],
    )
  })

  it('says why in Welsh, the names marked as English', () => {
    const [first] = rankSimilar(mine, [candidate(4, ['h:7', 'h:8', 'p:1'])], names)
    assert.deepEqual(
      first!.reasons.map((reason) => reasonHtml(reason, cy, 'en')),
      ['Themâu cyffredin: <span lang="en">Housing</span> ac <span lang="en">Energy</span>', 'Egwyddor gyffredin: <span lang="en">Co-production</span>'],
    )
    assert.equal(reasonHtml({ what: 'themes', names: ['A & B', 'Tai'] }, cy), 'Themâu cyffredin: A &amp; B a Tai')
  })

  it('leaves out candidates with nothing in common, and keeps five at most', () => {
    assert.deepEqual(rankSimilar(mine, [candidate(1, ['p:3', 'k:project', 'm:4'], 0.01)], names), [])
    const many = Array.from({ length: 9 }, (_, i) => candidate(i + 1, ['p:1']))
    assert.deepEqual(
      rankSimilar(mine, many, names).map((r) => r.slug),
      ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'],
    )
  })
})
