import { like, or, eq } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import { slugify } from '../../../lib/slug.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'
import { reservedCaseStudySlugs } from '../reserved-slugs.ts'
import { applySnapshot } from './apply-snapshot.ts'
import { recordRevision } from './record-revision.ts'

/** A slug from the title that no other case study has: "title", "title-2", "title-3"… */
export async function uniqueSlug(tx: Executor, title: string): Promise<string> {
  const base = slugify(title)
  const taken = new Set(
    (
      await tx
        .select({ slug: caseStudies.slug })
        .from(caseStudies)
        .where(or(eq(caseStudies.slug, base), like(caseStudies.slug, `${base}-%`)))
    ).map((r) => r.slug),
  )
  for (const reserved of reservedCaseStudySlugs) taken.add(reserved)
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/** Inserts the row under a free slug; when someone takes the slug meanwhile, looks again. */
async function insertWithFreeSlug(tx: Transaction, title: string, ownerOrganisationId: number | null): Promise<{ id: number; slug: string }> {
  for (let attempt = 1; ; attempt++) {
    const slug = await uniqueSlug(tx, title)
    try {
      const [row] = await withSavepoint(tx, (sp) =>
        sp.insert(caseStudies).values({ slug, title, status: 'draft', revision: 1, ownerOrganisationId }).returning({ id: caseStudies.id }),
      )
      return { id: row!.id, slug }
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
}

/** A new draft owned by an organisation, with its first revision. */
export async function createCaseStudy(
  tx: Transaction,
  actor: AuditActor,
  input: { snapshot: CaseStudySnapshot; ownerOrganisationId: number | null },
): Promise<Result<{ id: number; slug: string }>> {
  const { id, slug } = await insertWithFreeSlug(tx, input.snapshot.title, input.ownerOrganisationId)
  await applySnapshot(tx, id, input.snapshot)
  await recordRevision(tx, { caseStudyId: id, number: 1, actor, action: 'created', snapshot: input.snapshot })
  await recordAudit(tx, actor, {
    action: 'case-study-created',
    subjectType: 'case-study',
    subjectId: id,
    summary: `Created draft “${input.snapshot.title}”`,
    changes: { slug },
  })
  return ok({ id, slug })
}
