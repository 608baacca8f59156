import { inTransaction } from '../../db/unit-of-work.ts'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { membershipTiers, organisationKinds } from '../../db/schema/enums.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { versionOf } from '../../lib/row-version.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { createOrganisation } from './commands/create-organisation.ts'
import { updateOrganisation } from './commands/update-organisation.ts'
import { organisationKindLabel, tierLabel } from '../../web/organisation-display.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { nations, type OrganisationInput } from './rules.ts'
import { findOrganisationById, listAllOrganisations, type OrganisationRow } from './admin-queries.ts'
import { parseId } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo, savedBanner } from '../../web/admin-area.ts'
import { selectItems } from '../../web/select-items.ts'

type Values = OrganisationInput & { version: string }

function readForm(body: unknown): Values {
  const form = asForm(body)
  return {
    name: text(form, 'name', 1000),
    slug: text(form, 'slug', 1000),
    kind: text(form, 'kind', 100),
    tier: text(form, 'tier', 100),
    councilType: text(form, 'councilType', 1000),
    nation: text(form, 'nation', 200),
    region: text(form, 'region', 1000),
    gssCode: text(form, 'gssCode', 100),
    website: text(form, 'website', 2000),
    verified: text(form, 'verified', 10) === 'yes',
    version: text(form, 'version', 100),
  }
}

const valuesOf = (o: OrganisationRow): Values => ({
  name: o.name,
  slug: o.slug,
  kind: o.kind,
  tier: o.tier,
  councilType: o.councilType ?? '',
  nation: o.nation ?? '',
  region: o.region ?? '',
  gssCode: o.gssCode ?? '',
  website: o.website ?? '',
  verified: o.verified,
  version: versionOf(o.updatedAt),
})

/** A nation's name in the page's language; one stored before the list existed stays as it is. */
const nationLabel = (t: Translate, nation: string) => ((nations as readonly string[]).includes(nation) ? t(`adminOrganisations.nation.${nation}`) : nation)

/** Region and nation, as the members' list shows them, the nation in the page's language. */
function placeIn(t: Translate, o: { region: string | null; nation: string | null }): string {
  const nation = o.nation ? nationLabel(t, o.nation) : null
  if (o.region && o.nation && o.region !== o.nation) return `${o.region}, ${nation}`
  return o.region ?? nation ?? ''
}

/** The organisation as stored, for the conflict panel. */
function facts(t: Translate, o: OrganisationRow) {
  const row = (key: string, value: string | null) => ({ key: { text: t(key) }, value: { text: value || t('admin.value.notSet') } })
  return [
    row('adminOrganisations.index.name', o.name),
    row('adminOrganisations.form.slug', `/members/${o.slug}`),
    row('adminOrganisations.index.kind', organisationKindLabel(t, o.kind)),
    row('adminOrganisations.index.membership', tierLabel(t, o.tier)),
    row('adminOrganisations.facts.councilType', o.councilType),
    row('adminOrganisations.facts.nation', o.nation && nationLabel(t, o.nation)),
    row('adminOrganisations.index.region', o.region),
    row('adminOrganisations.facts.gssCode', o.gssCode),
    row('adminOrganisations.facts.website', o.website),
    row('adminOrganisations.index.verified', t(o.verified ? 'admin.value.yes' : 'admin.value.no')),
  ]
}

export async function organisationAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  async function renderForm(
    reply: FastifyReply,
    values: Values,
    options: { organisation?: OrganisationRow; errors?: FieldError[]; conflict?: OrganisationRow | null } = {},
  ) {
    const errors = options.errors ?? []
    const { organisation } = options
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('organisations/views/admin/form.njk', {
      title: organisation ? t('adminOrganisations.form.titleEdit', { name: organisation.name }) : t('adminOrganisations.form.titleNew'),
      heading: organisation ? organisation.name : t('adminOrganisations.form.titleNew'),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('adminOrganisations.index.title'), '/admin/organisations'),
      pageError: errors.length > 0,
      action: organisation ? `/admin/organisations/${organisation.id}` : '/admin/organisations',
      organisation: organisation ?? null,
      values,
      kindItems: organisationKinds.map((k) => ({ value: k, text: organisationKindLabel(t, k), checked: values.kind === k })),
      tierItems: selectItems(
        membershipTiers.map((tier) => ({ value: tier, text: tierLabel(t, tier) })),
        values.tier,
        { blank: t('adminOrganisations.form.selectTier') },
      ),
      nationItems: selectItems(
        nations.map((n) => ({ value: n, text: nationLabel(t, n) })),
        values.nation,
        { blank: t('admin.value.notSet'), keep: organisation?.nation ?? null },
      ),
      conflict: options.conflict ? facts(t, options.conflict) : null,
      ...presentErrors(errors, t),
    })
  }

  app.get('/admin/organisations', async (request, reply) => {
    const organisations = await listAllOrganisations(db)
    const { t } = request
    return reply.render('organisations/views/admin/index.njk', {
      title: t('adminOrganisations.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      banner: savedBanner(request.query, organisations, (o) => t('adminOrganisations.index.saved', { name: o.name })),
      count: organisations.length,
      rows: organisations.map((o) => [
        { html: `<a class="govuk-link" href="/admin/organisations/${o.id}">${escapeHtml(o.name)}</a>` },
        { text: organisationKindLabel(t, o.kind) },
        { text: tierLabel(t, o.tier) },
        {
          html: o.verified
            ? escapeHtml(t('admin.value.yes'))
            : `<strong class="govuk-tag govuk-tag--yellow">${escapeHtml(t('adminOrganisations.index.notVerified'))}</strong>`,
        },
        { text: placeIn(t, o) },
      ]),
    })
  })

  app.get('/admin/organisations/new', async (request, reply) => {
    const blank = { name: '', slug: '', kind: 'council', tier: 'none', councilType: '', nation: '', region: '', gssCode: '', website: '' }
    return renderForm(reply, { ...blank, verified: true, version: '' })
  })

  app.post('/admin/organisations', async (request, reply) => {
    const values = readForm(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => createOrganisation(tx, auditActor(actor), values))
    if (!result.ok) return renderForm(reply, values, { errors: result.errors })
    return reply.redirect(`/admin/organisations?saved=${result.value.id}`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/organisations/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const organisation = await findOrganisationById(db, id)
    if (!organisation) throw new NotFoundError()
    return renderForm(reply, valuesOf(organisation), { organisation })
  })

  app.post<{ Params: { id: string } }>('/admin/organisations/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const values = readForm(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => updateOrganisation(tx, auditActor(actor), { id, ...values }))
    if (result.ok) return reply.redirect(`/admin/organisations?saved=${id}`, 303)
    const current = await findOrganisationById(db, id)
    if (!current) throw new NotFoundError()
    // After a conflict the form carries the newer version: saving again keeps what this person typed.
    const version = result.reason === 'conflict' ? versionOf(current.updatedAt) : values.version
    return renderForm(reply, { ...values, version }, { organisation: current, errors: result.errors, conflict: result.reason === 'conflict' ? current : null })
  })
}
