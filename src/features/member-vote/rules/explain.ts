// Every bid's outcome in words, from the count's own explanation of it: what its supporters paid
// under Equal Shares, or what was left of the pot when greedy reached it. Pure: message keys and
// their values out, for the results page (in its language) and the lead's feedback (in English).
import type { StoredCount } from './stored-count.ts'
import { poundsOf } from './ballot.ts'

export interface Message {
  key: string
  values: Record<string, string | number>
}

export interface Explanation {
  funded: boolean
  sentence: Message
  /** Under Equal Shares, when supporters paid different amounts: one line per amount. */
  lines: Message[]
}

type StoredMoney = StoredCount['projects'][number]['payments'][number]['perVoter']

/**
 * An exact amount of the count (pence, possibly a fraction of one) to the penny: "£487" when it is
 * whole pounds, "£9,799.60" when not, so that a bid that missed by pence never reads as though its
 * supporters had exactly its cost. What supporters had left is rounded down (it must stay below a
 * cost it could not pay); what they paid, to the nearest penny (halves up).
 */
export function moneyText(money: StoredMoney, rounding: 'down' | 'nearest'): string {
  const num = BigInt(money.exact.num)
  const den = BigInt(money.exact.den)
  const pence = rounding === 'down' ? num / den : (2n * num + den) / (2n * den)
  return penceText(pence.toString())
}

/** Pence (a bigint as a string) as pounds, pennies shown only when there are some. */
export const penceText = (pence: string | number): string => poundsOf(Number(pence))

export function explainProject(count: StoredCount, project: StoredCount['projects'][number], options: { points: boolean }): Explanation {
  const cost = penceText(project.cost)
  const { supporters } = project
  if (supporters === 0 && !project.funded) return { funded: false, sentence: { key: 'memberVote.explain.noSupport', values: {} }, lines: [] }

  if (count.publishedRule === 'equal-shares') {
    if (project.funded) {
      const [only] = project.payments
      if (project.payments.length === 1 && only && !only.allTheyHadLeft)
        return {
          funded: true,
          sentence: { key: 'memberVote.explain.fundedEqually', values: { supporters, amount: moneyText(only.perVoter, 'nearest') } },
          lines: [],
        }
      return {
        funded: true,
        sentence: { key: 'memberVote.explain.fundedShares', values: { supporters } },
        lines: project.payments.map((p) => ({
          key: p.allTheyHadLeft ? 'memberVote.explain.paidAllLeft' : 'memberVote.explain.paidEach',
          values: { voters: p.voters, amount: moneyText(p.perVoter, 'nearest') },
        })),
      }
    }
    if (project.supportersLeft)
      return {
        funded: false,
        sentence: { key: 'memberVote.explain.notFundedShares', values: { left: moneyText(project.supportersLeft, 'down'), cost } },
        lines: [],
      }
    return { funded: false, sentence: { key: 'memberVote.explain.notFundedPlain', values: { supporters } }, lines: [] }
  }

  const left = project.budgetLeftWhenReached === null ? null : penceText(project.budgetLeftWhenReached)
  const measure = options.points ? 'Points' : 'Votes'
  if (left === null)
    return project.funded
      ? { funded: true, sentence: { key: 'memberVote.explain.fundedPlain', values: { supporters } }, lines: [] }
      : { funded: false, sentence: { key: 'memberVote.explain.notFundedPlain', values: { supporters } }, lines: [] }
  return {
    funded: project.funded,
    sentence: { key: `memberVote.explain.${project.funded ? 'funded' : 'notFunded'}Greedy${measure}`, values: { support: project.support, left, cost } },
    lines: [],
  }
}

/** A bid the count left out: its lead already leads a project underway, and a member leads one at a time. */
export function leadsAProjectExplanation(lead: string | null): Message {
  return lead === null ? { key: 'memberVote.explain.leadsAProjectUnnamed', values: {} } : { key: 'memberVote.explain.leadsAProject', values: { lead } }
}

/**
 * Why a bid was left out of the count: its lead leads another bid this vote funds (it was funded
 * later than that one), or already led a project underway.
 */
export function leftOutExplanation(
  bid: { lead: string | null; leadOrganisationId: number | null },
  fundedHere: readonly { title: string; leadOrganisationId: number | null }[],
): Message {
  const other = bid.leadOrganisationId === null ? undefined : fundedHere.find((b) => b.leadOrganisationId === bid.leadOrganisationId)
  if (other) return { key: 'memberVote.explain.leadsAnotherWinner', values: { lead: bid.lead ?? '', other: other.title } }
  return leadsAProjectExplanation(bid.lead)
}
