// Comments on a bid: plain text of a bounded length, in threads one level deep (a comment and its
// replies), and hidden by the network with a reason that is shown in their place.
import type { FieldError } from '../../../lib/result.ts'

export const maxCommentLength = 2000
export const maxHideReasonLength = 500

/** Problems with a comment's text (field `body`), or none. */
export function commentBodyProblems(body: string): FieldError[] {
  const trimmed = body.trim()
  if (trimmed === '') return [{ field: 'body', message: 'bidSocial.comments.bodyRequired' }]
  if (trimmed.length > maxCommentLength)
    return [{ field: 'body', message: 'bidSocial.comments.bodyTooLong', values: { max: maxCommentLength, count: trimmed.length } }]
  return []
}

/** Problems with the reason for hiding a comment (field `reason`), or none: it is required, as the thread shows it. */
export function hideReasonProblems(reason: string): FieldError[] {
  const trimmed = reason.trim()
  if (trimmed === '') return [{ field: 'reason', message: 'bidSocial.moderation.reasonRequired' }]
  if (trimmed.length > maxHideReasonLength) return [{ field: 'reason', message: 'bidSocial.moderation.reasonTooLong', values: { max: maxHideReasonLength } }]
  return []
}

/**
 * Why a reply cannot answer this comment (a catalogue key), or null. Threads are one level deep:
 * a reply answers a comment that starts a thread, of the same bid, and not one the network hid.
 */
export function replyRefusal(parent: { bidId: number; parentId: number | null; hiddenAt: Date | null } | null, bidId: number): string | null {
  if (!parent || parent.bidId !== bidId) return 'bidSocial.comments.noSuchThread'
  if (parent.parentId !== null) return 'bidSocial.comments.oneLevel'
  if (parent.hiddenAt !== null) return 'bidSocial.comments.threadHidden'
  return null
}

export interface ThreadComment {
  id: number
  parentId: number | null
}

/** Comments as threads: each comment that starts one, oldest first, with its replies, oldest first. */
export function threadsOf<C extends ThreadComment>(comments: readonly C[]): Array<C & { replies: C[] }> {
  const replies = new Map<number, C[]>()
  for (const c of comments) if (c.parentId !== null) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c])
  return comments.filter((c) => c.parentId === null).map((c) => ({ ...c, replies: replies.get(c.id) ?? [] }))
}
