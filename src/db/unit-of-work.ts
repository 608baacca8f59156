import type { Failure, Result } from '../lib/result.ts'
import type { Database } from './client.ts'

/** The transaction a use case runs in: every command of the use case takes it and queries through it. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** Carries a command's failure out of the transaction so that drizzle rolls it back. */
class RolledBack extends Error {
  constructor(readonly failure: Failure<unknown>) {
    super('rolled back')
  }
}

/**
 * Runs a use case — one command, or several that must all happen or none (save, then submit) — in
 * one transaction: committed when it returns ok, rolled back when it returns a failure or throws,
 * so a later step's failure never leaves an earlier step's writes behind. Effects outside the
 * database (sending the emails queued inside it) belong after this returns.
 */
export async function inTransaction<T, C = undefined>(db: Database, work: (tx: Transaction) => Promise<Result<T, C>>): Promise<Result<T, C>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx)
      if (!result.ok) throw new RolledBack(result)
      return result
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.failure as Failure<C>
    throw error
  }
}

/** PostgreSQL's unique_violation, whether thrown by pg directly or wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true
  }
  return false
}

/**
 * Runs part of a transaction in a savepoint, so that an expected error there (two people taking
 * one slug at once) can be answered without aborting the whole use case.
 */
export async function withSavepoint<T>(tx: Transaction, work: (sp: Transaction) => Promise<T>): Promise<T> {
  return tx.transaction(work)
}
