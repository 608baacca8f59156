// What a ballot may choose, by the vote's ballot type. Pure: the choices in, every problem out,
// so that a ballot is checked the same way on the confirmation page and when it is cast.
import type { BallotType } from '../../../db/schema/enums.ts'
import type { FieldError } from '../../../lib/result.ts'

export interface BallotRules {
  ballotType: BallotType
  minChoices: number
  maxChoices: number | null
  pointsPerBallot: number | null
  budgetPence: number
}

export interface BallotBid {
  id: number
  costPence: number
}

/** One bid a ballot chose; points are 1 unless the ballot shares out points. */
export interface Choice {
  bidId: number
  points: number
}

/** A ballot as the form sent it: the ticked bids, or the points typed beside each bid (text). */
export interface BallotForm {
  ticked: string[]
  points: Record<string, string>
}

/** The field of a bid's points box, and of the list of bids (the first box's id when it is a list). */
export const pointsField = (bidId: number): string => `points-${bidId}`
export const choicesField = 'bids'

const wholeNumber = /^\d{1,6}$/

/**
 * Reads and checks a ballot. Bids not on the ballot are refused rather than ignored: a form
 * naming one was not made by this page. Cumulative boxes left blank mean no points.
 */
export function checkBallot(rules: BallotRules, bids: readonly BallotBid[], form: BallotForm): { choices: Choice[]; errors: FieldError[] } {
  const errors: FieldError[] = []
  const byId = new Map(bids.map((b) => [String(b.id), b]))
  const choices: Choice[] = []

  if (rules.ballotType === 'cumulative') {
    let total = 0
    for (const bid of bids) {
      const text = (form.points[String(bid.id)] ?? '').trim()
      if (text === '') continue
      if (!wholeNumber.test(text)) {
        errors.push({ field: pointsField(bid.id), message: 'memberVote.ballot.pointsNotNumber' })
        continue
      }
      const points = Number(text)
      total += points
      if (points > 0) choices.push({ bidId: bid.id, points })
    }
    const unknown = Object.keys(form.points).filter((id) => !byId.has(id) && (form.points[id] ?? '').trim() !== '')
    if (unknown.length > 0) errors.push({ field: '', message: 'memberVote.ballot.unknownBid' })
    if (errors.length === 0 && total !== rules.pointsPerBallot)
      errors.push({
        field: bids[0] ? pointsField(bids[0].id) : '',
        message: 'memberVote.ballot.pointsSum',
        values: { points: rules.pointsPerBallot ?? 0, total },
      })
    return { choices, errors }
  }

  const seen = new Set<string>()
  for (const id of form.ticked) {
    if (seen.has(id)) continue
    seen.add(id)
    const bid = byId.get(id)
    if (!bid) {
      errors.push({ field: '', message: 'memberVote.ballot.unknownBid' })
      return { choices: [], errors }
    }
    choices.push({ bidId: bid.id, points: 1 })
  }
  const field = bids[0] ? choicesField : ''
  if (choices.length < rules.minChoices) errors.push({ field, message: 'memberVote.ballot.tooFew', values: { min: rules.minChoices } })
  if (rules.maxChoices !== null && choices.length > rules.maxChoices)
    errors.push({ field, message: 'memberVote.ballot.tooMany', values: { max: rules.maxChoices } })
  if (rules.ballotType === 'knapsack') {
    const total = choices.reduce((sum, c) => sum + byId.get(String(c.bidId))!.costPence, 0)
    if (total > rules.budgetPence)
      errors.push({ field, message: 'memberVote.ballot.overBudget', values: { total: poundsOf(total), budget: poundsOf(rules.budgetPence) } })
  }
  // Choices in the ballot's own order, whatever order the form sent them in.
  const order = new Map(bids.map((b, i) => [b.id, i]))
  choices.sort((a, b) => order.get(a.bidId)! - order.get(b.bidId)!)
  return { choices, errors }
}

/** "£1,250" or "£1,250.50", for messages. */
export function poundsOf(pence: number): string {
  const pounds = Math.floor(pence / 100).toLocaleString('en-GB')
  const pennies = pence % 100
  return pennies === 0 ? `£${pounds}` : `£${pounds}.${String(pennies).padStart(2, '0')}`
}
