/**
 * Counts requests per key (an address) in fixed windows, in this process's memory. For the open
 * data, where a database write per request (the sign-in limits' shared counts) would cost more
 * than the reads it guards: each instance then protects itself, and the limit is per instance.
 * Pure: the caller gives the time.
 */
export class RequestWindows {
  private readonly counts = new Map<string, { count: number; endsAt: number }>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** Keys held before expired windows are swept: bounds the memory one busy minute can take. */
    private readonly sweepAbove = 10_000,
  ) {}

  /** Counts one request: allowed, or refused with the seconds until the key's window ends. */
  take(key: string, now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    let window = this.counts.get(key)
    if (!window || window.endsAt <= now) {
      if (!window && this.counts.size >= this.sweepAbove) this.sweep(now)
      window = { count: 0, endsAt: now + this.windowMs }
      this.counts.set(key, window)
    }
    window.count++
    if (window.count <= this.max) return { allowed: true }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) }
  }

  /** Keys counted now (for tests of the sweep). */
  get size(): number {
    return this.counts.size
  }

  private sweep(now: number): void {
    for (const [key, window] of this.counts) if (window.endsAt <= now) this.counts.delete(key)
  }
}
