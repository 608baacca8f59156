// The public side of membership: /join (tiers, the fee calculator, the application form) and an
// applicant's own page, reached only through the link emailed to them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { paidTiers, type PaidTier } from '../../db/schema/enums.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { selectItems } from '../../web/select-items.ts'
import { hashToken } from '../accounts/secrets.ts'
import { checkApplication, kindsByTier, type ApplicationForm } from './application-rules.ts'
import { applyToJoin } from './commands/apply-to-join.ts'
import { quoteFee, scheduleForYear, type Quote } from './fee-quote.ts'
import { currentYear } from './run-context.ts'
import { presentApplication, presentQuote } from './present.ts'
import { findApplicationByTokenHash, listRegisterCouncils } from './queries.ts'
import { penceOf } from './rules/money.ts'
import { yearLabel } from './rules/subscription-year.ts'

const blankForm: ApplicationForm = {
  tier: '',
  kind: '',
  council: '',
  organisationName: '',
  sitsOn: '',
  contactName: '',
  contactJobTitle: '',
  contactEmail: '',
  contactPhone: '',
  consent: false,
  sponsorName: '',
  sponsorJobTitle: '',
  sponsorEmail: '',
  decisionMakerName: '',
  decisionMakerRole: '',
}

function readApplication(body: unknown): ApplicationForm {
  const form = asForm(body)
  const tier = text(form, 'tier', 40)
  return {
    tier,
    // Each tier's kinds are their own radios, so a kind chosen under another tier is not carried over.
    kind: text(form, `kind-${tier}`, 60),
    council: text(form, 'council', 20).trim().toUpperCase(),
    organisationName: text(form, 'organisationName', 1000),
    sitsOn: text(form, 'sitsOn', 20).trim().toUpperCase(),
    contactName: text(form, 'contactName', 1000),
    contactJobTitle: text(form, 'contactJobTitle', 1000),
    contactEmail: text(form, 'contactEmail', 1000),
    contactPhone: text(form, 'contactPhone', 1000),
    consent: text(form, 'consent', 10) === 'yes',
    sponsorName: text(form, 'sponsorName', 1000),
    sponsorJobTitle: text(form, 'sponsorJobTitle', 1000),
    sponsorEmail: text(form, 'sponsorEmail', 1000),
    decisionMakerName: text(form, 'decisionMakerName', 1000),
    decisionMakerRole: text(form, 'decisionMakerRole', 1000),
  }
}

interface CalculatorValues {
  tier: string
  council: string
  population: string
  budget: string
}

const isTier = (v: string): v is PaidTier => (paidTiers as readonly string[]).includes(v)

/** The fee calculator's question from the query string, and what is wrong with it. */
function readCalculator(query: unknown): {
  values: CalculatorValues
  asked: boolean
  errors: FieldError[]
  population: number | null
  budgetPence: number | null
} {
  const q = asForm(query)
  const values = {
    tier: text(q, 'tier', 40),
    council: text(q, 'council', 20).trim().toUpperCase(),
    population: text(q, 'population', 40).trim(),
    budget: text(q, 'budget', 40).trim(),
  }
  const asked = text(q, 'calculate', 10) === 'yes'
  const errors: FieldError[] = []
  let population: number | null = null
  let budgetPence: number | null = null
  if (asked) {
    if (!isTier(values.tier)) errors.push({ field: 'calc-tier', message: 'join.errors.tierRequired' })
    if (values.population !== '') {
      const n = Number(values.population.replaceAll(',', ''))
      if (!Number.isSafeInteger(n) || n <= 0) errors.push({ field: 'calc-population', message: 'join.errors.populationInvalid' })
      else population = n
    }
    if (values.budget !== '') {
      const pence = penceOf(values.budget.replace(/^£/, '').replaceAll(',', ''))
      if (typeof pence !== 'number' || pence <= 0) errors.push({ field: 'calc-budget', message: 'join.errors.budgetInvalid' })
      else budgetPence = pence
    }
  }
  return { values, asked, errors, population, budgetPence }
}

