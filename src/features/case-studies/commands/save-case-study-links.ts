import { eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import type { OrganisationRole } from '../../../db/schema/enums.ts'
import { caseStudies, caseStudyOrganisations, caseStudyPrinciples, caseStudyThemes, organisations, principles, themes } from '../../../db/schema/index.ts'

export interface CaseStudyLinks {
  principleIds: number[]
  organisations: Array<{ organisationId: number; role: OrganisationRole }>
  themeIds: number[]
}

/**
 * Replaces a case study's principles, organisations and themes, and refreshes the names the
 * full-text index searches. Call inside the transaction that saves the case study.
 */
export async function replaceCaseStudyLinks(tx: Executor, caseStudyId: number, links: CaseStudyLinks): Promise<void> {
  await tx.delete(caseStudyPrinciples).where(eq(caseStudyPrinciples.caseStudyId, caseStudyId))
  await tx.delete(caseStudyOrganisations).where(eq(caseStudyOrganisations.caseStudyId, caseStudyId))
  await tx.delete(caseStudyThemes).where(eq(caseStudyThemes.caseStudyId, caseStudyId))

  const principleIds = [...new Set(links.principleIds)]
  if (principleIds.length > 0) {
    await tx.insert(caseStudyPrinciples).values(principleIds.map((principleId) => ({ caseStudyId, principleId })))
  }
  const seen = new Set<string>()
  const orgRows = links.organisations
    .filter((o) => {
      const key = `${o.organisationId}:${o.role}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .map((o, position) => ({ caseStudyId, organisationId: o.organisationId, role: o.role, position }))
  if (orgRows.length > 0) await tx.insert(caseStudyOrganisations).values(orgRows)
  const themeIds = [...new Set(links.themeIds)]
  if (themeIds.length > 0) await tx.insert(caseStudyThemes).values(themeIds.map((themeId) => ({ caseStudyId, themeId })))

  await refreshSearchExtra(tx, [caseStudyId])
}

/** Recomputes the linked names searched with the text (after a link change or a rename). */
export async function refreshSearchExtra(tx: Executor, caseStudyIds: number[]): Promise<void> {
  if (caseStudyIds.length === 0) return
  await tx
    .update(caseStudies)
    .set({
      searchExtra: sql`concat_ws(' ',
        (SELECT string_agg(${principles.shortName}, ' ') FROM ${caseStudyPrinciples}
           JOIN ${principles} ON ${principles.id} = ${caseStudyPrinciples.principleId}
           WHERE ${caseStudyPrinciples.caseStudyId} = ${caseStudies.id}),
        (SELECT string_agg(${organisations.name}, ' ') FROM ${caseStudyOrganisations}
           JOIN ${organisations} ON ${organisations.id} = ${caseStudyOrganisations.organisationId}
           WHERE ${caseStudyOrganisations.caseStudyId} = ${caseStudies.id}),
        (SELECT string_agg(${themes.name}, ' ') FROM ${caseStudyThemes}
           JOIN ${themes} ON ${themes.id} = ${caseStudyThemes.themeId}
           WHERE ${caseStudyThemes.caseStudyId} = ${caseStudies.id}))`,
    })
    .where(inArray(caseStudies.id, caseStudyIds))
}
