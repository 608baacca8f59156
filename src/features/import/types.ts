// Public types of the case-study importer's pure core.

export type Kind = 'case-study' | 'policy-lab' | 'policy-prototype' | 'action-learning-set' | 'project'

/** Where the work stands in the network's programme, beside its kind (the schema's caseStudyStages). */
export type Stage = 'idea' | 'bid' | 'funded' | 'in-progress' | 'completed'

export type WarningField = 'title' | 'principles' | 'contact' | 'leadMember' | 'year' | 'kind' | 'body' | 'organisations'

export type WarningValues = Record<string, string | number>

/** Made by warning() (warning.ts): `message` is the English of `key` with `values`. */
export interface ReadingWarning {
  field: WarningField
  /** In English: the command line's and the logs' words. */
  message: string
  /** The catalogue key (import.warning.*) the review screen shows in its language; absent in a review stored before warnings had keys. */
  key?: string
  values?: WarningValues
}

export interface SubPointInput {
  name: string
  text: string
}

/** A principle as the database holds it; the extras only widen matching. */
export interface PrincipleInput {
  slug: string
  shortName: string
  statement: string
  /** Other published wordings of the statement (e.g. without a repeated tail). */
  aliases?: string[]
  subPoints?: SubPointInput[]
}

export interface MemberInput {
  slug: string
  name: string
  altNames?: string[]
}

export interface AuthorityInput {
  code: string
  officialName: string
  niceName: string
  altNames: string[]
  gssCode?: string
  /** Former authorities still match, but lose ties to current ones. */
  current?: boolean
}

export interface PrincipleMatch {
  slug: string
  shortName: string
  matchedText: string
  score: number
}

export interface Contact {
  name: string | null
  jobTitle: string | null
  organisation: string | null
  email?: string
  phone?: string
}

export type OrganisationMatch = { kind: 'member'; slug: string; code?: string } | { kind: 'authority'; code: string } | { kind: 'unverified' }

export type OrganisationRole = 'lead' | 'participant' | 'mentioned'

export interface ReadingOrganisation {
  name: string
  role: OrganisationRole
  match: OrganisationMatch
}

export interface Reading {
  title: string | null
  titleProposed: boolean
  summary: string
  bodyMarkdown: string
  kind: Kind | null
  kindText: string | null
  stage: Stage | null
  yearStart: number | null
  yearEnd: number | null
  principles: PrincipleMatch[]
  leadMember: string | null
  participatingMembers: string[]
  contact: Contact | null
  councils: string[]
  authorities: string[]
  organisations: ReadingOrganisation[]
  warnings: ReadingWarning[]
  contentHash: string
}

/** What the caller may know about the document beyond its text (e.g. an HTML <title>). */
export interface ReadingHints {
  title?: string
}

export type ExtractResult = { ok: true; text: string; title?: string } | { ok: false; error: string }

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] }
