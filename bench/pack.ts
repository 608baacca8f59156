// The annual case-study pack alone (npm run bench:pack; npm run bench includes it): see lib/pack-bench.ts.
// BENCH_RUNS=<n> sets how many times the pack is made (3 by default).
import { measurePack } from './lib/pack-bench.ts'

await measurePack(Number(process.env.BENCH_RUNS ?? 3))
