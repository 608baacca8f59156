import { eq } from 'drizzle-orm'
import { users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { isLocale, type Locale } from '../../../i18n/locales.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { Actor } from '../actor.ts'
import { auditActor } from '../actor.ts'

/** A person's language: of the emails sent to them, and of the site when they sign in. */
export async function chooseLanguage(tx: Transaction, actor: Actor, input: { choice: string }): Promise<Result<{ language: Locale }>> {
  if (!isLocale(input.choice)) return invalid([{ field: 'language', message: 'account.language.errorRequired' }])
  const language = input.choice
  const [current] = await tx.select({ language: users.language }).from(users).where(eq(users.id, actor.id)).for('update')
  if (!current || current.language === language) return ok({ language })
  await tx.update(users).set({ language }).where(eq(users.id, actor.id))
  await recordAudit(tx, auditActor(actor), {
    action: 'language-chosen',
    subjectType: 'user',
    subjectId: actor.id,
    summary: language === 'cy' ? 'Chose Welsh' : 'Chose English',
    changes: { language: { before: current.language, after: language } },
  })
  return ok({ language })
}
