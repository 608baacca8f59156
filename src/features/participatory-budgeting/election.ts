/**
 * A participatory-budgeting election as the count needs it: the pot, the projects with their
 * costs, and the ballots. Money is exact: integers in the smallest unit the election uses
 * (`decimals` digits after the point: 0 for whole pounds or euros, 2 for pence).
 */

export const voteTypes = ['approval', 'cumulative', 'scoring', 'choose-1', 'ordinal'] as const
export type VoteType = (typeof voteTypes)[number]

export interface PbProject {
  /** The project's id exactly as written in the file (pabulib ids are strings: "044", "17-3"). */
  readonly id: string
  /** In smallest units (see `PbElection.decimals`). */
  readonly cost: bigint
  /** Every other column of the PROJECTS section (name, category, votes, selected…), verbatim. */
  readonly fields: Readonly<Record<string, string>>
}

export interface PbBallot {
  readonly voterId: string
  /** Project ids in the order written (for ordinal ballots, the order of preference). */
  readonly projects: readonly string[]
  /** For cumulative and scoring ballots, the points beside each project; otherwise absent. */
  readonly points?: readonly number[]
  /** Every other column of the VOTES section (age, sex, voting_method…), verbatim. */
  readonly fields: Readonly<Record<string, string>>
}

export interface PbElection {
  /** The META section in file order, budget and vote_type included as written. */
  readonly meta: readonly (readonly [key: string, value: string])[]
  readonly voteType: VoteType
  /** In smallest units. */
  readonly budget: bigint
  /** Digits after the decimal point of the smallest unit: budget 9800.50 is 980050n with decimals 2. */
  readonly decimals: number
  /** In the file's order, which is the order of submission the published tie rule ends with. */
  readonly projects: readonly PbProject[]
  readonly ballots: readonly PbBallot[]
  /** Column names of PROJECTS and VOTES beyond the required ones, in file order, for writing the file back. */
  readonly projectColumns: readonly string[]
  readonly voteColumns: readonly string[]
}

/** Smallest units in one whole currency unit: 100n for decimals 2. */
export function unitSize(decimals: number): bigint {
  return 10n ** BigInt(decimals)
}

/** `980050n` with decimals 2 → `"9800.50"`; whole amounts keep no point. */
export function formatAmount(amount: bigint, decimals: number): string {
  if (decimals === 0) return String(amount)
  const negative = amount < 0n
  const digits = String(negative ? -amount : amount).padStart(decimals + 1, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
}

export function metaValue(election: Pick<PbElection, 'meta'>, key: string): string | undefined {
  return election.meta.find(([k]) => k === key)?.[1]
}
