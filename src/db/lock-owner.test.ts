import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isOwnerGone, processStartTicks } from './lock-owner.ts'

describe("a data folder lock's owner", () => {
  const alive = (pid: number) => pid === 10
  const ticks = (pid: number) => (pid === 10 ? '5000' : null)

  it('is gone when its process is dead, or its pid now names a process started at another time', () => {
    assert.equal(isOwnerGone({ pid: 11, startTicks: '5000' }, ticks, alive), true)
    assert.equal(isOwnerGone({ pid: 10, startTicks: '4000' }, ticks, alive), true)
  })

  it('is kept while it may be alive: same start time, or no start time to compare', () => {
    assert.equal(isOwnerGone({ pid: 10, startTicks: '5000' }, ticks, alive), false)
    assert.equal(isOwnerGone({ pid: 10, startTicks: null }, ticks, alive), false)
    assert.equal(
      isOwnerGone({ pid: 10, startTicks: '4000' }, () => null, alive),
      false,
    )
  })

  it("reads this process's own start time where there is /proc", { skip: process.platform !== 'linux' && 'no /proc here' }, () => {
    const own = processStartTicks(process.pid)
    assert.match(own ?? '', /^\d+$/)
    assert.equal(processStartTicks(process.pid), own)
  })
})
