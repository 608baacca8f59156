import { and, eq, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'

// Versions of a case study in different languages share a translation group (the id of one of
// them); the database keeps one version per language in a group. The link is not versioned: it
// says which case studies are the same work, whichever revision of each is published.

/** The other versions of a case study, with their languages. */
export async function translationsOf(db: Executor, caseStudyId: number) {
  return db
    .select({ id: caseStudies.id, slug: caseStudies.slug, title: caseStudies.title, language: caseStudies.language, status: caseStudies.status })
    .from(caseStudies)
    .where(and(ne(caseStudies.id, caseStudyId), sql`${caseStudies.translationGroup} = (SELECT translation_group FROM case_studies WHERE id = ${caseStudyId})`))
}

/** Takes the case study out of its group; a group left with one version is no group. */
async function leaveGroup(tx: Executor, caseStudyId: number, group: number | null): Promise<void> {
  if (group === null) return
  await tx.update(caseStudies).set({ translationGroup: null }).where(eq(caseStudies.id, caseStudyId))
  await tx.execute(sql`
    UPDATE case_studies SET translation_group = NULL
    WHERE translation_group = ${group} AND (SELECT count(*) FROM case_studies WHERE translation_group = ${group}) = 1`)
}

/**
 * A version's language changed (a restore, a publication): it leaves a group that already has a
 * version in that language, rather than breaking the rule of one version per language.
 */
export async function leaveGroupIfLanguageTaken(tx: Executor, caseStudyId: number, language: Locale): Promise<void> {
  const [row] = await tx.select({ group: caseStudies.translationGroup }).from(caseStudies).where(eq(caseStudies.id, caseStudyId))
  if (!row || row.group === null) return
  const [taken] = await tx
    .select({ id: caseStudies.id })
    .from(caseStudies)
    .where(and(eq(caseStudies.translationGroup, row.group), ne(caseStudies.id, caseStudyId), eq(caseStudies.language, language)))
  if (taken) await leaveGroup(tx, caseStudyId, row.group)
}

/**
 * Finds the case study a person named as the original: by its address (slug, or a link to it) or
 * by its exact title. Null with an error key when there is none or the title names several.
 */
async function findNamed(tx: Executor, caseStudyId: number, typed: string): Promise<{ id: number } | { error: string }> {
  const slug = /([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(typed.toLowerCase())?.[1]
  if (slug && (typed.includes('/') || /^[a-z0-9-]+$/.test(typed))) {
    const [bySlug] = await tx.select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.slug, slug))
    if (bySlug && bySlug.id !== caseStudyId) return bySlug
  }
  const byTitle = await tx
    .select({ id: caseStudies.id })
    .from(caseStudies)
    .where(and(sql`lower(${caseStudies.title}) = lower(${typed})`, ne(caseStudies.id, caseStudyId)))
    .limit(2)
  if (byTitle.length === 1) return byTitle[0]!
  return { error: byTitle.length === 0 ? 'editing.error.translationOf.notFound' : 'editing.error.translationOf.several' }
}

/**
 * Sets the case study's language and what it is a translation of ('' for nothing), in the form's
 * transaction. The named case study must be in the other language and have no version in this one.
 */
export async function saveLanguageAndTranslation(
  tx: Transaction,
  input: { caseStudyId: number; language: Locale; translationOf: string },
): Promise<Result<{ changed: boolean }>> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return invalid([{ field: 'translationOf', message: 'editing.error.translationOf.notFound', values: { typed: input.translationOf } }])
  const current = (await translationsOf(tx, row.id))[0] ?? null
  const typed = input.translationOf.trim()
  let target: { id: number } | null = null
  if (typed !== '') {
    // The one already linked is named by its title on the form, whatever other case study shares it.
    const found = current && current.title.toLowerCase() === typed.toLowerCase() ? current : await findNamed(tx, row.id, typed)
    if ('error' in found) return invalid([{ field: 'translationOf', message: found.error, values: { typed } }])
    target = found
  }
  const languageChanged = row.language !== input.language
  if (target === null) {
    if (current) await leaveGroup(tx, row.id, row.translationGroup)
    if (languageChanged) await tx.update(caseStudies).set({ language: input.language }).where(eq(caseStudies.id, row.id))
    return ok({ changed: languageChanged || current !== null })
  }
  const [other] = await tx.select().from(caseStudies).where(eq(caseStudies.id, target.id)).for('update')
  if (!other) return invalid([{ field: 'translationOf', message: 'editing.error.translationOf.notFound', values: { typed } }])
  if (other.language === input.language) {
    return invalid([{ field: 'translationOf', message: `editing.error.translationOf.sameLanguage.${input.language}`, values: { title: other.title } }])
  }
  if (other.translationGroup !== null && other.translationGroup !== row.translationGroup) {
    const [taken] = await tx
      .select({ title: caseStudies.title })
      .from(caseStudies)
      .where(and(eq(caseStudies.translationGroup, other.translationGroup), eq(caseStudies.language, input.language)))
    if (taken)
      return invalid([
        { field: 'translationOf', message: 'editing.error.translationOf.alreadyTranslated', values: { title: other.title, translation: taken.title } },
      ])
  }
  if (current && current.id === other.id && !languageChanged) return ok({ changed: false })
  if (row.translationGroup !== null && row.translationGroup !== other.translationGroup) await leaveGroup(tx, row.id, row.translationGroup)
  const group = other.translationGroup ?? other.id
  if (other.translationGroup === null) await tx.update(caseStudies).set({ translationGroup: group }).where(eq(caseStudies.id, other.id))
  await tx.update(caseStudies).set({ language: input.language, translationGroup: group }).where(eq(caseStudies.id, row.id))
  return ok({ changed: true })
}
