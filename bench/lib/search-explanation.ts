/** The prose of the search section: how to run the benchmark and how to read its tables. */
export function searchHowToRun(): string {
  return `**How to run.** \`npm run bench:search\` (10k and 100k case studies on PGlite and PostgreSQL: about
25 minutes, most of it loading the 100k (up to 45 on a slow machine) and 1,000 edits, and at most 5 minutes for any one pass over the addresses). Options, as environment variables:
\`BENCH_SEARCH_SIZES=10000\` (sizes, comma-separated, smallest first; each adds to the previous with the
same seed; \`0\` measures the ordinary demo content, a one-minute check of the harness),
\`BENCH_SEARCH_DATABASES=postgres\` (\`pglite\`, \`postgres\` or both), \`BENCH_SEARCH_SEED\` (1),
\`BENCH_SEARCH_ADDRESSES\` (240 distinct addresses), \`BENCH_SEARCH_ROUNDS\` (2),
\`BENCH_SEARCH_CONNECTIONS\` (10), \`BENCH_DURATION\` (seconds per figure of the nginx comparison, 10),
\`BENCH_SEARCH_EDITS\` (single edits after the largest load on PostgreSQL, 1,000; 0 for none),
\`BENCH_SEARCH_MEASURED_EDITS\` (how many of them are timed until found, 200),
\`BENCH_SEARCH_TIMEOUT_MIN\` (the watchdog, 90 minutes). PostgreSQL is the server at \`BENCH_DATABASE_URL\`
(default \`postgres://postgres@127.0.0.1:5432/test\`), in a database \`coophub_bench_<pid>\` it creates
and drops; PGlite gets a temporary \`DATA_DIR\`, removed at the end. nginx is Debian's package,
installed by the benchmark when \`/usr/sbin/nginx\` is missing. Every server is a child process on a
free 127.0.0.1 port and is stopped at the end, on failure too. This benchmark is never part of
\`npm test\`.`
}

export function searchExplanation(o: {
  addresses: number
  warmUp: number
  connections: number
  rounds: number
  durationS: number
  loadConnections: number
  edits: number
  measuredEdits: number
}): string {
  return `**What the numbers mean.** The data is \`coophub demo --synthetic N --seed S\`: generated case
studies with the generator's vocabulary; the larger size is loaded on top of the smaller one (same
seed, so the 10k are the first 10k of the 100k), and the published rows are counted after each load.
The *query mix* is ${o.addresses} distinct search addresses drawn with a fixed seed from the generator's
common words, rare words and phrases and from the filter values in the database (principles,
members of tier full/associate/affiliate with case studies, themes, nations, years, kinds, tier=full),
in the kinds of the second table; its *median matches* column says what "common" and "rare" mean in
this data. *End to end* is the search page \`/case-studies?…\` over HTTP from the benchmark process:
a closed loop of ${o.connections} keep-alive connections, each sending its next address as soon as
the previous page is read in full, every address once per round; latency is from sending to the last
byte, requests/s is pages answered ÷ wall time. Every pass runs on a freshly started server
(bench/lib/serve-for-bench.ts: the real app from \`buildApp\`, \`LOG_LEVEL=warn\`) after ${o.warmUp}
unmeasured warm-up searches of every kind (words, a phrase, filters, sorts, page 2, "or", "-word"),
none with a text or a set of filters the mix has (the first of them loads what the search keeps until
content changes: facet names and the in-memory search engine; the rest let V8 compile the code each
kind runs, as on a server that has been answering), because the app
keeps pages in its page cache by address, and matches per query text until content changes: a second
pass on the same server would measure those caches. (The engine holds what a results page lists of
every published case study, and the bodies of the newest for snippets up to 64 MB, read when it is
built: all of them at 10k, about a third at 100k.) Addresses in the mix that share their text (with
other filters, another sort order or page 2) share that, as they do for a reader refining a search.
Every answer is checked: a non-200 is an error, and an answer from the page cache
(\`x-coophub-cache: hit\`) would be reported. ${o.rounds} round${o.rounds > 1 ? 's' : ''} at ${o.connections} connections, then one pass on a
single connection (no queueing: the time of one search plus its page). The *search service alone*
(the issue's "database part alone") calls \`runSearch\` (src/features/search/run-search.ts, the page's
page size and snippets) in the benchmark process on the database opened as the app opens it (PGlite:
its worker thread in this process), one search at a time, with a memo of its own for the run, after the
same warm-up; it includes whatever the service computes in memory. Its SQL statements are timed in
node-postgres (\`Client.prototype.query\`, wrapped during the measured searches only) and grouped by
what they do; the rest of the service's time is work in the calling process. *Memory* is the server
process's VmHWM from
/proc (its peak resident memory since it started, start-up included); with PGlite the database's
worker thread is in that process, with PostgreSQL the database's own processes are not counted.
*Growth* is p95 at 100k ÷ p95 at 10k. The *nginx comparison* fetches a case-study page twice from the
app (the second from its page cache, checked, and If-None-Match checked to answer 304), then measures
that page from the app and the same bytes (same Content-Type) from nginx back to back, autocannon
with ${o.loadConnections} connections for ${o.durationS} s each after a 1 s warm-up. nginx runs as one process
(\`master_process off\`, access log off, sendfile, its own config in a temporary folder): one process
answering, like the app's one main thread, on a machine whose other core runs the load generator. The
app's answer carries more headers (helmet's security headers, ETag, cache-control) than nginx's.
*Following changes* (issue 11), at the largest size on PostgreSQL: a server (the *first*) starts
on the smaller size's data and runs while the loader adds the rest (its search engine follows
content_changes: the load is thousands of changes, read by segment in the background); once its
engine holds every published case study and is not catching up (*catch-up*), a *second* server
starts on the same database and builds its engine. Then an editor signed in on the first server
(a browser's requests: cookies, CSRF tokens) edits published case studies one at a time, each
through its edit form (the values its edit page shows, read from the database, with a new word in
the title: a new revision) and publishes it. For the first ${o.measuredEdits} of ${o.edits.toLocaleString('en-GB')} edits, each sent at a random
moment of the second server's one-second poll, *edit → visible* is from sending the publish until a
search for the new word lists the case study: on the first server (polled every 5 ms; its own write
is applied before the publish is answered) and on the second (polled every 25 ms; it learns of the
change at its next poll). The first server's VmHWM is read after the last edit: its peak through
the load and the edits. *The engine's own memory*: a fresh process (\`--expose-gc\`) builds the
engine alone on the same data and reports heap and buffers after full collections against before,
and what the engine counts of them (its typed arrays and listing, the bodies it keeps).
Caveats: two cores are shared by the load generator, the server and the database, so the latencies
under load include waiting for a core; the figures compare configurations on one machine and are not
capacity estimates.`
}
