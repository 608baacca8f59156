import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import type { NewOrganisation } from '../form.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'
import { includeNewOrganisation } from './include-new-organisation.ts'
import { saveCaseStudy, type NewerRevision } from './save-case-study.ts'
import { submitCaseStudy, type SubmitInput } from './submit-case-study.ts'

/**
 * The editing form's "save" and "save and submit", as one unit of work: the organisation the form
 * adds, the new revision and, when asked, the submission. If any step is refused nothing is kept.
 */
export async function saveFromTheForm(
  tx: Transaction,
  actor: Actor,
  input: {
    caseStudyId: number
    baseRevision: number
    snapshot: CaseStudySnapshot
    newOrganisation: NewOrganisation | null
    /** Given: submit for review too, and the editors' email says this. */
    submit: Omit<SubmitInput, 'caseStudyId' | 'revision'> | null
  },
): Promise<Result<{ revision: number; changed: boolean; emailIds: number[] }, NewerRevision>> {
  const snapshot = await includeNewOrganisation(tx, auditActor(actor), input.snapshot, input.newOrganisation)
  if (!snapshot.ok) return snapshot
  const saved = await saveCaseStudy(tx, actor, { caseStudyId: input.caseStudyId, baseRevision: input.baseRevision, snapshot: snapshot.value })
  if (!saved.ok) return saved
  if (!input.submit) return ok({ ...saved.value, emailIds: [] })
  const submitted = await submitCaseStudy(tx, auditActor(actor), { ...input.submit, caseStudyId: input.caseStudyId, revision: saved.value.revision })
  return submitted.ok ? ok({ ...saved.value, emailIds: submitted.value.emailIds }) : submitted
}
