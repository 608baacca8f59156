import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { siteUrl } from '../../web/base-url.ts'
import { isSlug } from '../../lib/slug.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import type { Actor } from '../accounts/actor.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { createCaseStudy } from './commands/create-case-study.ts'
import { includeNewOrganisation } from './commands/include-new-organisation.ts'
import { saveFromTheForm } from './commands/save-from-the-form.ts'
import { saveLanguageAndTranslation, translationsOf } from './commands/save-translation.ts'
import { differencesIn, presentForm, presentSnapshotPage } from './editor-present.ts'
import { findCaseStudyBySlug, loadFormChoices, type CaseStudyRow, type FormChoiceLists } from './editor-queries.ts'
import { formValuesFromSnapshot, readCaseStudyForm, validateCaseStudyForm, type CaseStudyFormValues } from './form.ts'
import { canCreateCaseStudy, canEditCaseStudy } from './policy.ts'
import { latestReviewComment, latestSnapshot } from './revisions.ts'
import { diffSnapshots, type CaseStudySnapshot } from './snapshot.ts'

const emptySnapshot: CaseStudySnapshot = {
  language: 'en',
  title: '',
  summary: '',
  body: '',
  kind: 'case-study',
  yearStart: null,
  yearEnd: null,
  outcomes: '',
  principles: [],
  lead: null,
  participants: [],
  partners: [],
  funders: [],
  themes: [],
  contact: null,
}
const emptyValues = formValuesFromSnapshot(emptySnapshot)

/** "Add another …" buttons ask for one more empty organisation select without saving. */
function extraSelect(action: string): Record<string, number> {
  const match = /^add-(participants|partners|funders)$/.exec(action)
  return match ? { [match[1]!]: 1 } : {}
}

export async function loadEditable(app: FastifyInstance, request: FastifyRequest<{ Params: { slug: string } }>): Promise<{ actor: Actor; row: CaseStudyRow }> {
  const actor = requireUser(request)
  if (!isSlug(request.params.slug)) throw new NotFoundError()
  const row = await findCaseStudyBySlug(app.deps.db, request.params.slug)
  if (!row) throw new NotFoundError()
  authorize(canEditCaseStudy(actor, row))
  return { actor, row }
}

interface FormPage {
  request: FastifyRequest
  reply: FastifyReply
  choices: FormChoiceLists
  values: CaseStudyFormValues
  row: CaseStudyRow | null
  errors?: FieldError[]
  extra?: Record<string, number>
  previewHtml?: string
  conflict?: { revision: number; theirAuthor: string; differences: ReturnType<typeof differencesIn> }
  comment?: { body: string; authorLabel: string; createdAt: Date } | null
  baseRevision?: number
  savedMessage?: string
}

/** The banner after a save, by the `saved` of the address. */
const savedMessages: Record<string, string> = {
  created: 'editing.saved.created',
  saved: 'editing.saved.saved',
  unchanged: 'editing.saved.unchanged',
}

function renderForm(page: FormPage) {
  const { request, reply, row, errors = [] } = page
  const { t } = request
  const status = page.conflict ? 409 : errors.length > 0 ? 400 : 200
  return reply.code(status).render('case-studies/views/edit.njk', {
    title: row ? t('editing.form.titleEdit', { title: row.title }) : t('editing.form.titleNew'),
    section: 'dashboard',
    pageError: errors.length > 0,
    isNew: !row,
    action: row ? `/case-studies/${row.slug}/edit` : '/case-studies/new',
    slug: row?.slug,
    baseRevision: page.baseRevision ?? row?.revision ?? 0,
    previewHtml: page.previewHtml,
    conflict: page.conflict,
    comment: page.comment,
    savedMessage: page.savedMessage,
    breadcrumbs: [{ text: t('navigation.yourWork'), href: '/dashboard' }, ...(row ? [{ text: row.title, href: `/case-studies/${row.slug}/preview` }] : [])],
    ...presentForm(page.values, page.choices, t, request.locale, page.extra),
    ...presentErrors(errors, t),
  })
}

