// Counting a participatory-budgeting vote of 6,000 ballots and 60 projects with the Method of
// Equal Shares completed by Add1 (issue 15's target: ≤ 10 s), beside greedy on the same election.
// No such file is shared, so one is built deterministically from a real one: Warszawa 2021
// (Bielany)'s 60 most supported projects and its 409 ballots resampled, with a seeded generator,
// to 6,000. A second variant changes every resampled ballot a little (drops or adds a project), so
// that nearly all ballots differ and merging identical ones helps little.
//
//   npm run bench:pb            (prints the figures and the Markdown rows for docs/benchmarks.md)

import { existsSync } from 'node:fs'
import os from 'node:os'
import { countElection, type CountOptions, type CountResult } from '../src/features/participatory-budgeting/count.ts'
import type { PbElection } from '../src/features/participatory-budgeting/election.ts'
import { buildProfile } from '../src/features/participatory-budgeting/profile.ts'
import { benchmarkElection, pbSource } from './lib/pb-election.ts'

const ballots = 6000
const projects = 60
const runs = Number(process.env.BENCH_RUNS ?? 5)
const targetSeconds = 10

/** Wall time of each run, and the CPU time (the count is single-threaded: on a shared machine the CPU time shows what waiting added). */
function timed(election: PbElection, options: CountOptions): { seconds: number[]; cpuSeconds: number[]; result: CountResult } {
  const seconds: number[] = []
  const cpuSeconds: number[] = []
  let result: CountResult | undefined
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const cpu = process.cpuUsage()
    result = countElection(election, options)
    const used = process.cpuUsage(cpu)
    seconds.push((performance.now() - start) / 1000)
    cpuSeconds.push((used.user + used.system) / 1e6)
  }
  return { seconds, cpuSeconds, result: result! }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const fmt = (s: number) => (s < 0.1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`)

if (!existsSync(pbSource)) {
  console.error(`bench:pb needs ${pbSource} (../shared beside the repository)`)
  process.exit(1)
}
const rows: string[] = []
for (const perturb of [false, true]) {
  const election = benchmarkElection(perturb)
  const distinct = buildProfile(election).groups.length
  const greedy = timed(election, { rule: 'greedy' })
  const add1 = timed(election, { rule: 'equal-shares', completion: 'add1' })
  const ratio = median(add1.seconds) / median(greedy.seconds)
  const a = add1.result
  const what = perturb ? 'every ballot changed a little' : 'resampled ballots'
  console.log(
    `${what}: ${ballots} ballots (${distinct} distinct), ${projects} projects, budget ${a.budget}; Add1 ${a.add1!.raises} raises from ${a.add1!.startShare} to ${a.add1!.finalShare} (${a.add1!.stoppedBecause}), funds ${a.winners.length} for ${a.cost}`,
  )
  console.log(
    `  Equal Shares + Add1: ${add1.seconds.map(fmt).join(', ')} (median ${fmt(median(add1.seconds))}, CPU ${fmt(median(add1.cpuSeconds))}); greedy: median ${fmt(median(greedy.seconds))}`,
  )
  rows.push(
    `| Count 6,000 ballots, 60 projects (Warszawa 2021 Bielany, ${what}: ${distinct} distinct) with Equal Shares + Add1 (${a.add1!.raises + 1} counts; median of ${runs}) | ${add1.seconds.map(fmt).join(', ')} | greedy on the same election: ${fmt(median(greedy.seconds))} | ${fmt(median(add1.seconds))} (${Math.round(ratio)} × greedy; CPU time ${fmt(median(add1.cpuSeconds))}) | ≤ ${targetSeconds} s | ${median(add1.seconds) <= targetSeconds ? 'pass' : '**FAIL**'} |`,
  )
}
console.log(
  `\n${new Date().toISOString()}: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0]!.toFixed(2)} at the end\n`,
)
console.log('| Benchmark | Measured | Reference | Result | Target | Pass |\n| --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
