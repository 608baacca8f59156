import cliProgress from 'cli-progress'

/** How a long command shows it is moving: a bar on a terminal, plain lines in a log or a pipe. */
export interface Progress {
  start(total: number): void
  /** One item done; `line` is printed only where there is no bar. */
  tick(line?: string): void
  /** Writes what is waiting (the end of a batch). */
  flush(): void
  stop(): void
}

export interface Output {
  /** Results and summaries (standard output). */
  out(line: string): void
  /** Messages about the run (standard error). */
  err(line: string): void
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}

/** A progress bar on standard error when it is a terminal; otherwise each line as it comes. */
export function createProgress(output: Output, label: string, tty = Boolean(process.stderr.isTTY)): Progress {
  if (!tty) {
    // Lines are written a batch at a time rather than one system call per document.
    let pending: string[] = []
    const flush = () => {
      if (pending.length > 0) output.out(pending.join('\n'))
      pending = []
    }
    return { start: () => undefined, tick: (line) => void (line && pending.push(line)), flush, stop: flush }
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} · {percentage}% · {eta_formatted} left`, stream: process.stderr, hideCursor: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  )
  let value = 0
  return {
    start: (total) => bar.start(total, 0),
    tick: () => bar.update(++value),
    flush: () => undefined,
    stop: () => bar.stop(),
  }
}

/** Output that keeps what is written, for tests. */
export function memoryOutput(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = []
  const errors: string[] = []
  return { lines, errors, out: (l) => void lines.push(l), err: (l) => void errors.push(l) }
}
