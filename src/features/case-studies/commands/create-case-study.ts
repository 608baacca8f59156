import { like, or, eq } from 'drizzle-orm'
import type { Database, Executor } from '../../../db/client.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import { slugify } from '../../../lib/slug.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'
import { applySnapshot } from './apply-snapshot.ts'
import { recordRevision } from './record-revision.ts'

/** A slug from the title that no other case study has: "title", "title-2", "title-3"… */
export async function uniqueSlug(tx: Executor, title: string): Promise<string> {
  const base = slugify(title)
  const taken = new Set(
    (await tx.select({ slug: caseStudies.slug }).from(caseStudies).where(or(eq(caseStudies.slug, base), like(caseStudies.slug, `${base}-%`)))).map((r) => r.slug),
  )
  // Paths under /case-studies/ that are pages, not case studies.
  for (const reserved of ['new']) taken.add(reserved)
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/** A new draft owned by an organisation, with its first revision. */
export async function createCaseStudy(
  db: Database,
  actor: AuditActor,
  input: { snapshot: CaseStudySnapshot; ownerOrganisationId: number | null },
): Promise<{ id: number; slug: string }> {
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, input.snapshot.title)
    const [row] = await tx
      .insert(caseStudies)
      .values({ slug, title: input.snapshot.title, status: 'draft', revision: 1, ownerOrganisationId: input.ownerOrganisationId })
      .returning({ id: caseStudies.id })
    const id = row!.id
    await applySnapshot(tx, id, input.snapshot)
    await recordRevision(tx, { caseStudyId: id, number: 1, actor, action: 'created', snapshot: input.snapshot })
    await recordAudit(tx, actor, { action: 'case-study-created', subjectType: 'case-study', subjectId: id, summary: `Created draft “${input.snapshot.title}”`, changes: { slug } })
    return { id, slug }
  })
}
