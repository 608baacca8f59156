import { newToken } from '../../accounts/secrets.ts'
import { membershipApplications } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { ok, refused, type Result } from '../../../lib/result.ts'
import { queueEmail } from '../../email/outbox.ts'
import { organisationKey, organisationKindOf, type ApplicationInput } from '../application-rules.ts'
import { applicationReceivedEmail } from '../emails.ts'
import { findRegisterCouncil, openMembershipOfCouncil } from '../queries.ts'

export interface ApplyContext {
  language: Locale
  network: string
  /** The site's address, for the applicant's link. */
  baseUrl: string
  /** The fee the form showed, when one could be worked out. */
  quotedPence: number | null
}

/**
 * Records a request to join and emails the applicant its private link. A council that is a
 * member already, or an organisation with an application still open, is told so and nothing is stored.
 */
export async function applyToJoin(
  tx: Transaction,
  input: ApplicationInput,
  context: ApplyContext,
): Promise<Result<{ id: number; token: string; emailId: number }>> {
  let name = input.organisationName
  if (input.authorityCode) {
    const council = await findRegisterCouncil(tx, input.authorityCode)
    if (!council) return refused('join.errors.councilUnknown', 'council')
    name = council.officialName
    const member = await openMembershipOfCouncil(tx, input.authorityCode)
    if (member) return refused('join.refused.alreadyMember', 'council')
  }
  const { token, hash } = newToken()
  const key = organisationKey(input)
  let id: number
  try {
    id = await withSavepoint(tx, async (sp) => {
      const [row] = await sp
        .insert(membershipApplications)
        .values({
          tokenHash: hash,
          tier: input.tier,
          authorityCode: input.authorityCode,
          organisationName: name,
          organisationKind: input.kind,
          sitsOnAuthorityCode: input.sitsOnAuthorityCode,
          organisationKey: key,
          details: { contact: input.contact, sponsor: input.sponsor, decisionMaker: input.decisionMaker, organisationKind: organisationKindOf[input.kind] },
          contactName: input.contact.name,
          contactEmail: input.contact.email,
          language: context.language,
          quotedPence: context.quotedPence,
        })
        .returning({ id: membershipApplications.id })
      return row!.id
    })
  } catch (error) {
    if (isUniqueViolation(error)) return refused('join.refused.alreadyApplied', input.authorityCode ? 'council' : 'organisationName')
    throw error
  }
  const emailId = await queueEmail(tx, {
    to: input.contact.email,
    ...applicationReceivedEmail(context.language, {
      name: input.contact.name,
      organisation: name,
      network: context.network,
      link: `${context.baseUrl}/join/applications/${token}`,
    }),
  })
  return ok({ id, token, emailId })
}
