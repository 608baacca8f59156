import type { Executor } from '../../../db/client.ts'
import { auditEvents, organisations } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { NamedRef } from '../../case-studies/snapshot.ts'
import type { NewOrganisation } from '../import-session.ts'

export interface CreatedOrganisation {
  organisation: NewOrganisation
  ref: NamedRef
  slug: string
}

/**
 * Creates the organisations that documents name but the database lacks, in one statement, each
 * with an audit event: councils from the register (verified, with their code, region and GSS
 * code) and names that matched nothing (unverified, for an editor to confirm or merge).
 */
export async function createOrganisations(
  tx: Executor,
  actor: AuditActor,
  wanted: readonly NewOrganisation[],
  slugFor: (name: string) => string,
  source: string,
): Promise<CreatedOrganisation[]> {
  const unique = [...new Map(wanted.map((o) => [o.key, o])).values()]
  if (unique.length === 0) return []
  const rows = unique.map((o) => ({
    slug: slugFor(o.name),
    name: o.name,
    kind: o.kind,
    tier: 'none' as const,
    gssCode: o.gssCode,
    councilType: o.councilType,
    nation: o.nation,
    region: o.region,
    authorityCode: o.authorityCode,
    verified: o.verified,
  }))
  const returned = await tx.insert(organisations).values(rows).returning({ id: organisations.id, slug: organisations.slug, name: organisations.name })
  // Matched back by slug: each row was given its own, and RETURNING promises no order.
  const bySlug = new Map(returned.map((r) => [r.slug, r]))
  const inserted = rows.map((row) => bySlug.get(row.slug)!)
  await tx.insert(auditEvents).values(
    inserted.map((r, i) => ({
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'organisation-created',
      subjectType: 'organisation',
      subjectId: String(r.id),
      summary: `Added organisation ${r.name} ${unique[i]!.verified ? 'from the local authorities register' : '(unverified)'} while importing ${source}`,
      changes: {
        slug: { before: null, after: r.slug },
        verified: { before: null, after: unique[i]!.verified },
        authorityCode: { before: null, after: unique[i]!.authorityCode },
      },
    })),
  )
  return inserted.map((r, i) => ({ organisation: unique[i]!, ref: { id: r.id, name: r.name }, slug: r.slug }))
}
