import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { caseStudies, people, themes } from '../../../db/schema/index.ts'
import { slugify } from '../../../lib/slug.ts'
import type { CaseStudySnapshot, ContactSnapshot } from '../snapshot.ts'
import { replaceCaseStudyLinks } from './save-case-study-links.ts'
import { leaveGroupIfLanguageTaken } from './save-translation.ts'

async function upsertContact(tx: Executor, contact: ContactSnapshot): Promise<number> {
  const organisationId = contact.organisation?.id ?? null
  const values = {
    name: contact.name,
    jobTitle: contact.jobTitle || null,
    organisationId,
    email: contact.email || null,
    phone: contact.phone || null,
    publishContact: contact.publishContact,
    updatedAt: new Date(),
  }
  const [existing] = await tx
    .select({ id: people.id })
    .from(people)
    .where(organisationId === null ? eq(people.name, contact.name) : and(eq(people.name, contact.name), eq(people.organisationId, organisationId)))
    .limit(1)
  if (existing) {
    await tx.update(people).set(values).where(eq(people.id, existing.id))
    return existing.id
  }
  const [created] = await tx.insert(people).values(values).returning({ id: people.id })
  return created!.id
}

async function themeIds(tx: Executor, names: string[]): Promise<number[]> {
  if (names.length === 0) return []
  for (const name of names) {
    await tx
      .insert(themes)
      .values({ slug: slugify(name), name })
      .onConflictDoNothing()
  }
  const rows = await tx
    .select({ id: themes.id })
    .from(themes)
    .where(inArray(themes.slug, names.map(slugify)))
  return rows.map((r) => r.id)
}

/** Makes the case study's row and links show this version (on publishing, or while never published). */
export async function applySnapshot(tx: Executor, caseStudyId: number, s: CaseStudySnapshot): Promise<void> {
  const contactPersonId = s.contact ? await upsertContact(tx, s.contact) : null
  const language = s.language ?? 'en'
  await leaveGroupIfLanguageTaken(tx, caseStudyId, language)
  await tx
    .update(caseStudies)
    .set({
      language,
      title: s.title,
      summary: s.summary,
      body: s.body,
      kind: s.kind,
      yearStart: s.yearStart,
      yearEnd: s.yearEnd,
      outcomes: s.outcomes,
      contactPersonId,
      updatedAt: new Date(),
    })
    .where(eq(caseStudies.id, caseStudyId))
  await replaceCaseStudyLinks(tx, caseStudyId, {
    principleIds: s.principles.map((p) => p.id),
    organisations: [
      ...(s.lead ? [{ organisationId: s.lead.id, role: 'lead' as const }] : []),
      ...s.participants.map((o) => ({ organisationId: o.id, role: 'participant' as const })),
      ...s.partners.map((o) => ({ organisationId: o.id, role: 'partner' as const })),
      ...s.funders.map((o) => ({ organisationId: o.id, role: 'funder' as const })),
    ],
    themeIds: await themeIds(tx, s.themes),
  })
}
