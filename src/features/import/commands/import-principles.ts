import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { caseStudyPrinciples, principleRevisions, principles } from '../../../db/schema/index.ts'
import { slugify } from '../../../lib/slug.ts'
import { firstFreeSlug } from '../../../lib/unique-slug.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { refreshSearchExtra } from '../../case-studies/commands/save-case-study-links.ts'
import type { PrincipleRow } from '../parse-principles-json.ts'

export interface PrinciplesImportResult {
  added: string[]
  updated: string[]
  unchanged: string[]
  /** Principles in the database that the file does not name: kept as they are. */
  notInFile: string[]
}

/**
 * The statement as stored: sub-points joined inline with "•", the way the pages print them, so
 * the matcher (which splits inline sub-points) knows them without a column of their own.
 */
export function storedStatement(row: PrincipleRow): string {
  const subs = row.subPoints.map((s) => (s.text ? `${s.name}: ${s.text}` : s.name))
  return [row.statement, ...subs].join(' • ')
}

/**
 * Adds new principles and updates existing ones matched by short name (any case), in one
 * transaction. Before any change the old wording goes to principle_revisions, so case studies
 * can still be read against what they met at the time. Running it again changes nothing.
 */
export async function importPrinciples(db: Database, actor: AuditActor, rows: readonly PrincipleRow[], source: string): Promise<PrinciplesImportResult> {
  return db.transaction(async (tx) => {
    const current = await tx.select().from(principles).orderBy(asc(principles.position)).for('update')
    const byName = new Map(current.map((p) => [p.shortName.toLowerCase(), p]))
    const slugs = new Set(current.map((p) => p.slug))
    const result: PrinciplesImportResult = { added: [], updated: [], unchanged: [], notInFile: [] }
    const seen = new Set<number>()

    for (const row of rows) {
      const statement = storedStatement(row)
      const existing = byName.get(row.shortName.toLowerCase())
      if (!existing) {
        const slug = firstFreeSlug(slugify(row.shortName), slugs)
        slugs.add(slug)
        const [inserted] = await tx
          .insert(principles)
          .values({ slug, shortName: row.shortName, statement, position: row.order })
          .returning({ id: principles.id })
        await recordAudit(tx, actor, {
          action: 'principle-created',
          subjectType: 'principle',
          subjectId: inserted!.id,
          summary: `Added principle ${row.shortName} from ${source}`,
          changes: { shortName: { before: null, after: row.shortName }, position: { before: null, after: row.order } },
        })
        result.added.push(row.shortName)
        continue
      }
      seen.add(existing.id)
      const after = { shortName: row.shortName, statement, position: row.order }
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => existing[k] !== after[k])
      if (changed.length === 0) {
        result.unchanged.push(row.shortName)
        continue
      }
      await tx.insert(principleRevisions).values({
        principleId: existing.id,
        shortName: existing.shortName,
        statement: existing.statement,
        position: existing.position,
        changedByUserId: actor.id,
        source,
      })
      await tx
        .update(principles)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(principles.id, existing.id))
      if (changed.includes('shortName')) {
        const linked = await tx
          .select({ id: caseStudyPrinciples.caseStudyId })
          .from(caseStudyPrinciples)
          .where(eq(caseStudyPrinciples.principleId, existing.id))
        await refreshSearchExtra(
          tx,
          linked.map((r) => r.id),
        )
      }
      await recordAudit(tx, actor, {
        action: 'principle-updated',
        subjectType: 'principle',
        subjectId: existing.id,
        summary: `Changed ${changed.join(', ')} of principle ${row.shortName} from ${source}`,
        changes: Object.fromEntries(changed.map((k) => [k, { before: String(existing[k]).slice(0, 500), after: String(after[k]).slice(0, 500) }])),
      })
      result.updated.push(row.shortName)
    }
    result.notInFile = current.filter((p) => !seen.has(p.id)).map((p) => p.shortName)
    return result
  })
}
