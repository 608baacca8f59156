import { settleMs } from './cold-start.ts'

/** The prose under the results table: how to run the benchmark and how to read it. */
export function explanation(o: { durationS: number; connections: number; backgroundConnections: number; backgroundRate: number }): string {
  const settleSeconds = settleMs / 1000
  return `**How to run.** \`npm run bench\` (about 5 minutes; \`BENCH_DURATION=2 npm run bench\` for a quick
check). It needs nothing running except PostgreSQL at \`BENCH_DATABASE_URL\` (default
\`postgres://postgres@127.0.0.1:5432/test\`), where it creates and finally drops a database
\`coophub_bench_<pid>\`; without a reachable server it runs on PGlite only. PGlite gets a temporary
\`DATA_DIR\`, removed at the end. Every server is a child process on a free 127.0.0.1 port, stopped
at the end; the run stops by itself (each load run is bounded by time, the whole run by a 15-minute
watchdog). Close other busy programs first: on a small machine they change the figures.

**What the numbers mean.** *Restart* is the wall time from spawning \`node bin/coophub.js serve\`
(\`LOG_LEVEL=warn\`; what \`npm start\` runs) to the first 200 on \`/\`, polled every 20 ms, on a
database that a first start already created, migrated and filled with the demo content: loading the
compiled code in \`dist/\` (the benchmark runs \`npm run build\` first when \`dist/\` is missing or
older than the sources), opening the database (PGlite: its worker thread compiles PGlite and
reopens the data folder while the main thread loads the app), migrating it and answering \`/\`. Each
restart runs between two references started the same way: an empty \`node -e ''\` (how fast this
machine starts Node right now) and the same server run from its TypeScript sources through tsx (as
\`npm start\` did before the build step). *First start* is the same on an empty data folder (PGlite: a
new one each run, the database copied from the build's template, then the newer migrations and the
demo content) or, once, on the new empty PostgreSQL database. *Resident memory* is the server
process's VmRSS (main thread, PGlite's worker thread and its WebAssembly memory), in MB of 10^6
bytes, ${settleSeconds} s after the first 200 (when the search engine, built after listening, is
ready). *Throughput* is autocannon's mean requests per second over
${o.durationS} s with ${o.connections} keep-alive connections, and the p50/p99 latency of those
requests. The *static copy* is a route the bench server (bench/lib/serve-for-bench.ts: the real app
from \`buildApp\`, same database, same plugins and hooks such as helmet, \`LOG_LEVEL=warn\`) adds at
\`/__bench/static/<n>\`, answering with the page's own bytes and content type: the ratio is the share
of the server's bare HTTP speed left after the database queries and the Nunjucks rendering. Public
pages are kept in coophub's page cache once rendered (until any content changes), so the rows marked
*page cache* are what a reader meets on a second visit; the rows *rendered every time* add a counter
to each request's address so every request misses the cache, queries the database and renders. The
*stall check* measures that static route alone, then again while ${o.backgroundConnections} more
connections send up to ${o.backgroundRate} searches a second (a mix of words, each request a cache miss; the
same rate on both databases, about what the embedded database answers here); if database work blocked the server's event loop (as PGlite on
the main thread would) the loaded figure would collapse towards zero. The server's *event-loop delay*
(\`monitorEventLoopDelay\`, beyond its 10 ms sampling interval) is the direct sign of a stall: a
p99 of a few milliseconds means no request blocked the main thread for long; a collapse of the
ratio with a low delay means the static route lost CPU time, not that the loop stalled. Caveats: the machine has few
cores and the load generator (both autocannon instances, in one process), the server's main thread,
and PGlite's worker thread or PostgreSQL's backends all compete for them, so the loaded figure also
falls simply because searching takes CPU away from the static route, and the static reference is
partly limited by the load generator itself (which flatters the ratios). The figures compare
configurations on one machine; they are not capacity estimates for production, where
\`LOG_LEVEL=info\` (the default) logs every request and costs throughput too.`
}
