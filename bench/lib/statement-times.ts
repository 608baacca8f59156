// Where the database time of a search goes: node-postgres's Client.prototype.query wrapped (pool
// queries and transactions both go through it) to time each statement, grouped by what the
// statement does, recognised by its text. Only the benchmark process is patched, only meanwhile.
import pg from 'pg'

const kinds: Array<[name: string, pattern: RegExp]> = [
  ['bodies for snippets beyond those kept', /^\s*SELECT id, body FROM/],
  ['queries PostgreSQL matches (search_vector @@: none the index can answer)', /search_vector @@/],
  ['queries PostgreSQL parses (websearch_to_tsquery, not plain words)', /::text AS query/],
  ['the search engine loaded (vectors, facet keys, listing, bodies)', /search_vector::text|BETWEEN|FROM organisations$|FROM principles$|FROM themes$/],
  ['"did you mean" (search_words)', /search_words/],
  ['transaction control (BEGIN, SET LOCAL, COMMIT)', /^\s*(begin|commit|rollback|set local)\b/i],
]
const other = 'other (facet names, …)'

export interface StatementTimes {
  /** Milliseconds of each statement, by kind. */
  byKind: Map<string, number[]>
  /** Stops recording and restores node-postgres. */
  stop(): void
}

export function recordStatementTimes(): StatementTimes {
  const byKind = new Map<string, number[]>()
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = prototype.query
  prototype.query = function (this: unknown, ...args: unknown[]): unknown {
    const config = args[0]
    const text = typeof config === 'string' ? config : String((config as { text?: unknown } | null)?.text ?? '')
    const kind = kinds.find(([, pattern]) => pattern.test(text))?.[0] ?? other
    const began = performance.now()
    const record = (): void => {
      const list = byKind.get(kind) ?? []
      list.push(performance.now() - began)
      byKind.set(kind, list)
    }
    // pg.Pool#query calls client.query with a callback; transactions call it without (a promise).
    const last = args.length - 1
    const callback = args[last]
    if (typeof callback === 'function') {
      args[last] = (...results: unknown[]): unknown => {
        record()
        return (callback as (...r: unknown[]) => unknown)(...results)
      }
    }
    const result = original.apply(this, args)
    if (result instanceof Promise) void result.then(record, () => undefined)
    return result
  }
  return { byKind, stop: () => void (prototype.query = original) }
}
