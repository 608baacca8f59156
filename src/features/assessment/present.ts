// The assessment pages' words and numbers: everything here is a translated sentence or a value.
import type { Translate } from '../../i18n/catalogue.ts'
import { pounds } from '../co-production/present.ts'
import type { CallRow } from '../co-production/queries.ts'
import { outcomeSelector } from '../co-production/decision-email.ts'
import type { BidOutcome } from '../../db/schema/enums.ts'
import type { Conflict } from './rules/conflicts.ts'
import type { CriterionRow } from './rules/criteria.ts'
import { assessmentRefusal } from './rules/phase.ts'

/** The four criteria offered when a call has none yet, in the page's language (the administrator may change them). */
export function defaultCriteria(t: Translate): CriterionRow[] {
  return ['principles', 'feasibility', 'reach', 'value'].map((name) => ({
    title: t(`assessment.defaults.${name}.title`),
    guidance: t(`assessment.defaults.${name}.guidance`),
    max: '10',
  }))
}

/** Where the call is in its assessment, in words. */
export function phaseText(t: Translate, call: CallRow, now: Date): string {
  const refusal = assessmentRefusal(call, now)
  return t(refusal ?? 'assessment.phase.scoring')
}

export const conflictText = (t: Translate, conflict: Conflict): string =>
  t('assessment.conflict.kind', {
    kind: conflict.kind === 'working-group' ? 'group' : conflict.kind,
    reason: conflict.kind === 'declared' ? conflict.reason : '',
  })

export function decisionText(t: Translate, decision: { outcome: BidOutcome; awardedPence: number | null } | undefined): string {
  if (!decision) return t('assessment.panel.undecided')
  const outcome = t('decisions.outcome', { outcome: outcomeSelector(decision.outcome) })
  return decision.awardedPence === null ? outcome : t('assessment.panel.decidedAward', { outcome, award: pounds(decision.awardedPence) })
}
