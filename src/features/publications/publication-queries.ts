import { asc, desc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { publicationCaseStudies, publications } from '../../db/schema/index.ts'
import type { PackDocument } from './pack-document.ts'

const listed = {
  id: publications.id,
  slug: publications.slug,
  title: publications.title,
  language: publications.language,
  edition: publications.edition,
  pdfBytes: publications.pdfBytes,
  pages: publications.pages,
  publishedAt: publications.publishedAt,
}

export async function listPublications(db: Executor) {
  return db.select(listed).from(publications).orderBy(desc(publications.publishedAt), desc(publications.id))
}

export async function findPublication(db: Executor, slug: string) {
  const [row] = await db
    .select({ ...listed, document: publications.document, coverImageType: publications.coverImageType })
    .from(publications)
    .where(eq(publications.slug, slug))
  return row ? { ...row, document: row.document as PackDocument } : null
}

export async function publicationPdf(db: Executor, slug: string): Promise<{ pdf: Buffer; title: string } | null> {
  const [row] = await db.select({ pdf: publications.pdf, title: publications.title }).from(publications).where(eq(publications.slug, slug))
  return row ?? null
}

export async function publicationCover(db: Executor, slug: string): Promise<{ bytes: Buffer; type: string } | null> {
  const [row] = await db.select({ bytes: publications.coverImage, type: publications.coverImageType }).from(publications).where(eq(publications.slug, slug))
  return row?.bytes && row.type ? { bytes: row.bytes, type: row.type } : null
}

export async function publicationContents(db: Executor, publicationId: number) {
  return db
    .select({ caseStudyId: publicationCaseStudies.caseStudyId, revisionNumber: publicationCaseStudies.revisionNumber, title: publicationCaseStudies.title })
    .from(publicationCaseStudies)
    .where(eq(publicationCaseStudies.publicationId, publicationId))
    .orderBy(asc(publicationCaseStudies.position))
}
