import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RequestWindows } from './request-windows.ts'

describe('RequestWindows', () => {
  it('allows max requests per key in a window, then refuses with the seconds left', () => {
    const windows = new RequestWindows(3, 60_000)
    const t0 = 1_000_000
    const results = [0, 1, 2, 3, 4].map((i) => windows.take('a', t0 + i * 1000))
    assert.deepEqual(
      results.map((r) => r.allowed),
      [true, true, true, false, false],
    )
    assert.deepEqual(results[3], { allowed: false, retryAfterSeconds: 57 })
    assert.deepEqual(results[4], { allowed: false, retryAfterSeconds: 56 })
  })

  it('counts each key alone, and starts afresh when the window has ended', () => {
    const windows = new RequestWindows(1, 60_000)
    assert.equal(windows.take('a', 0).allowed, true)
    assert.equal(windows.take('b', 0).allowed, true)
    assert.equal(windows.take('a', 59_999).allowed, false)
    assert.equal(windows.take('a', 60_000).allowed, true)
  })

  it('never asks to wait less than a second', () => {
    const windows = new RequestWindows(0, 60_000)
    assert.deepEqual(windows.take('a', 0), { allowed: false, retryAfterSeconds: 60 })
    const late = new RequestWindows(1, 1_000)
    late.take('a', 0)
    assert.deepEqual(late.take('a', 999), { allowed: false, retryAfterSeconds: 1 })
  })

  it('sweeps ended windows once it holds many keys, keeping those still counting', () => {
    const windows = new RequestWindows(5, 1_000, 3)
    windows.take('a', 0)
    windows.take('b', 0)
    windows.take('c', 500)
    assert.equal(windows.size, 3)
    windows.take('d', 1_200)
    assert.equal(windows.size, 2, 'a and b had ended; c and d are counting')
  })
})
