import type { Actor } from '../accounts/actor.ts'

// Who may do what with case studies. Pure predicates, one line in each route.

const isEditor = (actor: Actor | null): boolean => actor?.role === 'editor' || actor?.role === 'admin'

export function canCreateCaseStudy(actor: Actor | null): boolean {
  return isEditor(actor) || (actor?.role === 'officer' && actor.organisationId !== null)
}

/** Officers edit their own organisation's case studies; editors and administrators edit all. */
export function canEditCaseStudy(actor: Actor | null, caseStudy: { ownerOrganisationId: number | null }): boolean {
  if (isEditor(actor)) return true
  return actor?.role === 'officer' && actor.organisationId !== null && actor.organisationId === caseStudy.ownerOrganisationId
}

/** Publishing, unpublishing, archiving and requesting changes belong to editors. */
export function canReviewCaseStudies(actor: Actor | null): boolean {
  return isEditor(actor)
}
