import cliProgress from 'cli-progress'
import type { ProgressReport } from '../take-backup.ts'

/** A bar of rows on standard error when it is a terminal; nothing in a log or a pipe. */
export function rowProgress(label: string, tty = Boolean(process.stderr.isTTY)): { report: ProgressReport; stop(): void } {
  if (!tty) return { report: () => undefined, stop: () => undefined }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} rows · {percentage}% · {eta_formatted} left`, stream: process.stderr, hideCursor: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  return {
    report: (done, total) => {
      if (!started) bar.start(total, done)
      else bar.update(done)
      started = true
    },
    stop: () => {
      if (started) bar.stop()
    },
  }
}
