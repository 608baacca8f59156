import type { PublicationStatus, ReviewState } from '../../db/schema/enums.ts'

export type ReviewAction = 'publish' | 'unpublish' | 'archive' | 'request-changes'

interface State {
  status: PublicationStatus
  reviewState: ReviewState
  revision: number
  publishedRevision: number | null
}

/** Which editorial actions make sense now; the review page offers only these. */
export function availableActions(s: State): ReviewAction[] {
  const actions: ReviewAction[] = []
  const hasUnpublishedWork = s.status !== 'published' || s.publishedRevision !== s.revision
  if (hasUnpublishedWork && s.status !== 'archived') actions.push('publish')
  if (s.reviewState === 'submitted') actions.push('request-changes')
  if (s.status === 'published') actions.push('unpublish')
  if (s.status !== 'archived') actions.push('archive')
  if (s.status === 'archived') actions.push('publish')
  return [...new Set(actions)]
}

export function canDo(action: ReviewAction, s: State): boolean {
  return availableActions(s).includes(action)
}

/**
 * Words for the state of a case study, for queues and dashboards: `key` the catalogue's
 * (review.state.*), `text` its English.
 */
export function stateLabel(s: State): { key: string; text: string; colour: string } {
  if (s.status === 'archived') return { key: 'review.state.archived', text: 'Archived', colour: 'grey' }
  if (s.reviewState === 'submitted') return { key: 'review.state.submitted', text: 'Waiting for review', colour: 'blue' }
  if (s.reviewState === 'changes-requested') return { key: 'review.state.changesRequested', text: 'Changes requested', colour: 'orange' }
  if (s.status === 'published')
    return s.publishedRevision === s.revision
      ? { key: 'review.state.published', text: 'Published', colour: 'green' }
      : { key: 'review.state.publishedWithChanges', text: 'Published, with unpublished changes', colour: 'yellow' }
  return { key: 'review.state.draft', text: 'Draft', colour: 'grey' }
}
