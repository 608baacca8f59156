import type { Database } from '../src/db/client.ts'
import type { CaseStudyKind, MembershipTier, OrganisationKind, PublicationStatus } from '../src/db/schema/enums.ts'
import { caseStudies, organisations, people, principles, themes } from '../src/db/schema/index.ts'
import { recordRowAsRevision } from '../src/features/case-studies/commands/record-revision.ts'
import { replaceCaseStudyLinks } from '../src/features/case-studies/commands/save-case-study-links.ts'

let sequence = 0
const next = () => ++sequence

export async function buildPrinciple(
  db: Database,
  over: Partial<{ slug: string; shortName: string; statement: string; position: number; shortNameCy: string | null; statementCy: string | null }> = {},
) {
  const n = next()
  const [row] = await db
    .insert(principles)
    .values({
      slug: over.slug ?? `principle-${n}`,
      shortName: over.shortName ?? `Principle ${n}`,
      statement: over.statement ?? `We will do the thing numbered ${n}.`,
      position: over.position ?? n,
      shortNameCy: over.shortNameCy ?? null,
      statementCy: over.statementCy ?? null,
    })
    .returning()
  return row!
}

export async function buildOrganisation(
  db: Database,
  over: Partial<{
    slug: string
    name: string
    kind: OrganisationKind
    tier: MembershipTier
    councilType: string | null
    region: string
    nation: string
    website: string | null
    verified: boolean
  }> = {},
) {
  const n = next()
  const [row] = await db
    .insert(organisations)
    .values({
      slug: over.slug ?? `organisation-${n}`,
      name: over.name ?? `Organisation ${n}`,
      kind: over.kind ?? 'council',
      tier: over.tier ?? 'full',
      councilType: over.councilType ?? null,
      region: over.region ?? 'North West',
      nation: over.nation ?? 'England',
      website: over.website ?? null,
      verified: over.verified ?? true,
    })
    .returning()
  return row!
}

export async function buildPerson(
  db: Database,
  over: Partial<{ name: string; jobTitle: string; organisationId: number; email: string; phone: string; publishContact: boolean }> = {},
) {
  const n = next()
  const [row] = await db
    .insert(people)
    .values({
      name: over.name ?? `Person ${n}`,
      jobTitle: over.jobTitle ?? 'Policy Officer',
      organisationId: over.organisationId ?? null,
      email: over.email ?? `person${n}@example.org`,
      phone: over.phone ?? '01632 960000',
      publishContact: over.publishContact ?? false,
    })
    .returning()
  return row!
}

export async function buildTheme(db: Database, name?: string) {
  const n = next()
  const [row] = await db
    .insert(themes)
    .values({ slug: `theme-${n}`, name: name ?? `Theme ${n}` })
    .returning()
  return row!
}

export interface CaseStudyOverrides {
  slug?: string
  title?: string
  summary?: string
  body?: string
  outcomes?: string
  kind?: CaseStudyKind
  status?: PublicationStatus
  yearStart?: number | null
  yearEnd?: number | null
  publishedAt?: Date | null
  contactPersonId?: number | null
  /** A lead organisation is built when none is given. */
  leadId?: number
  participantIds?: number[]
  partnerIds?: number[]
  funderIds?: number[]
  principleIds?: number[]
  themeIds?: number[]
  /** Whose officers may edit it; the lead by default. */
  ownerOrganisationId?: number | null
  language?: 'en' | 'cy'
  translationGroup?: number | null
}

/** A case study with its links; builds a lead organisation when none is given. */
export async function buildCaseStudy(db: Database, over: CaseStudyOverrides = {}) {
  const n = next()
  const leadId = over.leadId ?? (await buildOrganisation(db)).id
  const status = over.status ?? 'published'
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseStudies)
      .values({
        slug: over.slug ?? `case-study-${n}`,
        title: over.title ?? `Case study ${n}`,
        summary: over.summary ?? `Summary of case study ${n}.`,
        body: over.body ?? `## About the project\n\nBody of case study ${n}.`,
        outcomes: over.outcomes ?? '',
        kind: over.kind ?? 'case-study',
        status,
        yearStart: over.yearStart === undefined ? 2022 : over.yearStart,
        yearEnd: over.yearEnd ?? null,
        contactPersonId: over.contactPersonId ?? null,
        publishedAt: over.publishedAt === undefined ? (status === 'published' ? new Date(Date.UTC(2024, 0, (n % 28) + 1)) : null) : over.publishedAt,
        ownerOrganisationId: over.ownerOrganisationId === undefined ? leadId : over.ownerOrganisationId,
        language: over.language ?? 'en',
        translationGroup: over.translationGroup ?? null,
      })
      .returning()
    await replaceCaseStudyLinks(tx, row!.id, {
      principleIds: over.principleIds ?? [],
      organisations: [
        { organisationId: leadId, role: 'lead' },
        ...(over.participantIds ?? []).map((organisationId) => ({ organisationId, role: 'participant' as const })),
        ...(over.partnerIds ?? []).map((organisationId) => ({ organisationId, role: 'partner' as const })),
        ...(over.funderIds ?? []).map((organisationId) => ({ organisationId, role: 'funder' as const })),
      ],
      themeIds: over.themeIds ?? [],
    })
    const revision = await recordRowAsRevision(tx, row!.id, { id: null, label: 'test' }, 'loaded')
    return { ...row!, revision, publishedRevision: status === 'published' ? revision : null }
  })
}
