/** What an audit event says changed: each field with its value before and after. */
export type Changes = Record<string, { before: unknown; after: unknown }>

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value === undefined ? null : value)

/**
 * The fields of `after` whose values differ from `before` (null `before`: a new row, every field
 * that has a value). Dates are kept as ISO strings so the log reads the same on both databases.
 */
export function diffChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {}
  for (const [field, raw] of Object.entries(after)) {
    const next = comparable(raw)
    const previous = before ? comparable(before[field]) : null
    if (before === null && (next === null || next === '')) continue
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[field] = { before: previous, after: next }
  }
  return changes
}
