import { sql } from 'drizzle-orm'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { createUser } from '../../accounts/commands/create-user.ts'
import { openSession } from '../../accounts/sessions.ts'
import { administratorExists } from '../queries.ts'

export interface FirstAdministratorInput {
  name: string
  email: string
  password: string
  /** The session the request came with, ended by the sign-in (no fixation). */
  previousSessionId: string | null
  baseUrl: string
  networkName: string
}

/** How the audit log names who made the first administrator: nobody had an account yet. */
export const setUpActor: AuditActor = { id: null, label: 'first-run set-up page' }

/** Serialises every first-administrator attempt across sessions and instances of one database. */
const firstAdministratorLock = 7_261_001

/**
 * Creates the first administrator, active at once, and signs them in. `not-found` once any
 * administrator exists: the set-up page is then gone. The account is made by the accounts
 * feature's own command, so its rules, messages and audit event are those of every account.
 */
export async function createFirstAdministrator(tx: Transaction, input: FirstAdministratorInput): Promise<Result<{ userId: number; sessionToken: string }>> {
  // Two tabs (or two instances) submitting at once: the second waits here, then finds the first's administrator.
  await tx.execute(sql`select pg_advisory_xact_lock(${firstAdministratorLock})`)
  if (await administratorExists(tx)) return notFound()
  const created = await createUser(tx, setUpActor, {
    name: input.name,
    email: input.email,
    role: 'admin',
    organisation: '',
    password: input.password,
    baseUrl: input.baseUrl,
    networkName: input.networkName,
  })
  if (!created.ok) {
    // The person fills this form in for themselves, not for someone else.
    const errors = created.errors.map((e) => (e.field === 'name' && input.name.trim() === '' ? { field: 'name', message: 'setUp.form.errorNameRequired' } : e))
    return { ...created, errors }
  }
  const sessionToken = await openSession(tx, created.value.userId, input.previousSessionId)
  return ok({ userId: created.value.userId, sessionToken })
}
