import { sql } from 'drizzle-orm'
import { check, customType, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core'
import { locales as contentLanguages } from '../../i18n/locales.ts'
import { users } from './accounts.ts'
import { caseStudies } from './case-studies.ts'
import { caseStudyRevisions } from './editorial.ts'
import { sqlList } from './enums.ts'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

export const publicationKinds = ['pack'] as const
export const coverImageTypes = ['image/png', 'image/jpeg'] as const

/**
 * A published document of the network (the annual case-study pack). What it holds is frozen when
 * it is published: the pack's data (the HTML edition is drawn from it) and the PDF's bytes, so a
 * case study edited later changes neither; a new edition is a new row.
 */
export const publications = pgTable(
  'publications',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    kind: text('kind', { enum: publicationKinds }).notNull().default('pack'),
    title: text('title').notNull(),
    language: text('language', { enum: contentLanguages }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** 1 for the first pack of a period and language, then 2, 3… */
    edition: integer('edition').notNull().default(1),
    /** The choices it was made with (kinds, order, front and back matter, foreword, cover text). */
    options: jsonb('options').notNull(),
    /** The pack's data as typeset (PackDocument): the HTML edition shows it. */
    document: jsonb('document').notNull(),
    pdf: bytea('pdf').notNull(),
    /** The cover image as uploaded (PNG or JPEG, checked by its bytes); its alternative text is in the document. */
    coverImage: bytea('cover_image'),
    coverImageType: text('cover_image_type', { enum: coverImageTypes }),
    pdfBytes: integer('pdf_bytes').notNull(),
    pages: integer('pages').notNull(),
    publishedByUserId: integer('published_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('publications_kind_check', sql.raw(`kind IN (${sqlList(publicationKinds)})`)),
    check('publications_language_check', sql.raw(`language IN (${sqlList(contentLanguages)})`)),
    check('publications_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('publications_cover_image_type_check', sql.raw(`cover_image_type IN (${sqlList(coverImageTypes)})`)),
    check('publications_cover_image_check', sql`(${t.coverImage} IS NULL) = (${t.coverImageType} IS NULL)`),
    check('publications_period_check', sql`${t.periodTo} >= ${t.periodFrom}`),
    index('publications_published_idx').on(t.publishedAt),
  ],
)

/** Which revision of each case study a publication printed, in its order. */
export const publicationCaseStudies = pgTable(
  'publication_case_studies',
  {
    publicationId: integer('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    caseStudyId: integer('case_study_id').references(() => caseStudies.id, { onDelete: 'set null' }),
    revisionId: integer('revision_id').references(() => caseStudyRevisions.id, { onDelete: 'set null' }),
    revisionNumber: integer('revision_number').notNull(),
    /** The title as printed, kept if the case study is later deleted. */
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.position] }), index('publication_case_studies_case_study_idx').on(t.caseStudyId)],
)
