// Conflicts of interest. An assessor whose organisation leads a bid, or has accepted a place in its
// working group, has a conflict with it whatever they say; any assessor may also declare one on any
// bid, with a reason. A conflicted assessor neither sees the scoring form nor scores the bid, and
// their assessment of it (if they began one) does not count.

export type Conflict = { kind: 'lead' } | { kind: 'working-group' } | { kind: 'declared'; reason: string }

export interface ConflictBid {
  leadOrganisationId: number | null
  participants: ReadonlyArray<{ organisationId: number | null; acceptedAt: Date | null }>
}

export function conflictOf(assessor: { organisationId: number | null }, bid: ConflictBid, declaredReason: string | null): Conflict | null {
  const own = assessor.organisationId
  if (own !== null && bid.leadOrganisationId === own) return { kind: 'lead' }
  if (own !== null && bid.participants.some((p) => p.organisationId === own && p.acceptedAt !== null)) return { kind: 'working-group' }
  if (declaredReason !== null) return { kind: 'declared', reason: declaredReason }
  return null
}

/** The problem with a declaration, as a message key ('' reason, or too long), or null. */
export function declarationProblem(reason: string): string | null {
  if (reason.trim() === '') return 'assessment.conflict.reasonMissing'
  if (reason.length > 2000) return 'assessment.conflict.reasonTooLong'
  return null
}
