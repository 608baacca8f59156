import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { addUnlistedOrganisation } from '../../organisations/commands/add-unlisted-organisation.ts'
import type { NewOrganisation } from '../form.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'

/**
 * The first step of saving a case study that names an organisation the list lacked: the
 * organisation is added (unverified), in the same transaction, and the version to save lists it
 * in the role the person chose.
 */
export async function includeNewOrganisation(
  tx: Transaction,
  actor: AuditActor,
  snapshot: CaseStudySnapshot,
  added: NewOrganisation | null,
): Promise<Result<CaseStudySnapshot>> {
  if (!added) return ok(snapshot)
  const organisation = await addUnlistedOrganisation(tx, actor, { name: added.name, kind: added.kind, while: `writing “${snapshot.title}”` })
  if (!organisation.ok) return organisation
  const ref = organisation.value
  const list = snapshot[added.role]
  return ok(list.some((r) => r.id === ref.id) ? snapshot : { ...snapshot, [added.role]: [...list, ref] })
}
