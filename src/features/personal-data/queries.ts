import { and, asc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { auditEvents, emails, eventFeedback, eventRegistrations, organisations, people, users } from '../../db/schema/index.ts'
import { personalDataSources, userReferences } from './sources.ts'

type Row = Record<string, unknown>

export interface PersonalData {
  exportedAt: string
  account: Row & { organisation: Row | null }
  /** Rows of each table that names the account, by section (sources.ts). */
  records: Record<string, Row[]>
  auditEntriesAboutThem: Row[]
  emailsSentToThem: Row[]
  /** Contact records of organisations with the account's email address. */
  contactRecords: Row[]
  /** Answers to events' feedback forms, from registrations of the account or its email address. */
  eventFeedbackGiven: Row[]
}

const without = (row: Row, columns: string[] = []): Row => Object.fromEntries(Object.entries(row).filter(([key]) => !columns.includes(key)))

/** Everything coophub holds about an account, or null when there is none. */
export async function collectPersonalData(db: Executor, userId: number, now = new Date()): Promise<PersonalData | null> {
  const [account] = await db.select().from(users).where(eq(users.id, userId))
  if (!account) return null
  const [organisation] = account.organisationId
    ? await db
        .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, account.organisationId))
    : []

  const records: Record<string, Row[]> = {}
  for (const reference of userReferences()) {
    const source = personalDataSources[reference.key]
    if (!source) throw new Error(`No personal-data source for ${reference.key}`)
    const rows = (await db.select().from(reference.table).where(eq(reference.column, userId))) as Row[]
    records[source.section] = rows.map((row) => without(row, source.withhold))
  }

  const about = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, String(userId))))
    .orderBy(asc(auditEvents.id))
  const sent = await db.select().from(emails).where(eq(emails.toAddress, account.email)).orderBy(asc(emails.id))
  const contacts = await db
    .select()
    .from(people)
    .where(eq(sql`lower(${people.email})`, account.email))

  // Feedback hangs off a registration, not an account: a person may have registered signed out.
  const feedback = await db
    .select({ feedback: eventFeedback })
    .from(eventFeedback)
    .innerJoin(eventRegistrations, eq(eventRegistrations.id, eventFeedback.registrationId))
    .where(sql`${eventRegistrations.userId} = ${userId} OR lower(${eventRegistrations.email}) = ${account.email.toLowerCase()}`)
    .orderBy(asc(eventFeedback.id))

  return {
    exportedAt: now.toISOString(),
    account: { ...without(account, ['passwordHash']), hasPassword: account.passwordHash !== null, organisation: organisation ?? null },
    records,
    auditEntriesAboutThem: about,
    emailsSentToThem: sent,
    contactRecords: contacts,
    eventFeedbackGiven: feedback.map((r) => without(r.feedback as Row, ['tokenHash'])),
  }
}
