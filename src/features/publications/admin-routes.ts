import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { translator } from '../../i18n/catalogue.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, list, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { publishPack } from './commands/publish-pack.ts'
import { packEditionHtml } from './pack-html.ts'
import { assemblePack } from './pack-source.ts'
import { typesetOffThread } from './typeset-off-thread.ts'
import { packKinds, packMatters, packOrders } from './rules/pack-content.ts'
import { emptyPackForm, readPackForm, type PackFormRequest, type PackFormValues } from './rules/pack-form.ts'

function readForm(body: unknown): PackFormValues {
  const form = asForm(body)
  return {
    year: text(form, 'year', 20),
    from: text(form, 'from', 20),
    to: text(form, 'to', 20),
    kinds: list(form, 'kinds', 10),
    order: text(form, 'order', 20),
    language: text(form, 'language', 10),
    title: text(form, 'title', 1000),
    coverText: text(form, 'coverText', 5000),
    foreword: text(form, 'foreword', 50_000),
    matters: list(form, 'matters', 10),
  }
}

/**
 * The secretariat's annual pack: choose, preview as the HTML edition, publish (typeset, stored with
 * the revisions it printed). Registered inside the admin area, whose guard admits administrators.
 */
export async function publicationAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  function renderForm(
    reply: FastifyReply,
    values: PackFormValues,
    options: { errors?: FieldError[]; preview?: { html: string; lang: string | null; count: string } } = {},
  ) {
    const { t } = reply.request
    const errors = options.errors ?? []
    const item = (group: string, value: string, chosen: boolean) => ({ value, text: t(`publications.form.${group}.${value}`), checked: chosen })
    return reply.code(errors.length ? 400 : 200).render('publications/views/admin/pack-form.njk', {
      title: options.preview ? t('publications.form.previewTitle') : t('publications.form.titleNew'),
      heading: t('publications.form.titleNew'),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('publications.index.title'), '/publications'),
      pageError: errors.length > 0,
      values,
      choices: {
        kinds: packKinds.map((k) => item('kind', k, values.kinds.includes(k))),
        orders: packOrders.map((o) => item('orderBy', o, values.order === o)),
        languages: (['en', 'cy'] as const).map((l) => ({ ...item('lang', l, values.language === l), attributes: { lang: l } })),
        matters: packMatters.map((m) => item('matter', m, values.matters.includes(m))),
      },
      preview: options.preview ?? null,
      previewCount: options.preview?.count ?? null,
      ...presentErrors(errors, t),
    })
  }

  async function assemble(request: PackFormRequest, base: string) {
    const t = translator(request.language)
    return assemblePack(
      db,
      {
        ...request,
        title: request.title || (request.year !== null ? t('publications.pack.yearTitle', { year: request.year }) : t('publications.pack.defaultTitle')),
      },
      t,
      { network: app.deps.config.networkName, baseUrl: base },
    )
  }

  app.get('/admin/publications/packs/new', async (request, reply) => {
    return renderForm(reply, emptyPackForm(new Date().getUTCFullYear() - 1))
  })

  app.post('/admin/publications/packs/preview', async (request, reply) => {
    const values = readForm(request.body)
    const read = readPackForm(values)
    if (!read.ok) return renderForm(reply, values, { errors: read.errors })
    const { document, count } = await assemble(read.value, siteUrl(app.deps.config, request))
    if (count === 0) return renderForm(reply, values, { errors: [{ field: 'year', message: 'publications.form.error.nothing' }] })
    return renderForm(reply, values, {
      preview: {
        html: packEditionHtml(document),
        lang: document.lang === request.locale ? null : document.lang,
        count: request.t('publications.form.previewCount', { count }),
      },
    })
  })

  app.post('/admin/publications/packs', async (request, reply) => {
    const values = readForm(request.body)
    const actor = requireUser(request)
    const read = readPackForm(values)
    if (!read.ok) return renderForm(reply, values, { errors: read.errors })
    const { document, count } = await assemble(read.value, siteUrl(app.deps.config, request))
    if (count === 0) return renderForm(reply, values, { errors: [{ field: 'year', message: 'publications.form.error.nothing' }] })
    const pdf = await typesetOffThread(document).catch((error: unknown) => {
      // A pack the typesetter refuses is a fault of ours, not of the content: logged, and said plainly.
      request.log.error({ err: error }, 'the pack could not be typeset')
      return null
    })
    if (!pdf) return renderForm(reply, values, { errors: [{ field: '', message: 'publications.form.error.typesetting' }] })
    const result = await inTransaction(db, (tx) => publishPack(tx, auditActor(actor), { request: read.value, document, pdf }))
    if (!result.ok) return renderForm(reply, values, { errors: result.errors })
    return reply.redirect(`/publications/${result.value.slug}?published=1`, 303)
  })
}
