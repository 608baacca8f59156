// The panel's ranking: bids by the mean of their assessments' totals, highest first. Means are kept
// as exact fractions of integers (a total and a count) and compared by cross-multiplying, so two
// bids tie only when their means are equal, never because of rounding. Ties: the lower cost first,
// then the earlier submission (the rule the network publishes for its votes too).

/** A mean as a fraction: the sum of the values over how many there are (count 0: no mean). */
export interface Mean {
  sum: number
  count: number
}

export const meanOf = (values: readonly number[]): Mean => ({ sum: values.reduce((a, b) => a + b, 0), count: values.length })

/** -1 when a is the higher mean, 1 when b is, 0 when equal; a mean of nothing comes after any mean. */
export function compareMeans(a: Mean, b: Mean): number {
  if (a.count === 0 || b.count === 0) return a.count === b.count ? 0 : a.count === 0 ? 1 : -1
  const left = BigInt(a.sum) * BigInt(b.count)
  const right = BigInt(b.sum) * BigInt(a.count)
  return left > right ? -1 : left < right ? 1 : 0
}

/** The mean in tenths, rounded half up (7/3 is 23 tenths, 2.35 is 24): exact for non-negative sums. */
export function meanInTenths(mean: Mean): number | null {
  if (mean.count === 0) return null
  const tenths = (BigInt(mean.sum) * 20n + BigInt(mean.count)) / (2n * BigInt(mean.count))
  return Number(tenths)
}

/** "7.3", "10.0": a mean to one decimal place, or '' when there is none. */
export function meanText(mean: Mean): string {
  const tenths = meanInTenths(mean)
  if (tenths === null) return ''
  return `${Math.floor(tenths / 10)}.${tenths % 10}`
}

export interface RankedBid {
  bidId: number
  /** The totals of the bid's submitted assessments (by assessors without a conflict). */
  totals: readonly number[]
  costPence: number
  /** When the bid was submitted; with its id, the order of submission. */
  submittedAt: Date | null
}

/** Highest mean first; then lower cost; then earlier submission; then lower id (never equal). */
export function compareBids(a: RankedBid, b: RankedBid): number {
  const byMean = compareMeans(meanOf(a.totals), meanOf(b.totals))
  if (byMean !== 0) return byMean
  if (a.costPence !== b.costPence) return a.costPence < b.costPence ? -1 : 1
  const at = a.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER
  const bt = b.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER
  if (at !== bt) return at < bt ? -1 : 1
  return a.bidId - b.bidId
}

/** The bids in rank order, each with its place (1 for the first). */
export function rankBids<T extends RankedBid>(bids: readonly T[]): Array<T & { rank: number }> {
  return [...bids].sort(compareBids).map((bid, i) => ({ ...bid, rank: i + 1 }))
}

/** The lowest and highest totals, or null when there are none. */
export function spreadOf(totals: readonly number[]): { min: number; max: number } | null {
  if (totals.length === 0) return null
  return { min: Math.min(...totals), max: Math.max(...totals) }
}
