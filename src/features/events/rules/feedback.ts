// The feedback form sent after an event: when it is due, what an answer must hold, and what the
// organisers see of the answers (counts and words, never who said them).
import type { FieldError } from '../../../lib/result.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'

/** How long the emailed link works. */
export const feedbackLinkDays = 30
/** An event longer ago than this is not asked about (say, when the feature first runs). */
const askWithinDays = 14

/** Due from the London day after the event ends, for a fortnight. */
export function feedbackDue(endsAt: Date, now: Date): boolean {
  return londonDate(endsAt) < londonDate(now) && now.getTime() - endsAt.getTime() <= askWithinDays * 86_400_000
}

/** Who is asked: those marked as there, or, when the sign-in sheet was not marked, everyone with a place. */
export function askedForFeedback(r: { status: string; attended: boolean | null }): boolean {
  return r.attended === true || (r.attended === null && r.status === 'confirmed')
}

export interface FeedbackForm {
  rating: string
  useful: string
  improve: string
  comments: string
}

export const blankFeedbackForm: FeedbackForm = { rating: '', useful: '', improve: '', comments: '' }

export const feedbackTextLimit = 5000

export function checkFeedback(
  form: FeedbackForm,
): { ok: true; value: { rating: number; useful: string; improve: string; comments: string } } | { ok: false; errors: FieldError[] } {
  const rating = /^[1-5]$/.test(form.rating.trim()) ? Number(form.rating.trim()) : null
  const errors: FieldError[] = []
  if (rating === null) errors.push({ field: 'rating', message: 'events.feedback.errors.rating' })
  for (const field of ['useful', 'improve', 'comments'] as const)
    if (form[field].length > feedbackTextLimit) errors.push({ field, message: 'events.feedback.errors.tooLong', values: { max: feedbackTextLimit } })
  if (errors.length || rating === null) return { ok: false, errors }
  return { ok: true, value: { rating, useful: form.useful.trim(), improve: form.improve.trim(), comments: form.comments.trim() } }
}

export interface FeedbackSummary {
  asked: number
  answered: number
  /** How many gave each rating, 5 first. */
  ratings: Array<{ rating: number; count: number }>
  average: number | null
  useful: string[]
  improve: string[]
  comments: string[]
}

export function summariseFeedback(rows: ReadonlyArray<{ rating: number | null; useful: string; improve: string; comments: string }>): FeedbackSummary {
  const answered = rows.filter((r): r is typeof r & { rating: number } => r.rating !== null)
  const said = (field: 'useful' | 'improve' | 'comments') => answered.map((r) => r[field].trim()).filter(Boolean)
  const total = answered.reduce((sum, r) => sum + r.rating, 0)
  return {
    asked: rows.length,
    answered: answered.length,
    ratings: [5, 4, 3, 2, 1].map((rating) => ({ rating, count: answered.filter((r) => r.rating === rating).length })),
    average: answered.length ? Math.round((total / answered.length) * 10) / 10 : null,
    useful: said('useful'),
    improve: said('improve'),
    comments: said('comments'),
  }
}
