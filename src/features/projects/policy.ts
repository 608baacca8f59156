import type { Actor } from '../accounts/actor.ts'

// Who may do what with projects. Pure predicates, one line in each route. A project is public; its
// reports are written by its lead.

interface Led {
  leadOrganisationId: number | null
}

/** The officers of the organisation that leads it (a project led by a person has no officers: the network's staff act for it). */
export const isLeadOfficer = (actor: Actor | null, project: Led): boolean =>
  actor?.role === 'officer' && actor.organisationId !== null && project.leadOrganisationId !== null && actor.organisationId === project.leadOrganisationId

/** Progress and final reports are the lead's to write. */
export const canReportOnProject = (actor: Actor | null, project: Led): boolean => isLeadOfficer(actor, project)

/** The lead closes its project; an administrator may too (for a lead that has gone quiet). */
export const canCloseProject = (actor: Actor | null, project: Led): boolean => isLeadOfficer(actor, project) || actor?.role === 'admin'

/** The lead, and the editors who will review it, may start the case study of a closed project. */
export const canTurnIntoCaseStudy = (actor: Actor | null, project: Led): boolean =>
  isLeadOfficer(actor, project) || actor?.role === 'editor' || actor?.role === 'admin'