export async function caseStudyEditorRoutes(app: FastifyInstance): Promise<void> {
  app.get('/case-studies/new', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canCreateCaseStudy(actor))
    const choices = await loadFormChoices(app.deps.db)
    const lead = actor.organisationId !== null ? String(actor.organisationId) : ''
    return renderForm({ request, reply, choices, values: { ...emptyValues, leadId: lead }, row: null })
  })

  app.post('/case-studies/new', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canCreateCaseStudy(actor))
    const form = asForm(request.body)
    const action = text(form, 'action', 40)
    const values = readCaseStudyForm(form)
    const choices = await loadFormChoices(app.deps.db)
    if (action === 'preview') return renderForm({ request, reply, choices, values, row: null, previewHtml: renderMarkdown(values.body) })
    if (Object.keys(extraSelect(action)).length > 0) return renderForm({ request, reply, choices, values, row: null, extra: extraSelect(action) })
    const checked = validateCaseStudyForm(values, choices, { forSubmission: false })
    if (!checked.ok) return renderForm({ request, reply, choices, values, row: null, errors: checked.errors })
    // Officers write for their own organisation; an editor's draft belongs to its lead member.
    const owner = actor.role === 'officer' ? actor.organisationId : (checked.snapshot.lead?.id ?? null)
    const created = await inTransaction(app.deps.db, async (tx) => {
      const snapshot = await includeNewOrganisation(tx, auditActor(actor), checked.snapshot, checked.newOrganisation)
      if (!snapshot.ok) return snapshot
      const made = await createCaseStudy(tx, auditActor(actor), { snapshot: snapshot.value, ownerOrganisationId: owner })
      if (!made.ok) return made
      const linked = await saveLanguageAndTranslation(tx, {
        caseStudyId: made.value.id,
        language: snapshot.value.language ?? 'en',
        translationOf: values.translationOf,
      })
      return linked.ok ? made : linked
    })
    if (!created.ok) return renderForm({ request, reply, choices, values, row: null, errors: created.errors })
    return reply.redirect(`/case-studies/${created.value.slug}/edit?saved=created`, 303)
  })

  app.get<{ Params: { slug: string }; Querystring: { saved?: string } }>('/case-studies/:slug/edit', async (request, reply) => {
    const { row } = await loadEditable(app, request)
    const [choices, snapshot, comment, translations] = await Promise.all([
      loadFormChoices(app.deps.db),
      latestSnapshot(app.deps.db, row.id, row.revision),
      row.reviewState === 'changes-requested' ? latestReviewComment(app.deps.db, row.id) : Promise.resolve(null),
      translationsOf(app.deps.db, row.id),
    ])
    if (!snapshot) throw new NotFoundError()
    const values = formValuesFromSnapshot({ ...snapshot, language: row.language }, translations[0]?.title ?? '')
    const savedKey = request.query.saved ? savedMessages[request.query.saved] : undefined
    const savedMessage = savedKey ? request.t(savedKey) : undefined
    return renderForm({ request, reply, choices, values, row, comment, ...(savedMessage ? { savedMessage } : {}) })
  })

  app.post<{ Params: { slug: string } }>('/case-studies/:slug/edit', async (request, reply) => {
    const { actor, row } = await loadEditable(app, request)
    const form = asForm(request.body)
    const action = text(form, 'action', 40)
    const values = readCaseStudyForm(form)
    const baseRevision = Number(text(form, 'baseRevision', 12)) || 0
    const choices = await loadFormChoices(app.deps.db)
    const again = (extra: Partial<FormPage>) => renderForm({ request, reply, choices, values, row, baseRevision, ...extra })

    if (action === 'preview') return again({ previewHtml: renderMarkdown(values.body) })
    if (Object.keys(extraSelect(action)).length > 0) return again({ extra: extraSelect(action) })

    const submitting = action === 'submit'
    const checked = validateCaseStudyForm(values, choices, { forSubmission: submitting })
    if (!checked.ok) return again({ errors: checked.errors })

    const saved = await inTransaction(app.deps.db, (tx) =>
      saveFromTheForm(tx, actor, {
        caseStudyId: row.id,
        baseRevision,
        snapshot: checked.snapshot,
        newOrganisation: checked.newOrganisation,
        translationOf: values.translationOf,
        submit: submitting
          ? { reviewUrl: `${siteUrl(app.deps.config, request)}/admin/review/${row.slug}`, networkName: app.deps.config.networkName, submitterName: actor.name }
          : null,
      }),
    )
    if (!saved.ok && saved.reason === 'not-found') throw new NotFoundError()
    if (!saved.ok && saved.current) {
      // Nothing was overwritten: show both versions, keep what this person typed, let them choose.
      const theirs = saved.current
      return again({
        baseRevision: theirs.revision,
        conflict: {
          revision: theirs.revision,
          theirAuthor: theirs.theirAuthor,
          differences: differencesIn(diffSnapshots(theirs.theirs, checked.snapshot, request.t), request.locale, checked.snapshot.language ?? row.language),
        },
      })
    }
    if (!saved.ok) return again({ errors: saved.errors })
    await app.mailer.deliver(saved.value.emailIds)
    if (submitting) return reply.redirect(`/dashboard?submitted=${row.slug}`, 303)
    return reply.redirect(`/case-studies/${row.slug}/edit?saved=${saved.value.changed ? 'saved' : 'unchanged'}`, 303)
  })

  app.get<{ Params: { slug: string } }>('/case-studies/:slug/preview', async (request, reply) => {
    const { row } = await loadEditable(app, request)
    const [choices, snapshot] = await Promise.all([loadFormChoices(app.deps.db), latestSnapshot(app.deps.db, row.id, row.revision)])
    if (!snapshot) throw new NotFoundError()
    return reply.render('case-studies/views/preview.njk', {
      title: request.t('editing.preview.title', { title: snapshot.title }),
      section: 'dashboard',
      slug: row.slug,
      revision: row.revision,
      isPublic: row.status === 'published',
      cs: presentSnapshotPage(snapshot, choices, row.updatedAt, request.t, request.locale, row.language),
    })
  })
}
