// A bid's budget: integer pence summed exactly (through BigInt), compared with the call's cap.
import { isPence, type Pence } from '../../membership/rules/money.ts'

export interface BudgetLine {
  description: string
  amountPence: Pence
}

/** The sum of the lines; throws rather than give a total that is not an exact number of pence. */
export function budgetTotal(lines: readonly Pick<BudgetLine, 'amountPence'>[]): Pence {
  let total = 0n
  for (const line of lines) {
    if (!isPence(line.amountPence) || line.amountPence < 0) throw new RangeError(`Not an amount of pence: ${line.amountPence}`)
    total += BigInt(line.amountPence)
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('The budget total is too large')
  return Number(total)
}

/** Within the cap: at or under it (a bid may ask for exactly the cap). */
export const isWithinCap = (totalPence: Pence, capPence: Pence): boolean => totalPence <= capPence
