import type { Executor } from '../../db/client.ts'
import { paidTiers } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { buildPackDocument, type PackDocument, type PackOptions } from './pack-document.ts'
import { packCandidates, packMembers, packPrinciples, packProjects } from './pack-queries.ts'
import { selectPack, packSize, type PackKind, type PackPeriod } from './rules/pack-content.ts'

// A pack from the database: the one place the web pages and the command line both build it.

export interface PackRequest extends PackOptions {
  language: Locale
  period: PackPeriod
  kinds: readonly PackKind[]
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

export async function assemblePack(
  db: Executor,
  request: PackRequest,
  t: Translate,
  site: { network: string; baseUrl: string },
): Promise<{ document: PackDocument; count: number }> {
  const principleRows = await packPrinciples(db)
  const welsh = request.language === 'cy'
  const principleNames = new Map(principleRows.map((p) => [p.id, (welsh && p.nameCy) || p.name]))
  const candidates = (await packCandidates(db)).map((c) => ({
    ...c,
    // The network's own wording of a principle in the pack's language; the revision kept the English.
    snapshot: { ...c.snapshot, principles: c.snapshot.principles.map((p) => ({ id: p.id, name: principleNames.get(p.id) ?? p.name })) },
  }))
  const sections = selectPack(candidates, {
    period: request.period,
    kinds: request.kinds,
    order: request.order,
    language: request.language,
    principleOrder: principleRows.map((p) => p.id),
  })
  const projectRows = request.matters.includes('projects') ? await packProjects(db, isoDate(request.period.from), isoDate(request.period.to)) : []
  const memberRows = request.matters.includes('members') ? await packMembers(db) : []
  const document = buildPackDocument(request.language, t, sections, request, {
    ...site,
    principles: principleRows.map((p) => ({ name: (welsh && p.nameCy) || p.name, statement: (welsh && p.statementCy) || p.statement })),
    projects: projectRows.map((p) => ({ title: p.title, lead: p.lead ?? '' })),
    members: paidTiers.map((tier) => ({ tier: t(`publications.pack.tier.${tier}`), names: memberRows.filter((m) => m.tier === tier).map((m) => m.name) })),
  })
  return { document, count: packSize(sections) }
}
