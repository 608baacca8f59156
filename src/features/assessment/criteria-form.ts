// Reading the criteria form: its rows (criterionTitle-0, criterionGuidance-0, criterionMax-0, ...),
// the button pressed, and the fingerprint of the list it was opened on. Any body reads without throwing.
import { text, type FormBody } from '../../web/forms.ts'
import { applyRowAction, filledRows, maxCriteria, type CriterionRow } from './rules/criteria.ts'

export function readCriterionRows(form: FormBody): { rows: CriterionRow[]; action: string; fingerprint: string } {
  const count = Math.min(Number(/^\d{1,3}$/.test(text(form, 'rowCount', 5)) ? text(form, 'rowCount', 5) : '0'), maxCriteria + 5)
  const typed: CriterionRow[] = Array.from({ length: count }, (_, i) => ({
    title: text(form, `criterionTitle-${i}`, 1000),
    guidance: text(form, `criterionGuidance-${i}`, 5000),
    max: text(form, `criterionMax-${i}`, 20),
  }))
  const action = text(form, 'action', 20)
  return { rows: filledRows(applyRowAction(typed, action)), action, fingerprint: text(form, 'fingerprint', 100) }
}
