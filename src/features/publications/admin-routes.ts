import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { translator } from '../../i18n/catalogue.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, list, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { readMultipart } from '../import/upload.ts'
import { publishPack } from './commands/publish-pack.ts'
import { packEditionHtml } from './pack-html.ts'
import { assemblePack } from './pack-source.ts'
import { typesetOffThread } from './typeset-off-thread.ts'
import { packKinds, packMatters, packOrders } from './rules/pack-content.ts'
import { emptyPackForm, readPackForm, type PackFormRequest, type PackFormValues } from './rules/pack-form.ts'
import { coverDataUrl, coverFromDataUrl, coverMediaType, MAX_COVER_BYTES, readCoverChoice, readCoverImage, type CoverImage } from './rules/cover-image.ts'

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
    coverAlt: text(form, 'coverAlt', 2000),
    coverKept: text(form, 'coverKept', keptLimit),
    coverRemove: text(form, 'coverRemove', 10) === 'yes',
  }
}

/** A kept image is base64 (4 characters for 3 bytes) behind its data: prefix. */
const keptLimit = Math.ceil(MAX_COVER_BYTES / 3) * 4 + 100

const packPosts = new Set(['/admin/publications/packs/preview', '/admin/publications/packs'])

/** The form's fields, its cover image and the errors of both; a valid image is kept for the next page even when other fields are wrong. */
function readPage(request: FastifyRequest) {
  const values = readForm(request.body)
  const read = readPackForm(values)
  const upload = request.upload ?? null
  const cover = readCoverChoice({ upload, kept: values.coverKept, remove: values.coverRemove, alt: values.coverAlt })
  // A new file refused leaves the image chosen before in place.
  const image: CoverImage | null = cover.ok ? (cover.value?.image ?? null) : (cover.image ?? keptImage(values))
  values.coverKept = image ? coverDataUrl(image) : ''
  values.coverRemove = false
  const errors = [...(read.ok ? [] : read.errors), ...(cover.ok ? [] : cover.errors)]
  if (!read.ok || !cover.ok) return { values, errors, request: null, cover: null }
  return { values, errors, request: read.value, cover: cover.value }
}

function keptImage(values: PackFormValues): CoverImage | null {
  const bytes = values.coverRemove ? null : coverFromDataUrl(values.coverKept)
  const read = bytes ? readCoverImage(bytes) : null
  return read?.ok ? read.value : null
}

/**
 * The secretariat's annual pack: choose, preview as the HTML edition, publish (typeset, stored with
 * the revisions it printed). Registered inside the admin area, whose guard admits administrators.
 */
export async function publicationAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  // The form is multipart for its cover image: read in full before the CSRF check, as the importer's.
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_COVER_BYTES, files: 1, fields: 40, parts: 41, fieldSize: keptLimit },
    attachFieldsToBody: false,
  })
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && packPosts.has(request.routeOptions.url ?? '')) await readMultipart(request, new Set(['kinds', 'matters']))
  })

  function renderForm(
    reply: FastifyReply,
    values: PackFormValues,
    options: { errors?: FieldError[]; preview?: { html: string; lang: string | null; count: string } } = {},
  ) {
    const { t } = reply.request
    const errors = options.errors ?? []
    const item = (group: string, value: string, chosen: boolean) => ({ value, text: t(`publications.form.${group}.${value}`), checked: chosen })
    return reply.code(errors.length ? 400 : 200).render('publications/views/admin/pack-form.njk', {
      coverChosen: values.coverKept !== '',
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

  async function assemble(request: PackFormRequest, cover: { image: CoverImage; alt: string } | null, base: string) {
    const t = translator(request.language)
    return assemblePack(
      db,
      {
        ...request,
        coverImage: cover ? { alt: cover.alt, format: cover.image.format, width: cover.image.width, height: cover.image.height } : null,
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
    const page = readPage(request)
    if (!page.request) return renderForm(reply, page.values, { errors: page.errors })
    const { document, count } = await assemble(page.request, page.cover, siteUrl(app.deps.config, request))
    if (count === 0) return renderForm(reply, page.values, { errors: [{ field: 'year', message: 'publications.form.error.nothing' }] })
    return renderForm(reply, page.values, {
      preview: {
        html: packEditionHtml(document, page.values.coverKept || null),
        lang: document.lang === request.locale ? null : document.lang,
        count: request.t('publications.form.previewCount', { count }),
      },
    })
  })

  app.post('/admin/publications/packs', async (request, reply) => {
    const actor = requireUser(request)
    const page = readPage(request)
    if (!page.request) return renderForm(reply, page.values, { errors: page.errors })
    const { document, count } = await assemble(page.request, page.cover, siteUrl(app.deps.config, request))
    if (count === 0) return renderForm(reply, page.values, { errors: [{ field: 'year', message: 'publications.form.error.nothing' }] })
    const cover = page.cover?.image ?? null
    const pdf = await typesetOffThread(document, cover?.bytes ?? null).catch((error: unknown) => {
      // A pack the typesetter refuses is a fault of ours, not of the content: logged, and said plainly.
      request.log.error({ err: error }, 'the pack could not be typeset')
      return null
    })
    if (!pdf) return renderForm(reply, page.values, { errors: [{ field: '', message: 'publications.form.error.typesetting' }] })
    const result = await inTransaction(db, (tx) =>
      publishPack(tx, auditActor(actor), {
        request: page.request,
        document,
        pdf,
        cover: cover ? { bytes: cover.bytes, type: coverMediaType(cover.format) } : null,
      }),
    )
    if (!result.ok) return renderForm(reply, page.values, { errors: result.errors })
    return reply.redirect(`/publications/${result.value.slug}?published=1`, 303)
  })
}
