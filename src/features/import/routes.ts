import fastifyMultipart from '@fastify/multipart'
import { inTransaction } from '../../db/unit-of-work.ts'
import { refused } from '../../lib/result.ts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { asForm, presentErrors, text } from '../../web/forms.ts'
import type { FieldError } from '../../web/forms.ts'
import type { Actor } from '../accounts/actor.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { presentForm } from '../case-studies/editor-present.ts'
import { loadFormChoices } from '../case-studies/editor-queries.ts'
import type { FormChoiceLists } from '../case-studies/editor-queries.ts'
import { readCaseStudyForm, validateCaseStudyForm } from '../case-studies/form.ts'
import type { CaseStudyFormValues } from '../case-studies/form.ts'
import { canCreateCaseStudy } from '../case-studies/policy.ts'
import { saveReviewedDraft } from './commands/save-reviewed-draft.ts'
import { createDocumentExtractor } from './extraction/document-extractor.ts'
import { findSourceUrl } from './find-source-url.ts'
import { findLikelyDuplicates } from './queries.ts'
import { openImportSession } from './import-session.ts'
import { readDocument } from './read-document.ts'
import { matchLabel, readStage, reviewOf, stageItems, warningsByField } from './review.ts'
import { findReview, keepReview, useUpReview } from './review-store.ts'
import type { ReviewState } from './review.ts'
import { multipartLimits, readMultipart } from './upload.ts'
import type { Upload } from './upload.ts'
import { warning } from './warning.ts'

const PASTED_LIMIT = 1_000_000

const reviewLapsed = 'import.error.reviewLapsed'

function renderUpload(request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], pasted = '', status = errors.length > 0 ? 400 : 200) {
  const { t } = request
  return reply.code(status).render('import/views/upload.njk', {
    title: t('import.upload.title'),
    section: 'dashboard',
    pageError: errors.length > 0,
    pasted,
    breadcrumbs: [{ text: t('navigation.yourWork'), href: '/dashboard' }],
    ...presentErrors(errors, t),
  })
}

interface Review {
  id: string
  state: ReviewState
}

function renderReview(
  request: FastifyRequest,
  reply: FastifyReply,
  values: CaseStudyFormValues,
  choices: FormChoiceLists,
  { id, state }: Review,
  errors: FieldError[] = [],
  extra: Record<string, number> = {},
) {
  const { t } = request
  const proposedName = (p: (typeof state.proposed)[number]) =>
    p.code ? t('import.review.proposedWithCode', { name: p.name, code: p.code }) : t('import.review.proposedUnverified', { name: p.name })
  const withProposed = {
    ...choices,
    organisations: [...state.proposed.map((p) => ({ id: p.id, name: proposedName(p), slug: '', member: false })), ...choices.organisations],
  }
  const form = presentForm(values, withProposed, t, request.locale, extra)
  // Matched principles show the words of the document that matched, so a wrong match is seen.
  const principleItems = form.principleItems.map((item) => {
    const matched = state.matches[item.value]
    return matched ? { ...item, hint: { text: t('import.review.principleFound', { text: matched }) } } : item
  })
  return reply.code(errors.length > 0 ? 400 : 200).render('import/views/review.njk', {
    title: t('import.review.title'),
    section: 'dashboard',
    pageError: errors.length > 0,
    ...form,
    principleItems,
    warnings: warningsByField(state.warnings, t),
    stageItems: stageItems(state.stage, t),
    warningCount: state.warnings.length,
    organisations: state.organisations.map((o) => ({ name: o.name, label: matchLabel(o, t) })),
    // The authorities' register asks for its source to be named wherever its data shows.
    attribution: state.organisations.some((o) => o.match === 'authority') ? t('import.review.attribution') : null,
    reviewId: id,
    breadcrumbs: [
      { text: t('navigation.yourWork'), href: '/dashboard' },
      { text: t('import.upload.title'), href: '/import' },
    ],
    ...presentErrors(errors, t),
  })
}

function uploadErrors(upload: Upload | null, pasted: string): FieldError[] {
  if (upload?.tooLarge) return [{ field: 'document', message: 'import.error.fileTooLarge' }]
  if (upload && pasted.trim()) return [{ field: 'document', message: 'import.error.fileAndText' }]
  if (!upload && !pasted.trim()) return [{ field: 'document', message: 'import.error.nothing' }]
  if (pasted.includes('\u0000truncated') || pasted.length > PASTED_LIMIT)
    return [{ field: 'text', message: 'import.error.textTooLong', values: { max: PASTED_LIMIT } }]
  return []
}

