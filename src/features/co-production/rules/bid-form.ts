// The bid form, as typed, checked into a draft. A draft may be incomplete (the eligibility rules
// say what is missing before it can be submitted); what it must not be is malformed: amounts are
// pence, dates are real, each row whole. Rows left wholly blank are dropped.
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'
import { penceOf, type Pence } from '../../membership/rules/money.ts'
import { isIsoDate, type IsoDate } from '../../membership/rules/subscription-year.ts'

export interface MilestoneRow {
  title: string
  day: string
  month: string
  year: string
}

export interface BudgetRow {
  description: string
  amount: string
}

export interface BidForm {
  title: string
  summary: string
  problem: string
  theme: string
  sharing: string
  /** By principle id. */
  differences: Record<number, string>
  milestones: MilestoneRow[]
  lines: BudgetRow[]
}

export interface BidDraft {
  title: string
  summary: string
  problem: string
  theme: string | null
  sharing: string
  differences: Array<{ principleId: number; difference: string }>
  milestones: Array<{ title: string; dueOn: IsoDate | null }>
  budgetLines: Array<{ description: string; amountPence: Pence }>
}

/** The most rows of each kind a bid keeps: enough for any plan, few enough for a form. */
export const maxRows = 40
export const maxLineAmountPence = 10_000_000_000

const longText = 20_000

export function checkBidForm(form: BidForm, call: { principleIds: readonly number[]; themes: readonly string[] }): Result<BidDraft> {
  const errors: FieldError[] = []
  const title = form.title.trim()
  if (title === '') errors.push({ field: 'title', message: 'bids.errors.titleRequired' })
  else if (title.length > 200) errors.push({ field: 'title', message: 'bids.errors.titleTooLong', values: { max: 200 } })
  for (const field of ['summary', 'problem', 'sharing'] as const) {
    if (form[field].length > longText) errors.push({ field, message: `bids.errors.tooLong`, values: { max: longText } })
  }
  const theme = form.theme.trim()
  if (theme !== '' && !call.themes.includes(theme)) errors.push({ field: 'theme', message: 'bids.errors.theme' })

  const differences = call.principleIds.flatMap((principleId) => {
    const difference = (form.differences[principleId] ?? '').trim()
    if (difference.length > longText) errors.push({ field: `difference-${principleId}`, message: 'bids.errors.tooLong', values: { max: longText } })
    return difference === '' ? [] : [{ principleId, difference }]
  })

  const milestones: BidDraft['milestones'] = []
  form.milestones.slice(0, maxRows).forEach((row, i) => {
    const [day, month, year] = [row.day.trim(), row.month.trim(), row.year.trim()]
    const rowTitle = row.title.trim()
    if (!rowTitle && !day && !month && !year) return
    if (!rowTitle) errors.push({ field: `milestoneTitle-${i}`, message: 'bids.errors.milestoneTitle', values: { row: i + 1 } })
    else if (rowTitle.length > 500)
      errors.push({ field: `milestoneTitle-${i}`, message: 'bids.errors.milestoneTitleTooLong', values: { row: i + 1, max: 500 } })
    let dueOn: IsoDate | null = null
    if (day || month || year) {
      const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) && isIsoDate(iso)) dueOn = iso
      else errors.push({ field: `milestoneDue-${i}-day`, message: 'bids.errors.milestoneDue', values: { row: i + 1 } })
    }
    milestones.push({ title: rowTitle, dueOn })
  })

  const budgetLines: BidDraft['budgetLines'] = []
  form.lines.slice(0, maxRows).forEach((row, i) => {
    const description = row.description.trim()
    const amount = row.amount.trim()
    if (!description && !amount) return
    if (!description) errors.push({ field: `lineDescription-${i}`, message: 'bids.errors.lineDescription', values: { row: i + 1 } })
    else if (description.length > 500)
      errors.push({ field: `lineDescription-${i}`, message: 'bids.errors.lineDescriptionTooLong', values: { row: i + 1, max: 500 } })
    const pence = penceOf(amount)
    if (pence === 'membership.money.required') errors.push({ field: `lineAmount-${i}`, message: 'bids.errors.lineAmountRequired', values: { row: i + 1 } })
    else if (typeof pence !== 'number' || pence > maxLineAmountPence)
      errors.push({ field: `lineAmount-${i}`, message: 'bids.errors.lineAmount', values: { row: i + 1 } })
    else budgetLines.push({ description, amountPence: pence })
  })

  if (errors.length > 0) return invalid(errors)
  return ok({
    title,
    summary: form.summary.trim(),
    problem: form.problem.trim(),
    theme: theme || null,
    sharing: form.sharing.trim(),
    differences,
    milestones,
    budgetLines,
  })
}
