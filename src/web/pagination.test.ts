import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { paginationModel } from './pagination.ts'

const href = (n: number) => `/p?page=${n}`
const numbers = (page: number, total: number) =>
  paginationModel(page, total, href).items.map((i) => (i.ellipsis ? '…' : i.current ? `[${i.number}]` : String(i.number)))

describe('paginationModel', () => {
  it('one page has no links', () => {
    assert.deepEqual(paginationModel(1, 1, href), { items: [{ number: 1, href: '/p?page=1', current: true }] })
  })
  it('shows first, last and neighbours with ellipses', () => {
    assert.deepEqual(numbers(1, 10), ['[1]', '2', '…', '10'])
    assert.deepEqual(numbers(5, 10), ['1', '…', '4', '[5]', '6', '…', '10'])
    assert.deepEqual(numbers(10, 10), ['1', '…', '9', '[10]'])
    assert.deepEqual(numbers(3, 4), ['1', '2', '[3]', '4'])
  })
  it('links previous and next only where they exist', () => {
    assert.deepEqual(paginationModel(1, 3, href).next, { href: '/p?page=2' })
    assert.equal(paginationModel(1, 3, href).previous, undefined)
    assert.deepEqual(paginationModel(3, 3, href).previous, { href: '/p?page=2' })
    assert.equal(paginationModel(3, 3, href).next, undefined)
  })
  it('a page beyond the end has no previous link into nowhere', () => {
    assert.equal(paginationModel(9, 3, href).previous, undefined)
  })
})
