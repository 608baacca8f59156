// People for the assessment tests: an account with a session made in the database (no sign-in
// form, which is rate-limited), returned with its id so it can be made an assessor.
import type { FastifyInstance } from 'fastify'
import type { Database } from '../src/db/client.ts'
import type { Role } from '../src/db/schema/enums.ts'
import { callAssessors, sessions } from '../src/db/schema/index.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { createUser } from '../src/features/accounts/commands/create-user.ts'
import { newToken } from '../src/features/accounts/secrets.ts'
import { sessionCookie } from '../src/features/accounts/sessions.ts'
import { Agent, testPassword } from './agent.ts'

let n = 0

export async function person(app: FastifyInstance, db: Database, role: Role, organisationSlug = ''): Promise<{ agent: Agent; userId: number; email: string }> {
  const email = `assessing-${role}-${++n}-${Date.now()}@example.org`
  const result = await inTransaction(db, (tx) =>
    createUser(
      tx,
      { id: null, label: 'test' },
      { email, name: `Assessor ${n}`, role, organisation: organisationSlug, password: testPassword, baseUrl: 'http://localhost', networkName: 'Test' },
    ),
  )
  if (!result.ok) throw new Error(`Could not create user: ${JSON.stringify(result.errors)}`)
  const { token, hash } = newToken()
  await db.insert(sessions).values({ id: hash, userId: result.value.userId, expiresAt: new Date(Date.now() + 3_600_000) })
  const agent = new Agent(app)
  agent.setCookie(sessionCookie, token)
  return { agent, userId: result.value.userId, email }
}

export async function makeAssessor(db: Database, callId: number, userId: number): Promise<void> {
  await db.insert(callAssessors).values({ callId, userId })
}
