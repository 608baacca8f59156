// The search page end to end: warm-up addresses first (unmeasured), then every address of the mix
// once over HTTP on N connections. Each pass runs on a freshly started server: the page cache keys
// on the address and the search memoises facet counts per query until content changes, so a second
// pass on the same server would measure those caches, not searching.
import type { BenchServer } from './bench-server.ts'
import type { QueryKind, SearchAddress } from './search-addresses.ts'
import { httpPass, type HttpAnswer } from './search-http.ts'

export interface KindedAnswer extends HttpAnswer {
  kind: QueryKind
}

export interface SearchPass {
  answers: KindedAnswer[]
  wallMs: number
  /** Addresses not sent because the pass ran out of time. */
  unsent: number
}

export async function searchPass(
  server: BenchServer,
  addresses: SearchAddress[],
  warmUp: SearchAddress[],
  o: { connections: number; passLimitMs: number; label: string },
): Promise<SearchPass> {
  await httpPass(
    server.baseUrl,
    warmUp.map((a) => a.path),
    o.connections,
    o.passLimitMs,
    null,
  )
  const pass = await httpPass(
    server.baseUrl,
    addresses.map((a) => a.path),
    o.connections,
    o.passLimitMs,
    `${o.label}:`,
  )
  return { ...pass, answers: pass.answers.map((a) => ({ ...a, kind: addresses[a.index]!.kind })) }
}
