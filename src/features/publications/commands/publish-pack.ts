import { and, count, eq, sql } from 'drizzle-orm'
import { publicationCaseStudies, publications } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { PackDocument } from '../pack-document.ts'
import type { PackPdf } from '../pack-pdf.ts'
import { packSlug, type PackFormRequest } from '../rules/pack-form.ts'

/**
 * Stores a typeset pack as a publication with the revisions it printed. The edition number is
 * counted under a lock on the period and language, so two people publishing at once get editions
 * 1 and 2, not one error.
 */
export async function publishPack(
  tx: Transaction,
  actor: AuditActor,
  input: { request: PackFormRequest; document: PackDocument; pdf: PackPdf; cover?: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' } | null },
): Promise<Result<{ slug: string }>> {
  const { request, document, pdf } = input
  const entries = document.sections.flatMap((s) => s.entries)
  if (entries.length === 0) return refused('publications.form.error.nothing', 'year')
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`publication:${request.from}:${request.to}:${request.language}`}))`)
  const [earlier] = await tx
    .select({ n: count() })
    .from(publications)
    .where(and(eq(publications.periodFrom, request.from), eq(publications.periodTo, request.to), eq(publications.language, request.language)))
  const edition = (earlier?.n ?? 0) + 1
  const slug = packSlug(request, edition)
  const [row] = await tx
    .insert(publications)
    .values({
      slug,
      kind: 'pack',
      title: document.title,
      language: request.language,
      periodFrom: request.from,
      periodTo: request.to,
      edition,
      options: { kinds: request.kinds, order: request.order, matters: request.matters, coverText: request.coverText, foreword: request.foreword },
      document,
      pdf: pdf.bytes,
      pdfBytes: pdf.bytes.length,
      coverImage: input.cover ? Buffer.from(input.cover.bytes) : null,
      coverImageType: input.cover?.type ?? null,
      pages: pdf.pages,
      publishedByUserId: actor.id,
    })
    .returning({ id: publications.id })
  await tx.insert(publicationCaseStudies).values(
    entries.map((e, i) => ({
      publicationId: row!.id,
      position: i + 1,
      caseStudyId: e.caseStudyId,
      revisionId: e.revisionId,
      revisionNumber: e.revisionNumber,
      title: e.title,
    })),
  )
  await recordAudit(tx, actor, {
    action: 'pack-published',
    subjectType: 'publication',
    subjectId: row!.id,
    summary: `Published ${document.title} (edition ${edition}, ${entries.length} case studies)`,
  })
  return ok({ slug })
}