/** Upload or paste a document, review its reading, save it as a draft (issue 4). */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  // Registered here only: no other route takes multipart bodies.
  await app.register(fastifyMultipart, { limits: multipartLimits, attachFieldsToBody: false })
  // Documents are read in worker threads with memory and time limits: a zip bomb or a huge page
  // is refused there and never holds up anyone else's request.
  const extractor = createDocumentExtractor()
  app.addHook('onClose', () => extractor.close())
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.routeOptions.url === '/import') await readMultipart(request)
  })

  const permitted = (request: Parameters<typeof requireUser>[0]): Actor => {
    const actor = requireUser(request)
    authorize(canCreateCaseStudy(actor))
    return actor
  }

  app.get('/import', async (request, reply) => {
    permitted(request)
    return renderUpload(request, reply)
  })

  app.post('/import', async (request, reply) => {
    const actor = permitted(request)
    const form = asForm(request.body)
    const pasted = typeof form.text === 'string' ? form.text : ''
    const upload = request.upload ?? null
    const errors = uploadErrors(upload, pasted)
    if (errors.length > 0) return renderUpload(request, reply, errors, text(form, 'text', PASTED_LIMIT))
    const bytes = upload ? upload.bytes : Buffer.from(text(form, 'text', PASTED_LIMIT), 'utf8')
    const extracted = await extractor.extract(bytes, upload ? upload.fileName || 'the file' : 'pasted text.txt')
    if (!extracted.ok) return renderUpload(request, reply, [{ field: upload ? 'document' : 'text', message: extracted.error }], upload ? '' : pasted)
    const session = await openImportSession(app.deps.db)
    const reading = readDocument(extracted.text, session.ctx, extracted.title ? { title: extracted.title } : {})
    const sourceUrl = upload && /\.x?html?$/i.test(upload.fileName) ? findSourceUrl(upload.bytes) : null
    const { values, state } = reviewOf(reading, session, sourceUrl)
    // An officer's document with no lead found is taken to be about the officer's organisation.
    if (!values.leadId && actor.organisationId !== null) values.leadId = String(actor.organisationId)
    const lead = Number(values.leadId)
    const duplicates = await findLikelyDuplicates(app.deps.db, { id: 0, title: values.title, leadId: lead > 0 ? lead : null, year: reading.yearStart })
    for (const d of duplicates) {
      const key = d.reason === 'title' ? 'import.warning.duplicateTitle' : 'import.warning.duplicateLeadAndYear'
      state.warnings.push(warning('title', key, { title: d.title, url: `/case-studies/${d.slug}` }))
    }
    const id = await keepReview(app.deps.db, actor.id, state)
    return renderReview(request, reply, values, await loadFormChoices(app.deps.db), { id, state })
  })

  app.post('/import/save', async (request, reply) => {
    const actor = permitted(request)
    const form = asForm(request.body)
    const id = text(form, 'review', 100)
    const state = await findReview(app.deps.db, id, actor.id)
    if (!state) return renderUpload(request, reply, [{ field: 'document', message: reviewLapsed }], '', 410)
    state.stage = readStage(text(form, 'stage', 20))
    const review = { id, state }
    const values = readCaseStudyForm(form)
    const choices = await loadFormChoices(app.deps.db)
    const action = text(form, 'action', 40)
    const more = /^add-(participants|partners|funders)$/.exec(action)
    if (more) return renderReview(request, reply, values, choices, review, [], { [more[1]!]: 1 })
    // Only the organisations this reading proposed can be chosen, and only those chosen are created.
    const withProposed = {
      ...choices,
      organisations: [...state.proposed.map((p) => ({ id: p.id, name: p.name, slug: '', member: false })), ...choices.organisations],
    }
    const checked = validateCaseStudyForm(values, withProposed, { forSubmission: false })
    if (!checked.ok) return renderReview(request, reply, values, choices, review, checked.errors)
    const created = await inTransaction(app.deps.db, async (tx) => {
      // Used up in the same transaction: sending the page twice saves one draft.
      if (!(await useUpReview(tx, id, actor.id))) return refused(reviewLapsed, 'document')
      return saveReviewedDraft(tx, auditActor(actor), {
        snapshot: checked.snapshot,
        proposed: state.proposed,
        // Officers write for their own organisation; an editor's draft belongs to its lead member.
        owner: (s) => (actor.role === 'officer' ? actor.organisationId : (s.lead?.id ?? null)),
        contentHash: state.contentHash,
        sourceUrl: state.sourceUrl,
        stage: state.stage,
        source: 'an upload',
      })
    })
    if (!created.ok && created.errors[0]?.message === reviewLapsed) return renderUpload(request, reply, created.errors, '', 410)
    if (!created.ok) return renderReview(request, reply, values, choices, review, created.errors)
    return reply.redirect(`/case-studies/${created.value.slug}/edit?saved=created`, 303)
  })
}
