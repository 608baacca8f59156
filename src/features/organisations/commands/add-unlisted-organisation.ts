import { sql } from 'drizzle-orm'
import type { OrganisationKind } from '../../../db/schema/enums.ts'
import { organisations } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { pickOrganisationSlug } from './organisation-slugs.ts'

/**
 * An organisation someone named while writing a case study that the list lacked: added outside
 * the network and unverified, for an editor to confirm or merge, as an import adds one. One of
 * the same name already stored (someone added it meanwhile) is used instead of a second.
 */
export async function addUnlistedOrganisation(
  tx: Transaction,
  actor: AuditActor,
  input: { name: string; kind: OrganisationKind; while: string },
): Promise<Result<{ id: number; name: string }>> {
  const sameName = async () =>
    (
      await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(sql`lower(${organisations.name}) = lower(${input.name})`)
        .limit(1)
    )[0]
  const found = await sameName()
  if (found) return ok(found)
  for (let attempt = 1; ; attempt++) {
    const slug = (await pickOrganisationSlug(tx, null, input.name, null)) ?? `organisation-${Date.now()}`
    try {
      const [row] = await withSavepoint(tx, (sp) =>
        sp.insert(organisations).values({ slug, name: input.name, kind: input.kind, tier: 'none', verified: false }).returning({ id: organisations.id }),
      )
      await recordAudit(tx, actor, {
        action: 'organisation-created',
        subjectType: 'organisation',
        subjectId: row!.id,
        summary: `Added organisation ${input.name} (unverified) while ${input.while}`,
        changes: { slug: { before: null, after: slug }, kind: { before: null, after: input.kind }, verified: { before: null, after: false } },
      })
      return ok({ id: row!.id, name: input.name })
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error
      const meanwhile = await sameName()
      if (meanwhile) return ok(meanwhile)
    }
  }
}
