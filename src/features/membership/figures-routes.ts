// Councils' population and controllable budget, which price the Full tier: a list, and a form per
// council. The register's 2020 population is the starting figure until an administrator enters one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { listCouncilFigures } from './admin-queries.ts'
import { setCouncilFigures } from './commands/set-council-figures.ts'
import { figuresForCouncil } from './fee-quote.ts'
import { checkFiguresForm, type FiguresForm } from './figures-form.ts'
import { money } from './present.ts'
import { poundsString } from './rules/money.ts'

const codePattern = /^[A-Za-z0-9]{1,12}$/

export async function figuresRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps
  const crumbs = (t: FastifyRequest['t']) => breadcrumbsTo(t, t('adminMembership.title'), '/admin/membership')

  app.get('/admin/membership/figures', async (request, reply) => {
    const { t } = request
    const f = request.format
    const rows = await listCouncilFigures(db)
    const figure = (value: string | null, year: number | null, source: string | null) =>
      value === null
        ? { text: t('adminMembership.figures.none') }
        : { html: `${escapeHtml(value)}<br><span class="govuk-hint govuk-!-margin-bottom-0">${escapeHtml(`${year ?? ''}, ${source ?? ''}`)}</span>` }
    return reply.render('membership/views/admin/figures.njk', {
      title: t('adminMembership.figures.title'),
      section: 'admin',
      breadcrumbs: crumbs(t),
      banner:
        typeof asForm(request.query).saved === 'string' ? t('adminMembership.figures.saved', { code: String(asForm(request.query).saved).slice(0, 12) }) : null,
      rows: rows.map((r) => [
        { html: `<a class="govuk-link" href="/admin/membership/figures/${escapeHtml(r.code)}">${escapeHtml(r.name)}</a>` },
        r.population === null
          ? r.register_population
            ? {
                html: `${escapeHtml(f.number(r.register_population))}<br><span class="govuk-hint govuk-!-margin-bottom-0">${escapeHtml(t('adminMembership.figures.fromRegister'))}</span>`,
              }
            : { text: t('adminMembership.figures.none') }
          : figure(f.number(r.population), r.population_year, r.population_source),
        figure(r.budget_pence === null ? null : money(r.budget_pence, request.locale), r.budget_year, r.budget_source),
        { text: r.member ? t('admin.value.yes') : t('admin.value.no') },
      ]),
    })
  })

  async function renderForm(request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, values: FiguresForm | null, errors: FieldError[] = []) {
    const code = request.params.code.toUpperCase()
    const figures = codePattern.test(code) ? await figuresForCouncil(db, code) : null
    if (!figures) throw new NotFoundError()
    const { t } = request
    const shown: FiguresForm = values ?? {
      population: figures.population === null ? '' : String(figures.population),
      populationYear: figures.populationYear === null ? '' : String(figures.populationYear),
      populationSource: figures.populationSource ?? '',
      budget: figures.budgetPence === null ? '' : poundsString(figures.budgetPence),
      budgetYear: figures.budgetYear === null ? '' : String(figures.budgetYear),
      budgetSource: figures.budgetSource ?? '',
    }
    return reply.code(errors.length > 0 ? 400 : 200).render('membership/views/admin/figures-form.njk', {
      title: t('adminMembership.figures.formTitle', { council: figures.name }),
      section: 'admin',
      breadcrumbs: [...crumbs(t), { text: t('adminMembership.figures.title'), href: '/admin/membership/figures' }],
      pageError: errors.length > 0,
      council: figures.name,
      fromRegister: figures.fromRegister && figures.population !== null,
      action: `/admin/membership/figures/${code}`,
      values: shown,
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { code: string } }>('/admin/membership/figures/:code', async (request, reply) => renderForm(request, reply, null))

  app.post<{ Params: { code: string } }>('/admin/membership/figures/:code', async (request, reply) => {
    const code = request.params.code.toUpperCase()
    if (!codePattern.test(code) || !(await figuresForCouncil(db, code))) throw new NotFoundError()
    const form = asForm(request.body)
    const values: FiguresForm = {
      population: text(form, 'population', 100),
      populationYear: text(form, 'populationYear', 100),
      populationSource: text(form, 'populationSource', 1000),
      budget: text(form, 'budget', 100),
      budgetYear: text(form, 'budgetYear', 100),
      budgetSource: text(form, 'budgetSource', 1000),
    }
    const checked = checkFiguresForm(code, values)
    if (!checked.ok) return renderForm(request, reply, values, checked.errors)
    const actor = requireUser(request)
    await inTransaction(db, (tx) => setCouncilFigures(tx, auditActor(actor), checked.value))
    return reply.redirect(`/admin/membership/figures?saved=${code}`, 303)
  })
}
