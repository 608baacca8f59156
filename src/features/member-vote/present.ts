// What the vote's pages show, in the page's language: its set-up in words, the count explained,
// and the chart of the pot. Nothing here reads the database.
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import type { BallotBidRow, VoteRow } from './queries.ts'
import { poundsOf } from './rules/ballot.ts'
import { explainProject, leftOutExplanation, penceText, type Message } from './rules/explain.ts'
import type { StoredResult } from './rules/stored-count.ts'
import { storedElectorate } from './rules/vote-settings.ts'

const say = (t: Translate, m: Message) => t(m.key, m.values)

/**
 * The ballot in one sentence: what a voter is asked to do ('now', on the ballot and the rules), or
 * what the voters did ('then', on the results).
 */
export function ballotRule(
  t: Translate,
  vote: Pick<VoteRow, 'ballotType' | 'minChoices' | 'maxChoices' | 'pointsPerBallot' | 'budgetPence'>,
  tense: 'now' | 'then' = 'now',
): string {
  const area = tense === 'now' ? 'memberVote.rule' : 'memberVote.how'
  if (vote.ballotType === 'knapsack') return t(`${area}.knapsack`, { budget: poundsOf(vote.budgetPence) })
  if (vote.ballotType === 'cumulative') return t(`${area}.cumulative`, { points: vote.pointsPerBallot ?? 0 })
  if (vote.maxChoices !== null) return t(`${area}.approvalRange`, { min: vote.minChoices, max: vote.maxChoices })
  return t(`${area}.approvalMin`, { min: vote.minChoices })
}

/** Who votes, in words: "Full and Associate members". */
export function electorateText(t: Translate, electorate: unknown): string {
  const tiers = storedElectorate(electorate).tiers.map((tier) => t(`memberVote.tier.${tier}`))
  // A plain list in both languages: Welsh's "a" or "ac" depends on the next word, which Intl writes "a(c)".
  return tiers.join(', ')
}

/** The set-up as summary-list rows, for the administrators' page and the ballot page. */
export function settingsRows(t: Translate, format: Formatter, vote: VoteRow) {
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } })
  return [
    row('memberVote.settings.ballotType', t(`memberVote.ballotType.${vote.ballotType}`)),
    row('memberVote.settings.ballotRule', ballotRule(t, vote)),
    row('memberVote.settings.countingRule', t(`memberVote.countingRule.${vote.countingRule}`)),
    ...(vote.countingRule === 'equal-shares'
      ? [
          row('memberVote.settings.completion', t(`memberVote.completion.${vote.completion}`)),
          row('memberVote.settings.compareWithGreedy', t(vote.compareWithGreedy ? 'memberVote.yes' : 'memberVote.no')),
        ]
      : []),
    row('memberVote.settings.budget', poundsOf(vote.budgetPence)),
    row('memberVote.settings.electorate', t('memberVote.settings.electorateText', { tiers: electorateText(t, vote.electorate) })),
    row('memberVote.settings.opensAt', format.dateTime(vote.opensAt)),
    row('memberVote.settings.closesAt', format.dateTime(vote.closesAt)),
  ]
}

/** How the vote decided, in plain words: paragraphs in order. */
export function howItDecided(t: Translate, vote: VoteRow, result: StoredResult): string[] {
  const { count } = result
  const lines = [t(`memberVote.how.intro.${vote.ballotType}`), ballotRule(t, vote, 'then')]
  if (count.rule === 'greedy') lines.push(t(vote.ballotType === 'cumulative' ? 'memberVote.how.greedyPoints' : 'memberVote.how.greedy'))
  else {
    // The budget's equal division, before any Add1 raise (the count's own share is the last raise's).
    const share = count.voters > 0 ? penceText(String(BigInt(count.budget) / BigInt(count.voters))) : penceText(0)
    lines.push(t('memberVote.how.equalShares', { share }))
    if (count.add1)
      lines.push(
        t(count.add1.stoppedBecause === 'everything-funded' ? 'memberVote.how.add1Everything' : 'memberVote.how.add1', {
          start: penceText(count.add1.startShare),
          final: penceText(count.add1.finalShare),
          raises: count.add1.raises,
        }),
      )
    if (count.comparison)
      lines.push(
        t(count.comparison.switched ? 'memberVote.how.comparisonSwitched' : 'memberVote.how.comparisonKept', {
          greedy: count.comparison.preferGreedy,
          shares: count.comparison.preferEqualShares,
          same: count.comparison.indifferent,
        }),
      )
  }
  lines.push(t('memberVote.how.ties'))
  return lines
}

