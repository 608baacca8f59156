import type { CaseStudyKind, PublicationStatus } from '../../../db/schema/enums.ts'

export interface DemoContact {
  name: string
  jobTitle: string
  /** Slug of one of the demo organisations. */
  organisation: string
  email?: string
  phone?: string
  /** Whether the person agreed that email and phone may be shown publicly. */
  publishContact: boolean
}

export interface DemoCaseStudy {
  slug: string
  title: string
  summary: string
  /** Markdown. */
  body: string
  kind: CaseStudyKind
  status?: PublicationStatus
  yearStart: number
  yearEnd?: number
  /** Markdown. */
  outcomes: string
  /** Organisation slugs by role. */
  lead: string
  participants?: string[]
  partners?: string[]
  funders?: string[]
  /** Principle slugs. */
  principles: string[]
  /** Theme names. */
  themes: string[]
  contact: DemoContact | null
  /** ISO date the case study was published. */
  publishedAt: string
  /** The language it is written in; English when not given. */
  language?: 'en' | 'cy'
  /** Slug of the demo case study (listed before it) this one is the version of in its language. */
  translationOf?: string
}
