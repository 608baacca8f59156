import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import type { NewOrganisation } from '../form.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'
import { includeNewOrganisation } from './include-new-organisation.ts'
import { saveCaseStudy, type NewerRevision } from './save-case-study.ts'
import { saveLanguageAndTranslation } from './save-translation.ts'
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
    /** The title or address of the case study this one translates, as typed ('' for none). */
    translationOf: string
    /** Given: submit for review too, and the editors' email says this. */
    submit: Omit<SubmitInput, 'caseStudyId' | 'revision'> | null
  },
): Promise<Result<{ revision: number; changed: boolean; emailIds: number[] }, NewerRevision>> {
  const snapshot = await includeNewOrganisation(tx, auditActor(actor), input.snapshot, input.newOrganisation)
  if (!snapshot.ok) return snapshot
  const saved = await saveCaseStudy(tx, actor, { caseStudyId: input.caseStudyId, baseRevision: input.baseRevision, snapshot: snapshot.value })
  if (!saved.ok) return saved
  const linked = await saveLanguageAndTranslation(tx, {
    caseStudyId: input.caseStudyId,
    language: input.snapshot.language ?? 'en',
    translationOf: input.translationOf,
  })
  if (!linked.ok) return linked
  const value = { revision: saved.value.revision, changed: saved.value.changed || linked.value.changed }
  if (!input.submit) return ok({ ...value, emailIds: [] })
  const submitted = await submitCaseStudy(tx, auditActor(actor), { ...input.submit, caseStudyId: input.caseStudyId, revision: saved.value.revision })
  return submitted.ok ? ok({ ...value, emailIds: submitted.value.emailIds }) : submitted
}
