import { siteUrl } from '../../web/base-url.ts'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { versionOf } from '../../lib/row-version.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from './actor.ts'
import { createUser } from './commands/create-user.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { requireUser } from './guard.ts'
import { resendInvitation } from './commands/resend-invitation.ts'
import { updateUser } from './commands/update-user.ts'
import { parseId } from '../../web/address-numbers.ts'
import type { UserEditInput } from './account-edit-rules.ts'
import { accountStatusTag } from './present.ts'
import { adminBreadcrumbs, breadcrumbsTo, savedBanner } from '../../web/admin-area.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { selectItems } from '../../web/select-items.ts'
import { findAccount, listAccounts, listOrganisationChoices, type Account } from './admin-queries.ts'

interface InviteValues {
  email: string
  name: string
  role: string
  organisation: string
}

type EditValues = UserEditInput & { version: string }

const readInvite = (body: unknown): InviteValues => {
  const form = asForm(body)
  return { email: text(form, 'email', 320), name: text(form, 'name', 1000), role: text(form, 'role', 50), organisation: text(form, 'organisation', 200) }
}

const readEdit = (body: unknown): EditValues => {
  const form = asForm(body)
  return {
    name: text(form, 'name', 1000),
    role: text(form, 'role', 50),
    organisation: text(form, 'organisation', 200),
    status: text(form, 'status', 50),
    version: text(form, 'version', 100),
  }
}

const valuesOf = (account: Account): EditValues => ({
  name: account.name,
  role: account.role,
  organisation: account.organisationSlug ?? '',
  status: account.status === 'disabled' ? 'disabled' : 'active',
  version: versionOf(account.updatedAt),
})

const roleLabel = (t: Translate, role: Account['role']) => t(`accounts.role.${role}`)
const statusLabel = (t: Translate, status: Account['status']) => t(`adminUsers.status.${status}`)

/** The account as stored, for the summary at the top of the edit page and the conflict panel. */
function accountFacts(t: Translate, account: Account) {
  return [
    { key: { text: t('adminUsers.index.name') }, value: { text: account.name } },
    { key: { text: t('adminUsers.index.role') }, value: { text: roleLabel(t, account.role) } },
    { key: { text: t('adminUsers.index.organisation') }, value: { text: account.organisationName ?? t('admin.value.none') } },
    { key: { text: t('adminUsers.index.status') }, value: { text: statusLabel(t, account.status) } },
  ]
}

export async function userAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  const breadcrumbs = (t: Translate) => breadcrumbsTo(t, t('adminUsers.index.title'), '/admin/users')
  const organisationItems = async (t: Translate, selected: string) =>
    selectItems(
      (await listOrganisationChoices(db)).map((o) => ({ value: o.slug, text: o.name })),
      selected,
      { blank: t('admin.value.none') },
    )

  async function renderInvite(reply: FastifyReply, values: InviteValues, errors: FieldError[] = []) {
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('accounts/views/admin/new.njk', {
      title: t('adminUsers.new.title'),
      section: 'admin',
      breadcrumbs: breadcrumbs(t),
      pageError: errors.length > 0,
      values,
      organisationItems: await organisationItems(t, values.organisation),
      ...presentErrors(errors, t),
    })
  }

  async function renderEdit(
    reply: FastifyReply,
    account: Account,
    values: EditValues,
    options: { errors?: FieldError[]; conflict?: boolean; banner?: string | null } = {},
  ) {
    const errors = options.errors ?? []
    const { t, format } = reply.request
    return reply.code(errors.length ? 400 : 200).render('accounts/views/admin/edit.njk', {
      title: t('adminUsers.edit.title', { name: account.name }),
      section: 'admin',
      breadcrumbs: breadcrumbs(t),
      pageError: errors.length > 0,
      account,
      facts: [
        { key: { text: t('adminUsers.index.email') }, value: { text: account.email } },
        { key: { text: t('adminUsers.index.status') }, value: { text: statusLabel(t, account.status) } },
        { key: { text: t('adminUsers.index.lastSignedIn') }, value: { text: format.dateTime(account.lastSignInAt) || t('admin.value.never') } },
        { key: { text: t('adminUsers.edit.accountCreated') }, value: { text: format.dateTime(account.createdAt) } },
      ],
      conflict: options.conflict ? accountFacts(t, account) : null,
      values,
      organisationItems: await organisationItems(t, values.organisation),
      banner: options.banner ?? null,
      ...presentErrors(errors, t),
    })
  }

  app.get('/admin/users', async (request, reply) => {
    const accounts = await listAccounts(db)
    const { t, format } = request
    return reply.render('accounts/views/admin/index.njk', {
      title: t('adminUsers.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      banner:
        savedBanner(request.query, accounts, (a) => t('adminUsers.index.invited', { email: a.email }), 'invited') ??
        savedBanner(request.query, accounts, (a) => t('adminUsers.index.saved', { name: a.name })),
      rows: accounts.map((a) => [
        { html: `<a class="govuk-link" href="/admin/users/${a.id}">${escapeHtml(a.name)}</a>` },
        { text: a.email },
        { text: roleLabel(t, a.role) },
        { text: a.organisationName ?? '' },
        { html: `<strong class="govuk-tag ${accountStatusTag(a.status).classes}">${escapeHtml(statusLabel(t, a.status))}</strong>` },
        { text: format.dateTime(a.lastSignInAt) || t('admin.value.never') },
      ]),
    })
  })

  app.get('/admin/users/new', async (request, reply) => {
    return renderInvite(reply, { email: '', name: '', role: '', organisation: '' })
  })

  app.post('/admin/users', async (request, reply) => {
    const values = readInvite(request.body)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) =>
      createUser(tx, auditActor(actor), { ...values, baseUrl: siteUrl(app.deps.config, request), networkName: app.deps.config.networkName }),
    )
    if (!result.ok) return renderInvite(reply, values, result.errors)
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirect(`/admin/users?invited=${result.value.userId}`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/users/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const account = await findAccount(db, id)
    if (!account) throw new NotFoundError()
    return renderEdit(reply, account, valuesOf(account), {
      banner: savedBanner(request.query, [account], (a) => request.t('adminUsers.edit.resent', { email: a.email }), 'sent'),
    })
  })

  app.post<{ Params: { id: string } }>('/admin/users/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const values = readEdit(request.body)
    const actor = requireUser(request)
    const account = await findAccount(db, id)
    if (!account) throw new NotFoundError()
    const result = await inTransaction(db, (tx) => updateUser(tx, actor, { id, ...values }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (result.ok) return reply.redirect(`/admin/users?saved=${id}`, 303)
    // After a conflict the form carries the newer version: saving again keeps what this person typed.
    const conflict = result.reason === 'conflict'
    const current = conflict ? ((await findAccount(db, id)) ?? account) : account
    return renderEdit(reply, current, { ...values, version: conflict ? versionOf(current.updatedAt) : values.version }, { errors: result.errors, conflict })
  })

  app.post<{ Params: { id: string } }>('/admin/users/:id/resend-invitation', async (request, reply) => {
    const id = parseId(request.params.id)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) =>
      resendInvitation(tx, auditActor(actor), { id, baseUrl: siteUrl(app.deps.config, request), networkName: app.deps.config.networkName }),
    )
    if (!result.ok) {
      const account = await findAccount(db, id)
      if (!account) throw new NotFoundError()
      return renderEdit(reply, account, valuesOf(account), { errors: result.errors })
    }
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirect(`/admin/users/${id}?sent=${id}`, 303)
  })
}
