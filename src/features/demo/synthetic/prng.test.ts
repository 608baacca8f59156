import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hash32, hashString, Random, WeightedTable } from './prng.ts'

describe('seeded random numbers', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = Random.for(1, 2, 3)
    const b = Random.for(1, 2, 3)
    const c = Random.for(1, 2, 4)
    const seqA = Array.from({ length: 20 }, () => a.next())
    assert.deepEqual(
      Array.from({ length: 20 }, () => b.next()),
      seqA,
    )
    assert.notDeepEqual(
      Array.from({ length: 20 }, () => c.next()),
      seqA,
    )
  })

  it('stays the same from one version to the next (synthetic slugs depend on it)', () => {
    assert.equal(hash32(1, 2, 3), hash32(1, 2, 3))
    assert.equal(hashString('Co-production'), hashString('Co-production'))
    const r = new Random(42)
    assert.deepEqual([r.int(0, 999), r.int(0, 999), r.int(0, 999)], [601, 448, 852])
  })

  it('keeps numbers in range and spreads them out', () => {
    const r = new Random(7)
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 10_000; i++) {
      const x = r.next()
      assert.ok(x >= 0 && x < 1)
      counts[Math.floor(x * 10)]!++
    }
    for (const n of counts) assert.ok(n > 850 && n < 1150, `bucket of ${n}`)
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5)
      assert.ok(n >= 3 && n <= 5 && Number.isInteger(n))
    }
  })

  it('tells large indexes apart', () => {
    assert.notEqual(hash32(1, 2, 2 ** 32 + 5), hash32(1, 2, 5))
  })

  it('draws in proportion to weights, and samples without repeats', () => {
    const r = new Random(3)
    const table = new WeightedTable([1, 0, 3])
    const counts = [0, 0, 0]
    for (let i = 0; i < 8000; i++) counts[table.draw(r)]!++
    assert.equal(counts[1], 0)
    assert.ok(counts[2]! > counts[0]! * 2.5 && counts[2]! < counts[0]! * 3.5, counts.join())
    const weighted = [0, 0]
    for (let i = 0; i < 4000; i++) weighted[r.weighted([1, 3])]!++
    assert.ok(weighted[1]! > weighted[0]! * 2.5)
    const sample = r.sample([1, 2, 3, 4, 5], 3)
    assert.equal(new Set(sample).size, 3)
    assert.equal(r.sample([1, 2], 5).length, 2)
  })
})