export interface ResultRow {
  id: number
  title: string
  lead: string
  cost: string
  costPence: number
  supporters: number
  support: number
  funded: boolean
  sentence: string
  lines: string[]
}

/** Every bid on the ballot with its outcome and why, in the ballot's order. */
export function resultRows(t: Translate, bids: readonly BallotBidRow[], vote: VoteRow, result: StoredResult): ResultRow[] {
  const byId = new Map(result.count.projects.map((p) => [p.id, p]))
  const fundedHere = bids.filter((b) => result.count.winners.includes(String(b.id)))
  return bids.flatMap((bid) => {
    const project = byId.get(String(bid.id))
    if (!project && result.leadsAProject.includes(bid.id)) {
      const why = leftOutExplanation(bid, fundedHere)
      return [
        {
          id: bid.id,
          title: bid.title,
          lead: bid.lead ?? '',
          cost: penceText(bid.costPence),
          costPence: bid.costPence,
          supporters: 0,
          support: 0,
          funded: false,
          sentence: say(t, why),
          lines: [],
        },
      ]
    }
    if (!project) return []
    const why = explainProject(result.count, project, { points: vote.ballotType === 'cumulative' })
    return [
      {
        id: bid.id,
        title: bid.title,
        lead: bid.lead ?? '',
        cost: penceText(project.cost),
        costPence: Number(project.cost),
        supporters: project.supporters,
        support: project.support,
        funded: why.funded,
        sentence: say(t, why.sentence),
        lines: why.lines.map((l) => say(t, l)),
      },
    ]
  })
}

/** The totals under the results' heading. */
export function totals(result: StoredResult) {
  const { count, electorate } = result
  return {
    ballots: count.voters,
    electorate,
    turnout: electorate === 0 ? 0 : Math.round((count.voters / electorate) * 100),
    funded: count.winners.length,
    cost: penceText(count.cost),
    budget: penceText(count.budget),
    left: penceText(String(BigInt(count.budget) - BigInt(count.cost))),
  }
}

// Okabe and Ito's blue for funded bids and a dark grey for the rest: both at least 3:1 against
// white, told apart by their words as well as their colours.
const fundedColour = '#0072b2'
const notFundedColour = '#505a5f'
const unspentColour = '#f3f2f1'
const chartWidth = 640
const rowHeight = 56
const barHeight = 20

const shorten = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** The chart of the pot: the budget spent and left, then each bid's cost against it. */
export function potChart(t: Translate, rows: readonly ResultRow[], result: StoredResult) {
  const budget = Number(result.count.budget)
  const spent = Number(result.count.cost)
  const scale = (pence: number) => Math.max(1, Math.round((Math.min(pence, budget) / budget) * chartWidth))
  const sum = totals(result)
  const bars = rows.map((row, i) => {
    const y = rowHeight * (i + 1)
    return {
      label: t(row.funded ? 'memberVote.chart.fundedLabel' : 'memberVote.chart.notFundedLabel', { title: shorten(row.title), cost: row.cost }),
      labelY: y + 16,
      barY: y + 24,
      width: scale(row.costPence),
      colour: row.funded ? fundedColour : notFundedColour,
    }
  })
  return {
    width: chartWidth,
    height: rowHeight * (rows.length + 1),
    barHeight,
    title: t('memberVote.chart.title'),
    description: t('memberVote.chart.description', { budget: sum.budget, cost: sum.cost, left: sum.left, funded: sum.funded, bids: rows.length }),
    pot: {
      label: t('memberVote.chart.potLabel', { budget: sum.budget, cost: sum.cost, left: sum.left }),
      spentWidth: spent === 0 ? 0 : scale(spent),
      colour: fundedColour,
      unspentColour,
      edgeColour: notFundedColour,
    },
    bars,
  }
}
