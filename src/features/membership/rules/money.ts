// Money is integer pence. Amounts arrive as text in pounds ("1,250.00", "£1250", "12.5") and leave
// as text in pounds; nothing passes through a float, so 0.1 + 0.2 never costs anyone a penny.
import { invalid, ok, type Result } from '../../../lib/result.ts'

/** An amount of money in pence: a safe integer. */
export type Pence = number

export const isPence = (n: unknown): n is Pence => typeof n === 'number' && Number.isSafeInteger(n)

/** Why a text is not an amount: a catalogue key of membership-rules.json. */
export type MoneyProblem =
  'membership.money.required' | 'membership.money.notAmount' | 'membership.money.tooManyDecimals' | 'membership.money.negative' | 'membership.money.tooLarge'

/** Pounds with at most 2 decimals, with or without "£" and thousands commas ("1,250.00"; "1250"; "£12.5"). */
const amountPattern = /^(-)?£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/

/** The pence in a text of pounds, or why it is not one. */
export function penceOf(text: string): Pence | MoneyProblem {
  const trimmed = text.trim().replace(/^£\s*/, '£')
  if (trimmed === '') return 'membership.money.required'
  const match = amountPattern.exec(trimmed.replace(/^£-/, '-£'))
  if (!match) return 'membership.money.notAmount'
  const [, minus, whole = '', decimals = ''] = match
  if (decimals.length > 2) return 'membership.money.tooManyDecimals'
  if (minus) return 'membership.money.negative'
  const pence = BigInt(whole.replaceAll(',', '')) * 100n + BigInt(decimals.padEnd(2, '0'))
  if (pence > BigInt(Number.MAX_SAFE_INTEGER)) return 'membership.money.tooLarge'
  return Number(pence)
}

/** A form's or a file's amount in pounds, as pence; `field` names it in the error. */
export function parsePounds(text: string, field = ''): Result<Pence> {
  const pence = penceOf(text)
  return typeof pence === 'number' ? ok(pence) : invalid([{ field, message: pence, values: { amount: text.trim() } }])
}

function parts(pence: Pence): { sign: string; pounds: string; pennies: string } {
  if (!isPence(pence)) throw new RangeError(`Not an amount of pence: ${pence}`)
  const abs = BigInt(Math.abs(pence))
  return { sign: pence < 0 ? '-' : '', pounds: (abs / 100n).toString(), pennies: (abs % 100n).toString().padStart(2, '0') }
}

/** For JSON and CSV: "1250.00", "-12.50". */
export function poundsString(pence: Pence): string {
  const { sign, pounds, pennies } = parts(pence)
  return `${sign}${pounds}.${pennies}`
}

/** For people: "1,250.00" (the page adds "£"); a credit shows as "-12.50". */
export function formatPounds(pence: Pence): string {
  const { sign, pounds, pennies } = parts(pence)
  return `${sign}${pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pennies}`
}
