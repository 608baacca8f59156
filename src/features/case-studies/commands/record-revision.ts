import type { Executor } from '../../../db/client.ts'
import type { RevisionAction } from '../../../db/schema/enums.ts'
import { caseStudyRevisions } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'

export async function recordRevision(
  tx: Executor,
  input: { caseStudyId: number; number: number; actor: AuditActor; action: RevisionAction; snapshot: CaseStudySnapshot },
): Promise<void> {
  await tx.insert(caseStudyRevisions).values({
    caseStudyId: input.caseStudyId,
    number: input.number,
    authorUserId: input.actor.id,
    authorLabel: input.actor.label,
    action: input.action,
    snapshot: input.snapshot,
  })
}
