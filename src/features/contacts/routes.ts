import { inTransaction } from '../../db/unit-of-work.ts'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { versionOf } from '../../lib/row-version.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { createContact } from './commands/create-contact.ts'
import { updateContact } from './commands/update-contact.ts'
import type { ContactInput } from './rules.ts'
import { findContact, listContacts, type Contact } from './queries.ts'
import { parseId } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo, savedBanner } from '../../web/admin-area.ts'
import { selectItems } from '../../web/select-items.ts'
import { listOrganisationChoices } from '../accounts/admin-queries.ts'
import type { Translate } from '../../i18n/catalogue.ts'

type Values = ContactInput & { version: string }

function readForm(body: unknown): Values {
  const form = asForm(body)
  return {
    name: text(form, 'name', 1000),
    jobTitle: text(form, 'jobTitle', 1000),
    organisation: text(form, 'organisation', 200),
    email: text(form, 'email', 1000),
    phone: text(form, 'phone', 200),
    publishContact: text(form, 'publishContact', 10) === 'yes',
    version: text(form, 'version', 100),
  }
}

const valuesOf = (c: Contact): Values => ({
  name: c.name,
  jobTitle: c.jobTitle ?? '',
  organisation: c.organisationSlug ?? '',
  email: c.email ?? '',
  phone: c.phone ?? '',
  publishContact: c.publishContact,
  version: versionOf(c.updatedAt),
})

const facts = (t: Translate, c: Contact) => {
  const row = (key: string, value: string | null) => ({ key: { text: t(key) }, value: { text: value || t('admin.value.notSet') } })
  return [
    row('contacts.index.name', c.name),
    row('contacts.index.jobTitle', c.jobTitle),
    row('contacts.index.organisation', c.organisationName),
    row('contacts.facts.email', c.email),
    row('contacts.facts.phone', c.phone),
    row('contacts.facts.public', t(c.publishContact ? 'admin.value.yes' : 'admin.value.no')),
  ]
}

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  async function renderForm(reply: FastifyReply, values: Values, options: { contact?: Contact; errors?: FieldError[]; conflict?: Contact | null } = {}) {
    const errors = options.errors ?? []
    const { contact } = options
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('contacts/views/form.njk', {
      title: contact ? t('contacts.form.titleEdit', { name: contact.name }) : t('contacts.form.titleNew'),
      heading: contact ? contact.name : t('contacts.form.titleNew'),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('contacts.index.title'), '/admin/contacts'),
      pageError: errors.length > 0,
      action: contact ? `/admin/contacts/${contact.id}` : '/admin/contacts',
      contact: contact ?? null,
      values,
      organisationItems: selectItems(
        (await listOrganisationChoices(db)).map((o) => ({ value: o.slug, text: o.name })),
        values.organisation,
        { blank: t('admin.value.none') },
      ),
      conflict: options.conflict ? facts(t, options.conflict) : null,
      ...presentErrors(errors, t),
    })
  }

  app.get('/admin/contacts', async (request, reply) => {
    const contacts = await listContacts(db)
    const { t } = request
    return reply.render('contacts/views/index.njk', {
      title: t('contacts.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      banner: savedBanner(request.query, contacts, (c) => t('contacts.index.saved', { name: c.name })),
      rows: contacts.map((c) => [
        { html: `<a class="govuk-link" href="/admin/contacts/${c.id}">${escapeHtml(c.name)}</a>` },
        { text: c.jobTitle ?? '' },
        { text: c.organisationName ?? '' },
        { text: [c.email, c.phone].filter(Boolean).join(', ') },
        { text: t(c.publishContact ? 'admin.value.yes' : 'admin.value.no') },
      ]),
    })
  })

  app.get('/admin/contacts/new', async (request, reply) => {
    return renderForm(reply, { name: '', jobTitle: '', organisation: '', email: '', phone: '', publishContact: false, version: '' })
  })

  app.post('/admin/contacts', async (request, reply) => {
    const values = readForm(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => createContact(tx, auditActor(actor), values))
    if (!result.ok) return renderForm(reply, values, { errors: result.errors })
    return reply.redirect(`/admin/contacts?saved=${result.value.id}`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/contacts/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const contact = await findContact(db, id)
    if (!contact) throw new NotFoundError()
    return renderForm(reply, valuesOf(contact), { contact })
  })

  app.post<{ Params: { id: string } }>('/admin/contacts/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const values = readForm(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => updateContact(tx, auditActor(actor), { id, ...values }))
    if (result.ok) return reply.redirect(`/admin/contacts?saved=${id}`, 303)
    const current = await findContact(db, id)
    if (!current) throw new NotFoundError()
    // After a conflict the form carries the newer version: saving again keeps what this person typed.
    const version = result.reason === 'conflict' ? versionOf(current.updatedAt) : values.version
    return renderForm(reply, { ...values, version }, { contact: current, errors: result.errors, conflict: result.reason === 'conflict' ? current : null })
  })
}
