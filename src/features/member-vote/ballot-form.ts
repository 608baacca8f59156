// A ballot as the page sends it, and back: ticked bids ("bids", repeated) or points per bid
// ("points-<bid id>"). Any shape of body becomes strings without throwing.
import { asForm, list, text } from '../../web/forms.ts'
import type { BallotForm } from './rules/ballot.ts'

const pointsName = /^points-(\d{1,10})$/

export function readBallotForm(body: unknown): BallotForm {
  const form = asForm(body)
  const points: Record<string, string> = {}
  for (const name of Object.keys(form).slice(0, 2000)) {
    const match = pointsName.exec(name)
    if (match) points[match[1]!] = text(form, name, 20)
  }
  return { ticked: list(form, 'bids', 1000).map((id) => id.slice(0, 20)), points }
}

export const blankBallotForm = (): BallotForm => ({ ticked: [], points: {} })
