import assert from 'node:assert/strict'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { after, describe, it } from 'node:test'
import type { FixtureInput } from './pool-fixture-worker.ts'
import { WorkerPool } from './worker-pool.ts'
import type { JobEvent, WorkerPoolOptions } from './worker-pool.ts'

const WORKER = 'features/import/extraction/pool-fixture-worker.ts'
const pools: WorkerPool<FixtureInput, string>[] = []

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<FixtureInput, string> {
  const p = new WorkerPool<FixtureInput, string>({
    worker: WORKER,
    size: 1,
    queueLimit: 4,
    waitLimitMs: 60_000,
    timeLimitMs: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 64 },
    idleMs: 60_000,
    ...options,
  })
  pools.push(p)
  return p
}

/** A flag a blocked job waits on; `release()` lets it finish. */
function gate(): { flag: Int32Array; release: () => void } {
  const flag = new Int32Array(new SharedArrayBuffer(4))
  return {
    flag,
    release: () => {
      Atomics.store(flag, 0, 1)
      Atomics.notify(flag, 0)
    },
  }
}

/** Resolves once a job has started in a worker. */
function started(): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: unknown): void => {
      if ((message as JobEvent).phase !== 'start') return
      unsubscribe('coophub:worker-pool:job', listener)
      resolve()
    }
    subscribe('coophub:worker-pool:job', listener)
  })
}

after(async () => {
  await Promise.all(pools.map((p) => p.close()))
})

describe('WorkerPool', () => {
  it('runs a job in a worker thread and returns what it returned', async () => {
    assert.deepEqual(await pool().run({ kind: 'echo', text: 'hello' }), { ok: true, value: 'hello' })
  })

  it('keeps the main thread free while a job holds its worker', async () => {
    const p = pool()
    const g = gate()
    const order: string[] = []
    const running = started()
    const job = p.run({ kind: 'block', flag: g.flag, text: 'done' }).then((outcome) => {
      order.push('job')
      return outcome
    })
    await running
    // The worker is stuck in a synchronous wait; the main thread still runs timers and I/O.
    await new Promise((resolve) => setTimeout(resolve, 20))
    order.push('main thread')
    g.release()
    assert.deepEqual(await job, { ok: true, value: 'done' })
    assert.deepEqual(order, ['main thread', 'job'])
  })

  it('terminates a worker past the time limit and starts a fresh one for the next job', async () => {
    const p = pool({ timeLimitMs: 300 })
    assert.deepEqual(await p.run({ kind: 'spin' }), { ok: false, reason: 'timed-out' })
    assert.equal(p.workers, 0, 'the spinning worker is gone')
    assert.deepEqual(await p.run({ kind: 'echo', text: 'again' }), { ok: true, value: 'again' })
  })

  it('terminates a worker past its memory limit; the process carries on', async () => {
    const p = pool({ resourceLimits: { maxOldGenerationSizeMb: 16 } })
    const outcome = await p.run({ kind: 'allocate' })
    assert.equal(outcome.ok, false)
    assert.equal(!outcome.ok && outcome.reason, 'out-of-memory')
    assert.equal(p.workers, 0)
    assert.deepEqual(await p.run({ kind: 'echo', text: 'still here' }), { ok: true, value: 'still here' })
  })

  it('reports a job that throws, and keeps its worker', async () => {
    const p = pool()
    assert.deepEqual(await p.run({ kind: 'throw', message: 'bad input' }), { ok: false, reason: 'failed', detail: 'bad input' })
    assert.equal(p.workers, 1)
  })

  it('runs `size` jobs at once, queues a few, turns the rest away', async () => {
    const p = pool({ size: 1, queueLimit: 1 })
    const g = gate()
    const running = started()
    const first = p.run({ kind: 'block', flag: g.flag, text: 'first' })
    await running
    const second = p.run({ kind: 'echo', text: 'second' })
    assert.deepEqual(await p.run({ kind: 'echo', text: 'third' }), { ok: false, reason: 'busy' }, 'no room to wait')
    g.release()
    assert.deepEqual(await first, { ok: true, value: 'first' })
    assert.deepEqual(await second, { ok: true, value: 'second' }, 'the waiting job ran after the first')
  })

  it('turns away a job that waited past the wait limit', async () => {
    const p = pool({ size: 1, queueLimit: 1, waitLimitMs: 50 })
    const g = gate()
    const running = started()
    const first = p.run({ kind: 'block', flag: g.flag, text: 'first' })
    await running
    assert.deepEqual(await p.run({ kind: 'echo', text: 'late' }), { ok: false, reason: 'busy' })
    g.release()
    assert.deepEqual(await first, { ok: true, value: 'first' })
  })

  it('a waiting job gets a new worker when the running one is terminated', async () => {
    const p = pool({ size: 1, queueLimit: 1, timeLimitMs: 300 })
    const spinning = p.run({ kind: 'spin' })
    const waiting = p.run({ kind: 'echo', text: 'next' })
    assert.deepEqual(await spinning, { ok: false, reason: 'timed-out' })
    assert.deepEqual(await waiting, { ok: true, value: 'next' })
  })

  it('close() terminates the workers and answers waiting jobs', async () => {
    const p = pool({ size: 1, queueLimit: 1 })
    const g = gate()
    const running = started()
    const first = p.run({ kind: 'block', flag: g.flag, text: 'first' })
    await running
    const waiting = p.run({ kind: 'echo', text: 'never' })
    await p.close()
    assert.deepEqual(await waiting, { ok: false, reason: 'busy', detail: 'closed' })
    assert.equal((await first).ok, false)
    assert.equal(p.workers, 0)
    assert.deepEqual(await p.run({ kind: 'echo', text: 'x' }), { ok: false, reason: 'busy', detail: 'closed' })
  })
})
