import { eq } from 'drizzle-orm'
import { roles, type Role } from '../../../db/schema/enums.ts'
import { organisations, users } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { invitationEmail } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { findUserByEmail } from '../queries.ts'
import { invitationTokenDays, isEmail, normaliseEmail, passwordProblem } from '../rules.ts'
import { hashPassword } from '../secrets.ts'
import { accountLink, issueAccountToken } from './issue-account-token.ts'

export interface CreateUserInput {
  email: string
  name: string
  role: string
  /** Organisation slug; required for officers. */
  organisation: string
  /** Given: the account is active at once. Absent: an invitation link is made (and emailed). */
  password?: string
  baseUrl: string
  networkName: string
}

export interface CreatedUser {
  userId: number
  /** The invitation link when no password was given (also emailed), else null. */
  invitationLink: string | null
  /** Emails queued in the transaction, to deliver after it commits. */
  emailIds: number[]
}

const emailTaken: FieldError = { field: 'email', message: 'accounts.user.errorEmailTaken' }

export async function createUser(tx: Transaction, actor: AuditActor, input: CreateUserInput): Promise<Result<CreatedUser>> {
  const email = normaliseEmail(input.email)
  const name = input.name.trim()
  const errors: FieldError[] = []
  if (email === '') errors.push({ field: 'email', message: 'accounts.user.errorEmailRequired' })
  else if (!isEmail(email)) errors.push({ field: 'email', message: 'accounts.errors.emailFormat' })
  if (name === '') errors.push({ field: 'name', message: 'accounts.user.errorNameRequired' })
  else if (name.length > 200) errors.push({ field: 'name', message: 'accounts.user.errorNameTooLong', values: { max: 200 } })
  const role = roles.find((r) => r === input.role) as Role | undefined
  if (!role) errors.push({ field: 'role', message: 'accounts.user.errorRoleRequired' })
  let organisationId: number | null = null
  if (input.organisation.trim() !== '') {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.organisation.trim()))
    if (!org) errors.push({ field: 'organisation', message: 'accounts.user.errorOrganisationUnknown' })
    else organisationId = org.id
  } else if (role === 'officer') {
    errors.push({ field: 'organisation', message: 'accounts.user.errorOfficerOrganisation' })
  }
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { email })
    if (problem) errors.push({ field: 'password', ...problem })
  }
  if (errors.length === 0 && (await findUserByEmail(tx, email))) errors.push(emailTaken)
  if (errors.length > 0 || !role) return invalid(errors)

  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null
  let userId: number
  try {
    // Two people adding one address at once: the second is told, and the use case goes on unharmed.
    const [user] = await withSavepoint(tx, (sp) =>
      sp
        .insert(users)
        .values({ email, name, role, organisationId, passwordHash, status: passwordHash ? 'active' : 'invited' })
        .returning({ id: users.id }),
    )
    userId = user!.id
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([emailTaken])
    throw error
  }
  let invitationLink: string | null = null
  const emailIds: number[] = []
  if (!passwordHash) {
    invitationLink = accountLink(input.baseUrl, await issueAccountToken(tx, userId, 'invitation'))
    emailIds.push(
      await queueEmail(tx, {
        to: email,
        // A new account is in English until its owner chooses: the site's default language.
        ...invitationEmail('en', { name, network: input.networkName, link: invitationLink, days: invitationTokenDays }),
      }),
    )
  }
  await recordAudit(tx, actor, {
    action: 'user-created',
    subjectType: 'user',
    subjectId: userId,
    summary: `Created ${role} account for ${email}${passwordHash ? '' : ' (invited)'}`,
    changes: { email, name, role, organisationId },
  })
  return ok({ userId, invitationLink, emailIds })
}
