// A progress or final report as the lead writes it: checked here, pure, so the form and the
// command agree. A draft may be incomplete; a submitted report says what happened, how much has
// been spent and where each milestone stands (and a final report what changed because of it).
import { milestoneStatuses, type MilestoneStatus, type ProjectReportKind } from '../../../db/schema/enums.ts'
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'
import { penceOf, type Pence } from '../../membership/rules/money.ts'

export interface ReportFormValues {
  revision: string
  whatHappened: string
  outcomes: string
  /** Pounds as typed: "1,250.50", "£300". */
  spend: string
  /** Each milestone's status as chosen, by milestone id ('' when none chosen). */
  milestones: Record<string, string>
}

export interface ReportContent {
  whatHappened: string
  outcomes: string
  spendToDatePence: Pence | null
  milestoneStatuses: Array<{ milestoneId: number; status: MilestoneStatus }>
}

export const isMilestoneStatus = (value: string): value is MilestoneStatus => (milestoneStatuses as readonly string[]).includes(value)

/** Longest text a report field keeps: a long report is a document, not a form. */
export const maxReportText = 20_000

/**
 * The content to store, or what is wrong with it. Saving a draft checks only what was typed (an
 * amount must be an amount); submitting needs every part.
 */
export function checkReport(
  values: ReportFormValues,
  report: { kind: ProjectReportKind; milestoneIds: readonly number[] },
  submitting: boolean,
): Result<ReportContent> {
  const errors: FieldError[] = []
  const whatHappened = values.whatHappened.trim()
  const outcomes = values.outcomes.trim()
  if (whatHappened.length > maxReportText) errors.push({ field: 'whatHappened', message: 'projects.report.tooLong', values: { max: maxReportText } })
  else if (submitting && whatHappened === '') errors.push({ field: 'whatHappened', message: 'projects.report.whatHappenedRequired' })
  if (outcomes.length > maxReportText) errors.push({ field: 'outcomes', message: 'projects.report.tooLong', values: { max: maxReportText } })
  else if (submitting && report.kind === 'final' && outcomes === '') errors.push({ field: 'outcomes', message: 'projects.report.outcomesRequired' })

  let spendToDatePence: Pence | null = null
  if (values.spend.trim() === '') {
    if (submitting) errors.push({ field: 'spend', message: 'projects.report.spendRequired' })
  } else {
    const pence = penceOf(values.spend)
    if (typeof pence === 'number') spendToDatePence = pence
    else errors.push({ field: 'spend', message: `projects.report.spend.${pence.slice('membership.money.'.length)}` })
  }

  const statuses: ReportContent['milestoneStatuses'] = []
  for (const milestoneId of report.milestoneIds) {
    const chosen = values.milestones[String(milestoneId)] ?? ''
    if (isMilestoneStatus(chosen)) statuses.push({ milestoneId, status: chosen })
    else if (chosen !== '') errors.push({ field: `milestone-${milestoneId}`, message: 'projects.report.milestoneStatus' })
    else if (submitting) errors.push({ field: `milestone-${milestoneId}`, message: 'projects.report.milestoneStatus' })
  }
  if (errors.length > 0) return invalid(errors)
  return ok({ whatHappened, outcomes, spendToDatePence, milestoneStatuses: statuses })
}

/**
 * Spending more than the budget is allowed and recorded (the money may have come from elsewhere,
 * and refusing would hide it): the report and the network's overview say so instead.
 */
export const isOverBudget = (spendToDatePence: Pence | null, budgetPence: Pence): boolean => spendToDatePence !== null && spendToDatePence > budgetPence