export async function joinRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  // A public form that sends an email: a few applications an hour from one address is plenty.
  const perIp = limitBy(app, { name: 'join-ip', max: 10, timeWindow: '1 hour', key: (r) => r.ip })

  async function renderJoin(request: FastifyRequest, reply: FastifyReply, form: ApplicationForm, errors: FieldError[] = []) {
    const { t } = request
    const year = currentYear(config)
    const calculator = readCalculator(request.query)
    let quote: Quote | null = null
    let quoteErrors: FieldError[] = calculator.errors
    if (calculator.asked && calculator.errors.length === 0) {
      const tier = calculator.values.tier as PaidTier
      const answer = await quoteFee(db, {
        tier,
        year,
        council: calculator.values.council || null,
        population: calculator.population,
        budgetPence: calculator.budgetPence,
      })
      if (answer.ok) quote = answer.value
      else
        quoteErrors = answer.errors.map((e) => ({
          ...e,
          field: e.field === 'council' ? 'calc-council' : e.field === 'population' ? 'calc-population' : e.field === 'budget' ? 'calc-budget' : '',
        }))
    }
    const councils = await listRegisterCouncils(db)
    const councilChoices = councils.map((c) => ({ value: c.code, text: c.name }))
    // Each tier's fee for the council chosen, when a schedule is loaded: the tier radios show it.
    const tierFees = await Promise.all(
      paidTiers.map(async (tier) => {
        const answer = await quoteFee(db, { tier, year, council: form.council || calculator.values.council || null })
        return [tier, answer.ok ? presentQuote(answer.value, t, request.locale) : null] as const
      }),
    )
    const feeByTier = Object.fromEntries(tierFees)
    const scheduleMissing = (await scheduleForYear(db, year)) === null
    // The tier chosen: the form's (sent back with errors), or the one the first step asked for.
    const query = asForm(request.query)
    const asked = text(query, 'apply', 40)
    const chosenTier = isTier(form.tier) ? form.tier : isTier(asked) ? asked : null
    const tierErrors: FieldError[] = ('apply' in query || query.step === 'tier') && !chosenTier ? [{ field: 'tier', message: 'join.errors.tierRequired' }] : []
    const council = form.council || text(query, 'council', 20).trim().toUpperCase() || calculator.values.council
    const all = [...errors, ...tierErrors, ...quoteErrors]
    return reply.code(errors.length > 0 ? 400 : 200).render('membership/views/join.njk', {
      title: t('join.title'),
      pageError: all.length > 0,
      yearLabel: yearLabel(year),
      form: { ...form, tier: form.tier || calculator.values.tier, council },
      chosenTier,
      calculator: calculator.values,
      calculated: calculator.asked,
      quote: quote ? presentQuote(quote, t, request.locale) : null,
      feeByTier,
      scheduleMissing,
      kindsByTier,
      calcCouncilItems: selectItems(councilChoices, calculator.values.council, { blank: t('join.calculator.noCouncil') }),
      councilItems: selectItems(councilChoices, council, { blank: t('join.form.chooseCouncil') }),
      sitsOnItems: selectItems(councilChoices, form.sitsOn, { blank: t('join.form.chooseCouncil') }),
      ...presentErrors(all, t),
    })
  }

  app.get('/join', async (request, reply) => renderJoin(request, reply, blankForm))

  app.post('/join', { preHandler: perIp }, async (request, reply) => {
    const form = readApplication(request.body)
    const councils = new Set((await listRegisterCouncils(db)).map((c) => c.code))
    const checked = checkApplication(form, (code) => councils.has(code))
    if (!checked.ok) return renderJoin(request, reply, form, checked.errors)
    const input = checked.value
    const quote = await quoteFee(db, { tier: input.tier, year: currentYear(config), council: input.authorityCode })
    const result = await inTransaction(db, (tx) =>
      applyToJoin(tx, input, {
        language: request.locale,
        network: config.networkName,
        baseUrl: siteUrl(config, request),
        quotedPence: quote.ok ? quote.value.amount : null,
      }),
    )
    if (!result.ok) return renderJoin(request, reply, form, result.errors)
    await app.mailer.deliver([result.value.emailId])
    return reply.redirectInLanguage(request.locale, `/join/applications/${result.value.token}?sent=yes`)
  })

  app.get<{ Params: { token: string } }>('/join/applications/:token', async (request, reply) => {
    const token = request.params.token
    const application = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findApplicationByTokenHash(db, hashToken(token)) : null
    if (!application) throw new NotFoundError()
    const { t } = request
    // The link is the applicant's only key: it must not travel on to other sites.
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store')
    return reply.render('membership/views/application.njk', {
      title: t('join.application.title'),
      sent: asForm(request.query).sent === 'yes',
      application: presentApplication(application, t, request.locale),
    })
  })
}
