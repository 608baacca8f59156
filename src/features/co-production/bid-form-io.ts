// The bid form as posted (any shape of body) and as filled from a saved bid, with its repeated
// rows: a fixed number of rows, one more each time "Add another" is pressed, so no JavaScript is needed.
import { asForm, text, type FormBody } from '../../web/forms.ts'
import { formatPounds } from '../membership/rules/money.ts'
import type { BidRow } from './bid-queries.ts'
import { maxRows, type BidForm, type BudgetRow, type MilestoneRow } from './rules/bid-form.ts'

export type BidFormValues = BidForm & { revision: string; action: string }

const rowCount = (form: FormBody, name: string, fallback: number) => {
  const n = Number(text(form, name, 5))
  return Number.isInteger(n) && n >= 1 ? Math.min(n, maxRows) : fallback
}

export function readBidForm(body: unknown, principleIds: readonly number[]): BidFormValues {
  const form = asForm(body)
  const milestones: MilestoneRow[] = Array.from({ length: rowCount(form, 'milestoneRows', 3) }, (_, i) => ({
    title: text(form, `milestoneTitle-${i}`, 1000),
    day: text(form, `milestoneDue-${i}-day`, 10),
    month: text(form, `milestoneDue-${i}-month`, 10),
    year: text(form, `milestoneDue-${i}-year`, 10),
  }))
  const lines: BudgetRow[] = Array.from({ length: rowCount(form, 'lineRows', 3) }, (_, i) => ({
    description: text(form, `lineDescription-${i}`, 1000),
    amount: text(form, `lineAmount-${i}`, 100),
  }))
  return {
    title: text(form, 'title', 1000),
    summary: text(form, 'summary', 30_000),
    problem: text(form, 'problem', 30_000),
    theme: text(form, 'theme', 300),
    sharing: text(form, 'sharing', 30_000),
    differences: Object.fromEntries(principleIds.map((id) => [id, text(form, `difference-${id}`, 30_000)])),
    milestones,
    lines,
    revision: text(form, 'revision', 20),
    action: text(form, 'action', 20),
  }
}

/** Rows to show: those saved, then blank ones up to `min` (at least one blank to fill in). */
function padded<T>(rows: T[], blank: () => T, min: number): T[] {
  const out = [...rows]
  while (out.length < Math.min(Math.max(min, rows.length + 1), maxRows)) out.push(blank())
  return out
}

export function bidFormOf(bid: BidRow, extra: { milestones?: number; lines?: number } = {}): BidFormValues {
  const milestones = bid.milestones.map((m) => ({
    title: m.title,
    day: m.dueOn ? String(Number(m.dueOn.slice(8, 10))) : '',
    month: m.dueOn ? String(Number(m.dueOn.slice(5, 7))) : '',
    year: m.dueOn ? m.dueOn.slice(0, 4) : '',
  }))
  const lines = bid.budgetLines.map((l) => ({ description: l.description, amount: formatPounds(l.amountPence) }))
  return {
    title: bid.title,
    summary: bid.summary,
    problem: bid.problem,
    theme: bid.theme ?? '',
    sharing: bid.sharing,
    differences: Object.fromEntries(bid.differences.map((d) => [d.principleId, d.difference])),
    milestones: padded(milestones, () => ({ title: '', day: '', month: '', year: '' }), extra.milestones ?? 3),
    lines: padded(lines, () => ({ description: '', amount: '' }), extra.lines ?? 3),
    revision: String(bid.revision),
    action: '',
  }
}

const isBlankRow = (row: MilestoneRow | BudgetRow): boolean => Object.values(row).every((v) => v.trim() === '')

/** Rows with anything typed in them: the ones a save keeps (wholly blank rows are dropped). */
export const filledRows = (values: BidFormValues, which: 'milestones' | 'lines'): number => values[which].filter((row) => !isBlankRow(row)).length

/**
 * After "Add another": the rows typed and exactly one blank one, so a form that already ended with
 * a blank row does not end with two.
 */
export function withAnotherRow(values: BidFormValues, which: 'milestones' | 'lines'): BidFormValues {
  const rows: Array<MilestoneRow | BudgetRow> = [...values[which]]
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1]!)) rows.pop()
  if (rows.length >= maxRows) return { ...values, [which]: rows }
  return which === 'milestones'
    ? { ...values, milestones: [...(rows as MilestoneRow[]), { title: '', day: '', month: '', year: '' }] }
    : { ...values, lines: [...(rows as BudgetRow[]), { description: '', amount: '' }] }
}
