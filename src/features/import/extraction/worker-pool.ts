// A few worker threads that run one kind of job off the main thread, so that a costly job never
// holds up the pages other people are waiting for. Each worker has a memory limit and each job a
// time limit; a worker past either is terminated (its memory goes with it) and replaced when next
// needed. At most `size` jobs run at once; a few more may wait, briefly; the rest are turned away.

import { channel } from 'node:diagnostics_channel'
import type { ResourceLimits, Worker } from 'node:worker_threads'
import { startWorker } from '../../../runtime.ts'

export interface WorkerPoolOptions {
  /** The worker's module, by its path under src/ (it calls serveJobs); compiled or not, as the app runs. */
  worker: string
  /** Jobs running at once, one worker each. */
  size: number
  /** Jobs allowed to wait for a worker. */
  queueLimit: number
  /** How long a job may wait for a worker. */
  waitLimitMs: number
  /** How long a job may run before its worker is terminated (from when the worker is ready). */
  timeLimitMs: number
  resourceLimits: ResourceLimits
  /** A worker idle this long is closed, giving its memory back. */
  idleMs: number
}

export type JobOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'busy' | 'timed-out' | 'out-of-memory' | 'failed'; detail?: string }

/** Published as each job is handed to a ready worker and as it ends, for logs and tests that want to know what runs. */
export const jobChannel = channel('coophub:worker-pool:job')
export interface JobEvent {
  phase: 'start' | 'end'
  /** The worker module's file name. */
  job: string
  /** At the end: 'ok', or why not. */
  outcome?: 'ok' | Extract<JobOutcome<unknown>, { ok: false }>['reason']
}

interface Waiting {
  input: unknown
  resolve: (outcome: JobOutcome<unknown>) => void
  timer: NodeJS.Timeout
}

interface Slot {
  worker: Worker
  busy: boolean
  idle: NodeJS.Timeout | null
  /** Resolves when the worker has loaded its job module. */
  ready: Promise<void>
}

// Loading the job module (compiling TypeScript, when run from the sources) takes a second or so,
// longer on a busy machine; it does not count against a job's time limit, but it is bounded.
const START_LIMIT_MS = 60_000

export class WorkerPool<In, Out> {
  readonly #options: WorkerPoolOptions
  readonly #slots = new Set<Slot>()
  readonly #queue: Waiting[] = []
  #nextId = 1
  #closed = false

  constructor(options: WorkerPoolOptions) {
    this.#options = options
  }

  /** Workers alive now (busy or idle). */
  get workers(): number {
    return this.#slots.size
  }

  run(input: In): Promise<JobOutcome<Out>> {
    if (this.#closed) return Promise.resolve({ ok: false, reason: 'busy', detail: 'closed' })
    const slot = this.#freeSlot()
    if (slot) return this.#dispatch(slot, input) as Promise<JobOutcome<Out>>
    if (this.#queue.length >= this.#options.queueLimit) return Promise.resolve({ ok: false, reason: 'busy' })
    return new Promise((resolve) => {
      const waiting: Waiting = {
        input,
        resolve: resolve as Waiting['resolve'],
        timer: setTimeout(() => {
          this.#queue.splice(this.#queue.indexOf(waiting), 1)
          resolve({ ok: false, reason: 'busy' })
        }, this.#options.waitLimitMs),
      }
      this.#queue.push(waiting)
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const w of this.#queue.splice(0)) {
      clearTimeout(w.timer)
      w.resolve({ ok: false, reason: 'busy', detail: 'closed' })
    }
    await Promise.all([...this.#slots].map((slot) => this.#retire(slot)))
  }

  #freeSlot(): Slot | null {
    for (const slot of this.#slots) if (!slot.busy) return slot
    if (this.#slots.size >= this.#options.size) return null
    const worker = startWorker(this.#options.worker, { resourceLimits: this.#options.resourceLimits })
    const ready = new Promise<void>((resolve) => {
      const onReady = (message: { ready?: boolean }): void => {
        if (!message.ready) return
        worker.off('message', onReady)
        resolve()
      }
      worker.on('message', onReady)
    })
    const slot: Slot = { worker, busy: false, idle: null, ready }
    // A worker that dies between jobs is simply forgotten; the next job starts another.
    worker.on('error', () => undefined)
    worker.once('exit', () => this.#slots.delete(slot))
    this.#slots.add(slot)
    return slot
  }

  #dispatch(slot: Slot, input: unknown): Promise<JobOutcome<unknown>> {
    const id = this.#nextId++
    slot.busy = true
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = null
    slot.worker.ref()
    const job = this.#options.worker.split('/').pop() ?? 'worker'
    return new Promise<JobOutcome<unknown>>((resolve) => {
      const { worker } = slot
      let done = false
      let timer: NodeJS.Timeout | undefined
      const finish = (outcome: JobOutcome<unknown>, keep: boolean): void => {
        if (done) return
        done = true
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        if (jobChannel.hasSubscribers) jobChannel.publish({ phase: 'end', job, outcome: outcome.ok ? 'ok' : outcome.reason } satisfies JobEvent)
        resolve(outcome)
        if (keep) this.#release(slot)
        else void this.#retire(slot).then(() => this.#next())
      }
      const onMessage = (message: { id?: number; ok: boolean; value?: unknown; error?: string }): void => {
        if (message.id !== id) return
        finish(message.ok ? { ok: true, value: message.value } : { ok: false, reason: 'failed', detail: message.error ?? '' }, true)
      }
      const onError = (error: Error & { code?: string }): void => {
        finish({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'failed', detail: error.message }, false)
      }
      const onExit = (code: number): void => finish({ ok: false, reason: 'failed', detail: `the worker stopped (exit ${code})` }, false)
      const timeOut = (): void => finish({ ok: false, reason: 'timed-out' }, false)
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      timer = setTimeout(timeOut, START_LIMIT_MS)
      void slot.ready.then(() => {
        if (done) return
        clearTimeout(timer)
        timer = setTimeout(timeOut, this.#options.timeLimitMs)
        if (jobChannel.hasSubscribers) jobChannel.publish({ phase: 'start', job } satisfies JobEvent)
        worker.postMessage({ id, input })
      })
    })
  }

  /** A worker whose job is done takes the next waiting job, or waits idle (not keeping the process alive). */
  #release(slot: Slot): void {
    slot.busy = false
    const next = this.#queue.shift()
    if (next) {
      clearTimeout(next.timer)
      void this.#dispatch(slot, next.input).then(next.resolve)
      return
    }
    slot.worker.unref()
    slot.idle = setTimeout(() => void this.#retire(slot), this.#options.idleMs)
    slot.idle.unref()
  }

  /** After a worker was terminated, a waiting job gets a new one. */
  #next(): void {
    if (this.#closed || this.#queue.length === 0) return
    const slot = this.#freeSlot()
    const next = slot ? this.#queue.shift() : undefined
    if (!slot || !next) return
    clearTimeout(next.timer)
    void this.#dispatch(slot, next.input).then(next.resolve)
  }

  async #retire(slot: Slot): Promise<void> {
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = null
    this.#slots.delete(slot)
    await slot.worker.terminate()
  }
}
