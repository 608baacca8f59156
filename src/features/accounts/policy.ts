import type { Actor } from './actor.ts'

/** People, organisations, principles, the outbox and the audit log are for administrators. */
export function canAdminister(actor: Actor | null): boolean {
  return actor?.role === 'admin'
}

/** The admin area's front page lists what the person may use: editors see the review queue. */
export function canOpenAdminArea(actor: Actor | null): boolean {
  return actor?.role === 'admin' || actor?.role === 'editor'
}

/** Editors and administrators review submissions, and choose how they hear of them. */
export function canReviewSubmissions(actor: Actor | null): boolean {
  return actor?.role === 'admin' || actor?.role === 'editor'
}
