// An assessor's scores as the scoring form sends them: a whole number from 0 to the criterion's
// most for each criterion, a comment beside each, and one overall. A draft may leave scores out;
// submitting needs them all.
import type { FieldError } from '../../../lib/result.ts'

export interface ScoreInput {
  /** As typed, by criterion id. */
  scores: Record<number, string>
  comments: Record<number, string>
  comment: string
}

export interface ReadScores {
  scores: Array<{ criterionId: number; score: number; comment: string }>
  comment: string
}

const commentLimit = 5000

export function readScores(
  input: ScoreInput,
  criteria: ReadonlyArray<{ id: number; title: string; maxScore: number }>,
  submitting: boolean,
): { value: ReadScores; errors: FieldError[] } {
  const errors: FieldError[] = []
  const scores: ReadScores['scores'] = []
  for (const c of criteria) {
    const raw = (input.scores[c.id] ?? '').trim()
    const comment = (input.comments[c.id] ?? '').trim()
    if (comment.length > commentLimit)
      errors.push({ field: `comment-${c.id}`, message: 'assessment.score.commentTooLong', values: { criterion: c.title, max: commentLimit } })
    if (raw === '') {
      if (submitting) errors.push({ field: `score-${c.id}`, message: 'assessment.score.missing', values: { criterion: c.title } })
      continue
    }
    const score = /^\d{1,3}$/.test(raw) ? Number(raw) : null
    if (score === null || score > c.maxScore) {
      errors.push({ field: `score-${c.id}`, message: 'assessment.score.outOfRange', values: { criterion: c.title, max: c.maxScore } })
      continue
    }
    scores.push({ criterionId: c.id, score, comment })
  }
  const comment = input.comment.trim()
  if (comment.length > commentLimit) errors.push({ field: 'comment', message: 'assessment.score.overallTooLong', values: { max: commentLimit } })
  return { value: { scores, comment }, errors }
}

/** The total of a complete assessment. */
export const totalOf = (scores: ReadonlyArray<{ score: number }>): number => scores.reduce((sum, s) => sum + s.score, 0)
