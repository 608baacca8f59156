import { eq } from 'drizzle-orm'
import type { Transaction } from '../../../db/unit-of-work.ts'
import type { Result } from '../../../lib/result.ts'
import { caseStudies, localAuthorities, organisations } from '../../../db/schema/index.ts'
import type { CaseStudyStage } from '../../../db/schema/enums.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { createCaseStudy } from '../../case-studies/commands/create-case-study.ts'
import type { CaseStudySnapshot, NamedRef } from '../../case-studies/snapshot.ts'
import { guessKind, nameKey } from '../import-session.ts'
import type { NewOrganisation } from '../import-session.ts'
import type { ProposedOrganisation } from '../review.ts'
import { createOrganisations } from './create-organisations.ts'
import { pickOrganisationSlug } from '../../organisations/commands/organisation-slugs.ts'

/**
 * Saves a reviewed reading as a new draft through createCaseStudy, in the transaction it is given.
 * The organisations the review proposed (negative ids) are created first — only those the person
 * kept — reusing one already stored under the same register code or name.
 */
export async function saveReviewedDraft(
  tx: Transaction,
  actor: AuditActor,
  input: {
    snapshot: CaseStudySnapshot
    proposed: ProposedOrganisation[]
    owner: (s: CaseStudySnapshot) => number | null
    contentHash: string
    sourceUrl: string | null
    stage: CaseStudyStage | null
    source: string
  },
): Promise<Result<{ id: number; slug: string }>> {
  const s = input.snapshot
  const used = new Set(
    [s.lead, ...s.participants, ...s.partners, ...s.funders, s.contact?.organisation ?? null].filter((r) => r !== null && r.id < 0).map((r) => r!.id),
  )
  const real = new Map<number, NamedRef>()
  if (used.size > 0) {
    const stored = await tx.select({ id: organisations.id, name: organisations.name, code: organisations.authorityCode }).from(organisations)
    const wanted: Array<{ id: number; create: NewOrganisation }> = []
    for (const p of input.proposed.filter((x) => used.has(x.id))) {
      const [authority] = p.code ? await tx.select().from(localAuthorities).where(eq(localAuthorities.code, p.code)) : []
      const found = stored.find((o) => (authority && o.code === authority.code) || nameKey(o.name) === nameKey(authority?.officialName ?? p.name))
      if (found) {
        real.set(p.id, { id: found.id, name: found.name })
        continue
      }
      wanted.push({
        id: p.id,
        create: authority
          ? {
              key: `a:${authority.code}`,
              name: authority.officialName,
              kind: authority.typeCode === 'COMB' || authority.typeCode === 'SRA' ? 'combined-authority' : 'council',
              authorityCode: authority.code,
              gssCode: authority.gssCode && /^[A-Z][0-9]{8}$/.test(authority.gssCode) ? authority.gssCode : null,
              councilType: authority.typeName,
              nation: authority.nation,
              region: authority.region,
              verified: true,
            }
          : {
              key: nameKey(p.name),
              name: p.name,
              kind: guessKind(p.name),
              authorityCode: null,
              gssCode: null,
              councilType: null,
              nation: null,
              region: null,
              verified: false,
            },
      })
    }
    const slugs = new Map<string, string>()
    for (const w of wanted) slugs.set(w.create.name, (await pickOrganisationSlug(tx, null, w.create.name, null)) ?? `organisation-${Date.now()}`)
    const created = await createOrganisations(
      tx,
      actor,
      wanted.map((w) => w.create),
      (name) => slugs.get(name)!,
      input.source,
    )
    for (const w of wanted) {
      const c = created.find((x) => x.organisation.key === w.create.key)
      if (c) real.set(w.id, c.ref)
    }
  }
  const fix = (r: NamedRef): NamedRef => (r.id < 0 ? (real.get(r.id) ?? r) : r)
  const snapshot: CaseStudySnapshot = {
    ...s,
    lead: s.lead ? fix(s.lead) : null,
    participants: s.participants.map(fix),
    partners: s.partners.map(fix),
    funders: s.funders.map(fix),
    contact: s.contact ? { ...s.contact, organisation: s.contact.organisation ? fix(s.contact.organisation) : null } : null,
  }
  const created = await createCaseStudy(tx, actor, { snapshot, ownerOrganisationId: input.owner(snapshot) })
  if (!created.ok) return created
  await tx
    .update(caseStudies)
    .set({ contentHash: input.contentHash || null, sourceUrl: input.sourceUrl, stage: input.stage })
    .where(eq(caseStudies.id, created.value.id))
  return created
}
