import { readFileSync } from 'node:fs'

/** A process's resident memory now (VmRSS) and at its peak so far (VmHWM), in MiB; null if unreadable. */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    const rss = kib('VmRSS')
    const peak = kib('VmHWM')
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rssMiB: rss / 1024, peakMiB: peak / 1024 } : null
  } catch {
    return null
  }
}
