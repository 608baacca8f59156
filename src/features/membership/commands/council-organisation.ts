import { eq } from 'drizzle-orm'
import type { PaidTier } from '../../../db/schema/enums.ts'
import { organisations } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { createOrganisation } from '../../organisations/commands/create-organisation.ts'
import { findRegisterCouncil } from '../queries.ts'

/** The council with this register code among the network's organisations, added from the register when it is not there yet. */
export async function councilOrganisation(tx: Transaction, actor: AuditActor, code: string, tier: PaidTier): Promise<Result<number>> {
  const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.authorityCode, code))
  if (existing) return ok(existing.id)
  const council = await findRegisterCouncil(tx, code)
  if (!council) return refused('join.errors.councilUnknown')
  const created = await createOrganisation(tx, actor, {
    name: council.officialName,
    slug: '',
    kind: 'council',
    tier,
    councilType: council.typeName ?? '',
    nation: council.nation ?? '',
    region: council.region ?? '',
    gssCode: council.gssCode ?? '',
    website: '',
    verified: true,
  })
  if (!created.ok) return created
  await tx.update(organisations).set({ authorityCode: council.code }).where(eq(organisations.id, created.value.id))
  return ok(created.value.id)
}
