import v8 from 'node:v8'

/**
 * A larger young generation for the web server: every page allocates short-lived strings and
 * arrays, and with V8's default semi-spaces the server spent a noticeable share of its time in
 * scavenges (figures in docs/benchmarks.md, "Measurements behind the code"). Costs at most 32 MB
 * more memory. Set before the server allocates much: V8 reads it as the young generation grows.
 */
export function enlargeYoungGeneration(): void {
  v8.setFlagsFromString('--max-semi-space-size=32')
}
