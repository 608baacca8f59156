import { sql } from 'drizzle-orm'
import { check, customType, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { locales as contentLanguages } from '../../i18n/locales.ts'
import { caseStudyKinds, caseStudyStages, organisationRoles, publicationStatuses, reviewStates, sqlList } from './enums.ts'
import { organisations, people } from './organisations.ts'
import { principles } from './principles.ts'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const caseStudies = pgTable(
  'case_studies',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    kind: text('kind', { enum: caseStudyKinds }).notNull().default('case-study'),
    status: text('status', { enum: publicationStatuses }).notNull().default('draft'),
    /** The programme stage a document gave (bid, funded…); null when it gave none. */
    stage: text('stage', { enum: caseStudyStages }),
    yearStart: integer('year_start'),
    yearEnd: integer('year_end'),
    outcomes: text('outcomes').notNull().default(''),
    contactPersonId: integer('contact_person_id').references(() => people.id, { onDelete: 'set null' }),
    /**
     * Names of the principles, organisations and themes linked to the case study, kept by the
     * commands that change those links, so the search vector can find them with the text.
     */
    searchExtra: text('search_extra').notNull().default(''),
    /**
     * What public search matches (title A; summary and search_extra B; body and outcomes C) and the
     * smaller vector it ranks by (title A, summary B). A trigger (migration 0004) fills both for
     * published rows only and leaves them null otherwise: drafts are never searched, and an import
     * of 10,000 drafts spent two thirds of its database time building vectors nobody reads.
     */
    searchVector: tsvector('search_vector'),
    rankVector: tsvector('rank_vector'),
    /**
     * Every facet value of a published case study ('p:<principle id>', 'k:<kind>', 'y:<year>',
     * 'm:<member id>', 't:<tier>', 'c:<council type>', 'n:<nation>', 'r:<region>', 'h:<theme id>'),
     * kept by triggers (migration 0005) from its links and its members' details, so a search
     * filters with one array test per facet and counts every facet in one pass. Null unless published.
     */
    facetKeys: text('facet_keys').array(),
    /** Number of the latest revision (the working copy). */
    revision: integer('revision').notNull().default(1),
    /** The revision shown to the public; null until first published and after unpublishing. */
    publishedRevision: integer('published_revision'),
    reviewState: text('review_state', { enum: reviewStates }).notNull().default('none'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The member organisation whose officers may edit it. */
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Where an imported document came from, and a hash of its normalised text, to re-import in place. */
    sourceUrl: text('source_url'),
    contentHash: text('content_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The language its content is written in; Welsh content is searched without stemming. */
    language: text('language', { enum: contentLanguages }).notNull().default('en'),
    /**
     * Case studies that are versions of one another in different languages share a group: the id
     * of one of them. The unique index keeps one version per language in a group.
     */
    translationGroup: integer('translation_group'),
  },
  (t) => [
    check('case_studies_kind_check', sql.raw(`kind IN (${sqlList(caseStudyKinds)})`)),
    check('case_studies_status_check', sql.raw(`status IN (${sqlList(publicationStatuses)})`)),
    check('case_studies_stage_check', sql.raw(`stage IS NULL OR stage IN (${sqlList(caseStudyStages)})`)),
    check('case_studies_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('case_studies_years_check', sql`${t.yearStart} IS NULL OR ${t.yearStart} BETWEEN 1900 AND 2200`),
    check('case_studies_year_order_check', sql`${t.yearEnd} IS NULL OR (${t.yearStart} IS NOT NULL AND ${t.yearEnd} BETWEEN ${t.yearStart} AND 2200)`),
    check('case_studies_revision_check', sql`${t.revision} >= 1`),
    check('case_studies_language_check', sql.raw(`language IN (${sqlList(contentLanguages)})`)),
    uniqueIndex('case_studies_translation_idx').on(t.translationGroup, t.language),
    check('case_studies_review_state_check', sql.raw(`review_state IN (${sqlList(reviewStates)})`)),
    index('case_studies_review_idx').on(t.reviewState, t.submittedAt),
    index('case_studies_owner_idx').on(t.ownerOrganisationId),
    index('case_studies_source_url_idx').on(t.sourceUrl),
    index('case_studies_content_hash_idx').on(t.contentHash),
    index('case_studies_search_idx').using('gin', t.searchVector),
    index('case_studies_rank_idx').using('gin', t.rankVector),
    index('case_studies_facets_idx').using('gin', t.facetKeys),
    index('case_studies_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('case_studies_status_published_idx').on(t.status, t.publishedAt),
  ],
)

export const caseStudyPrinciples = pgTable(
  'case_study_principles',
  {
    caseStudyId: integer('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    principleId: integer('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.caseStudyId, t.principleId] }), index('case_study_principles_principle_idx').on(t.principleId)],
)

export const caseStudyOrganisations = pgTable(
  'case_study_organisations',
  {
    caseStudyId: integer('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    role: text('role', { enum: organisationRoles }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.caseStudyId, t.organisationId, t.role] }),
    check('case_study_organisations_role_check', sql.raw(`role IN (${sqlList(organisationRoles)})`)),
    uniqueIndex('case_study_organisations_one_lead')
      .on(t.caseStudyId)
      .where(sql`role = 'lead'`),
    index('case_study_organisations_org_idx').on(t.organisationId, t.role),
  ],
)

export const themes = pgTable(
  'themes',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull().unique(),
  },
  (t) => [check('themes_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
)

export const caseStudyThemes = pgTable(
  'case_study_themes',
  {
    caseStudyId: integer('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.caseStudyId, t.themeId] }), index('case_study_themes_theme_idx').on(t.themeId)],
)

/**
 * The words of published case studies' titles, summaries and linked names, with how many use
 * each: "did you mean" suggests from them. Kept by a trigger on case_studies (migration 0005).
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
    documents: integer('documents').notNull(),
  },
  (t) => [index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
)
