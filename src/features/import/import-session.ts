// Everything an import run looks up, loaded once and kept in memory: the reading context, the
// principles and organisations by key, taken slugs, known contacts. Looking these up per document
// would cost more round trips than writing the documents.

import { reservedCaseStudySlugs } from '../case-studies/reserved-slugs.ts'
import type { OrganisationKind } from '../../db/schema/enums.ts'
import { slugify } from '../../lib/slug.ts'
import { firstFreeSlug } from '../../lib/unique-slug.ts'
import type { NamedRef } from '../case-studies/snapshot.ts'
import { councilCore, plainName } from './organisation-index.ts'
import type { Database } from '../../db/client.ts'
import { loadReferenceData, loadTakenNames, type ReferenceData, type TakenNames } from './queries.ts'
import { buildReadingContext } from './reading-context.ts'
import type { ReadingContext } from './reading-context.ts'
import { TitleIndex } from './title-index.ts'
import type { OrganisationMatch } from './types.ts'

/** An organisation the import will create, keyed so one name is created once per run. */
export interface NewOrganisation {
  key: string
  name: string
  kind: OrganisationKind
  authorityCode: string | null
  gssCode: string | null
  councilType: string | null
  nation: string | null
  region: string | null
  verified: boolean
}

export type OrganisationTarget = { ref: NamedRef } | { create: NewOrganisation }

type Authority = ReferenceData['authorities'][number]

const GSS = /^[A-Z][0-9]{8}$/

/** The key under which a name without a match is looked up: "X Council" and "X" are the same. */
export function nameKey(name: string): string {
  return `n:${councilCore(name) || plainName(name)}`
}

/** A guess at what kind of body an unmatched name is, for the editor to confirm. */
export function guessKind(name: string): OrganisationKind {
  if (/\b(?:town|parish|community|neighbourhood|village)\s+council$/i.test(name)) return 'town-or-parish-council'
  if (/\bcouncillors\b|\bgroup$/i.test(name)) return 'councillor-group'
  if (/\bcombined authority$/i.test(name)) return 'combined-authority'
  if (/\bcouncil$/i.test(name)) return 'council'
  return 'organisation'
}

export class ImportSession {
  readonly ctx: ReadingContext
  /** Every case study's title, for flagging likely duplicates. */
  readonly titles = new TitleIndex()
  private readonly principles = new Map<string, NamedRef>()
  private readonly organisations = new Map<string, NamedRef>()
  private readonly authorities = new Map<string, Authority>()
  private readonly organisationSlugs = new Set<string>()
  private readonly caseStudySlugs: Set<string>
  private readonly people = new Map<string, number>()
  private readonly memberIds = new Set<number>()

  /** How much reference data the run reads against: with none, every principle or council is a warning. */
  readonly reference: { principles: number; authorities: number }

  constructor(data: ReferenceData, taken: TakenNames) {
    this.reference = { principles: data.principles.length, authorities: data.authorities.length }
    this.ctx = buildReadingContext({
      principles: data.principles.map((p) => ({ slug: p.slug, shortName: p.shortName, statement: p.statement })),
      members: data.organisations.filter((o) => o.tier !== 'none').map((o) => ({ slug: o.slug, name: o.name })),
      authorities: data.authorities.map((a) => ({
        code: a.code,
        officialName: a.officialName,
        niceName: a.niceName,
        altNames: a.altNames,
        current: a.current,
        ...(a.gssCode ? { gssCode: a.gssCode } : {}),
      })),
    })
    for (const p of data.principles) this.principles.set(p.slug, { id: p.id, name: p.shortName })
    for (const a of data.authorities) this.authorities.set(a.code, a)
    // Verified organisations first, so a name or code shared with an unverified one finds the real one.
    const ordered = [...data.organisations].sort((a, b) => Number(b.verified) - Number(a.verified))
    for (const o of ordered) {
      const ref = { id: o.id, name: o.name }
      this.organisationSlugs.add(o.slug)
      if (o.tier !== 'none') {
        this.remember(`m:${o.slug}`, ref)
        this.memberIds.add(o.id)
      }
      if (o.authorityCode) this.remember(`a:${o.authorityCode}`, ref)
      this.remember(nameKey(o.name), ref)
    }
    this.caseStudySlugs = new Set(reservedCaseStudySlugs)
    for (const c of taken.caseStudies) {
      this.caseStudySlugs.add(c.slug)
      this.titles.add(c)
    }
    for (const p of taken.people) this.rememberPerson(p.name, p.organisationId, p.id)
  }

