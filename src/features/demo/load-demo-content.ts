import { and, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client.ts'
import { caseStudies, organisations, people, principles, themes } from '../../db/schema/index.ts'
import { slugify } from '../../lib/slug.ts'
import { commandLineActor } from '../audit/record-audit.ts'
import { recordRowAsRevision } from '../case-studies/commands/record-revision.ts'
import { replaceCaseStudyLinks } from '../case-studies/commands/save-case-study-links.ts'
import { loadDemoCalls } from '../co-production/demo-calls.ts'
import { demoCaseStudies } from './content/case-studies.ts'
import { demoOrganisations } from './content/organisations.ts'
import { demoPrinciples } from './content/principles.ts'
import type { DemoContact } from './content/types.ts'
import { londonDate, subscriptionYearOf } from '../membership/rules/subscription-year.ts'
import { loadDemoMemberships, type DemoMembershipContext } from './load-demo-memberships.ts'
import { loadDemoProjectActivity } from './load-demo-projects.ts'
import { loadDemoPastRound } from './load-demo-round.ts'
import { loadDemoEvents } from '../events/demo-events.ts'

export interface DemoCounts {
  principles: number
  organisations: number
  caseStudies: number
  memberships: number
}

/**
 * Where the demo is loaded: the subscription year today is in (the default year start, since the
 * loader may run without a config), and the network's name and address for the application's email.
 */
export function demoContext(over: Partial<DemoMembershipContext> = {}): DemoMembershipContext {
  return {
    year: over.year ?? subscriptionYearOf(londonDate(new Date())),
    network: over.network ?? 'Co-operative Councils Network',
    baseUrl: over.baseUrl ?? 'http://localhost:3000',
  }
}

/** True when nothing has been stored yet: start-up loads the demo only into an empty database. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const result = await db.execute<{ n: number }>(sql`SELECT ((SELECT count(*) FROM ${principles}) + (SELECT count(*) FROM ${caseStudies}))::int AS n`)
  return (result.rows[0]?.n ?? 0) === 0
}

async function upsertContact(tx: Executor, contact: DemoContact, organisationId: number): Promise<number> {
  const values = {
    name: contact.name,
    jobTitle: contact.jobTitle,
    organisationId,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    publishContact: contact.publishContact,
  }
  const [existing] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.name, contact.name), eq(people.organisationId, organisationId)))
  if (existing) {
    await tx
      .update(people)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(people.id, existing.id))
    return existing.id
  }
  const [created] = await tx.insert(people).values(values).returning({ id: people.id })
  return created!.id
}

/**
 * Loads the demo principles, members (with their memberships and the example fee schedules) and case studies, matching existing rows by slug, so running
 * it again updates instead of duplicating. One transaction: all of it or none.
 */
export async function loadDemoContent(
  db: Database,
  onProgress?: (done: number, total: number) => void,
  context: DemoMembershipContext = demoContext(),
): Promise<DemoCounts> {
  return db.transaction(async (tx) => {
    const principleIds = new Map<string, number>()
    for (const [index, p] of demoPrinciples.entries()) {
      const [row] = await tx
        .insert(principles)
        .values({ slug: p.slug, shortName: p.shortName, statement: p.statement, position: index + 1, shortNameCy: p.shortNameCy, statementCy: p.statementCy })
        .onConflictDoUpdate({
          target: principles.slug,
          set: {
            shortName: p.shortName,
            statement: p.statement,
            position: index + 1,
            shortNameCy: p.shortNameCy ?? null,
            statementCy: p.statementCy ?? null,
            updatedAt: new Date(),
          },
        })
        .returning({ id: principles.id })
      principleIds.set(p.slug, row!.id)
    }

    const organisationIds = new Map<string, number>()
    for (const o of demoOrganisations) {
      const values = {
        name: o.name,
        kind: o.kind,
        tier: o.tier,
        councilType: o.councilType ?? null,
        nation: o.nation ?? null,
        region: o.region ?? null,
        website: o.website ?? null,
        gssCode: o.gssCode ?? null,
      }
      const [row] = await tx
        .insert(organisations)
        .values({ slug: o.slug, ...values })
        .onConflictDoUpdate({ target: organisations.slug, set: { ...values, updatedAt: new Date() } })
        .returning({ id: organisations.id })
      organisationIds.set(o.slug, row!.id)
    }

    const members = []
    for (const o of demoOrganisations) {
      const id = organisationIds.get(o.slug)!
      const contactPersonId = o.membershipContact ? await upsertContact(tx, { ...o.membershipContact, organisation: o.slug, publishContact: false }, id) : null
      members.push({ organisation: o, id, contactPersonId })
    }
    const { memberships } = await loadDemoMemberships(tx, members, context)

    const themeIds = new Map<string, number>()
    for (const name of new Set(demoCaseStudies.flatMap((c) => c.themes))) {
      const [row] = await tx
        .insert(themes)
        .values({ slug: slugify(name), name })
        .onConflictDoUpdate({ target: themes.slug, set: { name } })
        .returning({ id: themes.id })
      themeIds.set(name, row!.id)
    }

    const need = <T>(map: Map<string, T>, key: string): T => {
      const value = map.get(key)
      if (value === undefined) throw new Error(`Demo content refers to unknown "${key}"`)
      return value
    }

    const caseStudyIds = new Map<string, number>()
    for (const [index, c] of demoCaseStudies.entries()) {
      const contactPersonId = c.contact ? await upsertContact(tx, c.contact, need(organisationIds, c.contact.organisation)) : null
      const status = c.status ?? 'published'
      const values = {
        title: c.title,
        summary: c.summary,
        body: c.body,
        kind: c.kind,
        status,
        yearStart: c.yearStart,
        yearEnd: c.yearEnd ?? null,
        outcomes: c.outcomes,
        contactPersonId,
        publishedAt: status === 'published' ? new Date(c.publishedAt) : null,
        createdAt: new Date(c.publishedAt),
        updatedAt: new Date(c.publishedAt),
        ownerOrganisationId: need(organisationIds, c.lead),
        reviewState: 'none' as const,
        language: c.language ?? 'en',
        // The original's id names the group of its versions.
        translationGroup: c.translationOf ? need(caseStudyIds, c.translationOf) : null,
      }
      const [row] = await tx
        .insert(caseStudies)
        .values({ slug: c.slug, ...values })
        .onConflictDoUpdate({ target: caseStudies.slug, set: values })
        .returning({ id: caseStudies.id })
      caseStudyIds.set(c.slug, row!.id)
      if (c.translationOf) {
        const original = need(caseStudyIds, c.translationOf)
        await tx.update(caseStudies).set({ translationGroup: original }).where(eq(caseStudies.id, original))
      }
      await replaceCaseStudyLinks(tx, row!.id, {
        principleIds: c.principles.map((slug) => need(principleIds, slug)),
        organisations: [
          { organisationId: need(organisationIds, c.lead), role: 'lead' as const },
          ...(c.participants ?? []).map((slug) => ({ organisationId: need(organisationIds, slug), role: 'participant' as const })),
          ...(c.partners ?? []).map((slug) => ({ organisationId: need(organisationIds, slug), role: 'partner' as const })),
          ...(c.funders ?? []).map((slug) => ({ organisationId: need(organisationIds, slug), role: 'funder' as const })),
        ],
        themeIds: c.themes.map((name) => need(themeIds, name)),
      })
      await recordRowAsRevision(tx, row!.id, commandLineActor, 'loaded')
      onProgress?.(index + 1, demoCaseStudies.length)
    }
    await loadDemoCalls(tx, principleIds)
    const pastRound = await loadDemoPastRound(
      tx,
      { principles: principleIds, organisations: organisationIds },
      { year: Number(londonDate(new Date()).slice(0, 4)), baseUrl: context.baseUrl, network: context.network },
    )
    if (pastRound) await loadDemoProjectActivity(tx, pastRound.bidIds)
    await loadDemoEvents(tx, { principles: principleIds, caseStudies: caseStudyIds, organisations: [...organisationIds.values()] })
    return { principles: demoPrinciples.length, organisations: demoOrganisations.length, caseStudies: demoCaseStudies.length, memberships }
  })
}
