import { inTransaction } from '../../db/unit-of-work.ts'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { versionOf } from '../../lib/row-version.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { createPrinciple } from './commands/create-principle.ts'
import { updatePrinciple } from './commands/update-principle.ts'
import type { PrincipleInput } from './rules.ts'
import { parseId } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo, savedBanner } from '../../web/admin-area.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { findPrincipleById, listPrincipleRevisions, listPrinciplesForAdmin, type PrincipleRow } from './admin-queries.ts'

type Values = PrincipleInput & { version: string }

function readForm(body: unknown): Values {
  const form = asForm(body)
  return {
    shortName: text(form, 'shortName', 1000),
    slug: text(form, 'slug', 1000),
    statement: text(form, 'statement', 10_000),
    position: text(form, 'position', 100),
    shortNameCy: text(form, 'shortNameCy', 1000),
    statementCy: text(form, 'statementCy', 10_000),
    version: text(form, 'version', 100),
  }
}

const valuesOf = (p: PrincipleRow): Values => ({
  shortName: p.shortName,
  slug: p.slug,
  statement: p.statement,
  position: String(p.position),
  shortNameCy: p.shortNameCy ?? '',
  statementCy: p.statementCy ?? '',
  version: versionOf(p.updatedAt),
})

/** A principle's English wording is content: marked lang="en" on a page in another language (its Welsh wording is always marked lang="cy"). */
const englishContentOn = (locale: Locale): { lang?: 'en' } => (locale === 'en' ? {} : { lang: 'en' })

const inEnglish = (text: string, locale: Locale) => (locale === 'en' ? { text } : { html: `<span lang="en">${escapeHtml(text)}</span>` })

const facts = (t: Translate, locale: Locale, p: PrincipleRow) => [
  { key: { text: t('adminPrinciples.index.shortName') }, value: inEnglish(p.shortName, locale) },
  { key: { text: t('adminPrinciples.index.slug') }, value: { text: `/principles/${p.slug}` } },
  { key: { text: t('adminPrinciples.form.statement') }, value: inEnglish(p.statement, locale) },
  { key: { text: t('adminPrinciples.index.position') }, value: { text: String(p.position) } },
]

export async function principleAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  async function renderForm(
    reply: FastifyReply,
    values: Values,
    options: { principle?: PrincipleRow; errors?: FieldError[]; conflict?: PrincipleRow | null } = {},
  ) {
    const errors = options.errors ?? []
    const { principle } = options
    const revisions = principle ? await listPrincipleRevisions(db, principle.id) : []
    const { t, format, locale } = reply.request
    return reply.code(errors.length ? 400 : 200).render('principles/views/admin/form.njk', {
      title: principle ? t('adminPrinciples.form.titleEdit', { name: principle.shortName }) : t('adminPrinciples.form.titleNew'),
      heading: principle ? principle.shortName : t('adminPrinciples.form.titleNew'),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('adminPrinciples.index.title'), '/admin/principles'),
      pageError: errors.length > 0,
      action: principle ? `/admin/principles/${principle.id}` : '/admin/principles',
      principle: principle ?? null,
      values,
      conflict: options.conflict ? facts(t, locale, options.conflict) : null,
      englishContent: englishContentOn(locale),
      revisions: revisions.map((r) => {
        const replaced = { when: format.dateTime(r.createdAt), source: r.source === 'admin' ? t('adminPrinciples.form.sourceAdmin') : r.source }
        return {
          ...r,
          replaced: r.changedBy ? t('adminPrinciples.form.replacedBy', { ...replaced, name: r.changedBy }) : t('adminPrinciples.form.replaced', replaced),
        }
      }),
      ...presentErrors(errors, t),
    })
  }

  app.get('/admin/principles', async (request, reply) => {
    const principles = await listPrinciplesForAdmin(db)
    const { t, format, locale } = request
    const lang = englishContentOn(locale).lang
    return reply.render('principles/views/admin/index.njk', {
      title: t('adminPrinciples.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      banner: savedBanner(request.query, principles, (p) => t('adminPrinciples.index.saved', { name: p.shortName })),
      rows: principles.map((p) => [
        { text: format.number(p.position), format: 'numeric' },
        { html: `<a class="govuk-link" href="/admin/principles/${p.id}"${lang ? ` lang="${lang}"` : ''}>${escapeHtml(p.shortName)}</a>` },
        { text: `/principles/${p.slug}` },
        { text: format.dateTime(p.updatedAt) },
      ]),
    })
  })

  app.get('/admin/principles/new', async (request, reply) => {
    return renderForm(reply, { shortName: '', slug: '', statement: '', position: '', shortNameCy: '', statementCy: '', version: '' })
  })

  app.post('/admin/principles', async (request, reply) => {
    const values = readForm(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => createPrinciple(tx, auditActor(actor), values))
    if (!result.ok) return renderForm(reply, values, { errors: result.errors })
    return reply.redirect(`/admin/principles?saved=${result.value.id}`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/principles/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const principle = await findPrincipleById(db, id)
    if (!principle) throw new NotFoundError()
    return renderForm(reply, valuesOf(principle), { principle })
  })

  app.post<{ Params: { id: string } }>('/admin/principles/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const values = readForm(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => updatePrinciple(tx, auditActor(actor), { id, ...values }))
    if (result.ok) return reply.redirect(`/admin/principles?saved=${id}`, 303)
    const current = await findPrincipleById(db, id)
    if (!current) throw new NotFoundError()
    // After a conflict the form carries the newer version: saving again keeps what this person typed.
    const version = result.reason === 'conflict' ? versionOf(current.updatedAt) : values.version
    return renderForm(reply, { ...values, version }, { principle: current, errors: result.errors, conflict: result.reason === 'conflict' ? current : null })
  })
}