  /** Whether a stored organisation is a member of the network (one this run creates never is). */
  isMember(id: number): boolean {
    return this.memberIds.has(id)
  }

  principle(slug: string): NamedRef | undefined {
    return this.principles.get(slug)
  }

  /** The organisation a name in the text stands for: one already stored, or one to create. */
  organisation(name: string, match: OrganisationMatch | null = null): OrganisationTarget {
    const m = match ?? this.match(name)
    if (m.kind === 'member') {
      const ref = this.organisations.get(`m:${m.slug}`)
      if (ref) return { ref }
    }
    const code = m.kind === 'authority' ? m.code : m.kind === 'member' ? m.code : undefined
    const authority = code ? this.authorities.get(code) : undefined
    if (code && authority) {
      const ref = this.organisations.get(`a:${code}`) ?? this.organisations.get(nameKey(authority.officialName))
      if (ref) return { ref }
      return {
        create: {
          key: `a:${code}`,
          name: authority.officialName,
          kind: authority.typeCode === 'COMB' || authority.typeCode === 'SRA' ? 'combined-authority' : 'council',
          authorityCode: code,
          gssCode: authority.gssCode && GSS.test(authority.gssCode) ? authority.gssCode : null,
          councilType: authority.typeName,
          nation: authority.nation,
          region: authority.region,
          verified: true,
        },
      }
    }
    const key = nameKey(name)
    const ref = this.organisations.get(key)
    if (ref) return { ref }
    return {
      create: {
        key,
        name: name.trim().slice(0, 200),
        kind: guessKind(name),
        authorityCode: null,
        gssCode: null,
        councilType: null,
        nation: null,
        region: null,
        verified: false,
      },
    }
  }

  private match(name: string): OrganisationMatch {
    const hit = this.ctx.organisations.lookup(name)
    if (hit?.memberSlug) return hit.code ? { kind: 'member', slug: hit.memberSlug, code: hit.code } : { kind: 'member', slug: hit.memberSlug }
    if (hit?.code) return { kind: 'authority', code: hit.code }
    return { kind: 'unverified' }
  }

  remember(key: string, ref: NamedRef): void {
    if (!this.organisations.has(key)) this.organisations.set(key, ref)
  }

  /** Remembers an organisation created by this run under every key it can be found by. */
  rememberCreated(created: NewOrganisation, ref: NamedRef, slug: string): void {
    this.remember(created.key, ref)
    this.remember(nameKey(created.name), ref)
    this.organisationSlugs.add(slug)
  }

  organisationSlug(name: string): string {
    const slug = firstFreeSlug(slugify(name), this.organisationSlugs)
    this.organisationSlugs.add(slug)
    return slug
  }

  /** A free slug for a new case study, reserved at once so a batch never picks one twice. */
  caseStudySlug(title: string): string {
    const slug = firstFreeSlug(slugify(title), this.caseStudySlugs)
    this.caseStudySlugs.add(slug)
    return slug
  }

  person(name: string, organisationId: number | null): number | undefined {
    return this.people.get(`${name}\u0000${organisationId ?? ''}`)
  }

  rememberPerson(name: string, organisationId: number | null, id: number): void {
    const key = `${name}\u0000${organisationId ?? ''}`
    if (!this.people.has(key)) this.people.set(key, id)
  }
}

/** A session for an import (the command line's run, or one upload), loaded from the database now. */
export async function openImportSession(db: Database): Promise<ImportSession> {
  return new ImportSession(await loadReferenceData(db), await loadTakenNames(db))
}
