// The count as votes.result keeps it: the engine's CountResult with its bigints as strings (JSON
// has none), and the size of the electorate when it was counted (tiers change; turnout must not).
import type { CountResult } from '../../participatory-budgeting/count.ts'

/** A value with every bigint in it written as a decimal string. */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T

export type StoredCount = Jsonified<CountResult>

export interface StoredResult {
  /** Member organisations that could vote when the vote was counted. */
  electorate: number
  count: StoredCount
  /** Bids on the ballot the count left out because their lead already led a project underway or a bid the count funded (ids). */
  leadsAProject: number[]
}

function jsonify(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(jsonify)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonify(v)]))
  return value
}

export function storedResultOf(count: CountResult, electorate: number, leadsAProject: readonly number[] = []): StoredResult {
  return { electorate, count: jsonify(count) as StoredCount, leadsAProject: [...leadsAProject] }
}

/** votes.result as read back; null when it is not a count this code wrote. */
export function readStoredResult(value: unknown): StoredResult | null {
  if (!value || typeof value !== 'object') return null
  const { electorate, count, leadsAProject } = value as Partial<StoredResult>
  if (typeof electorate !== 'number' || !count || typeof count !== 'object' || !Array.isArray(count.projects)) return null
  // Counts stored before bids could be left out have no list.
  const left = Array.isArray(leadsAProject) ? leadsAProject.filter((id): id is number => Number.isSafeInteger(id)) : []
  return { electorate, count, leadsAProject: left }
}
