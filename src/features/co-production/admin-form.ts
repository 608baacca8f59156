// The administrators' call form: read from a post (any shape of body), filled from a saved call,
// and turned into the choices the template shows.
import { callKinds, decisionMethods, paidTiers } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { asForm, list, text } from '../../web/forms.ts'
import { formatPounds } from '../membership/rules/money.ts'
import { principleWording } from '../principles/wording.ts'
import type { CallRow, listPrincipleChoices } from './queries.ts'
import { timetableFields, type CallForm, type DateBoxes } from './rules/call-form.ts'

export type CallFormValues = CallForm & { revision: string }

export function readCallForm(body: unknown): CallFormValues {
  const form = asForm(body)
  const boxes = (field: string): DateBoxes => ({
    day: text(form, `${field}-day`, 10),
    month: text(form, `${field}-month`, 10),
    year: text(form, `${field}-year`, 10),
  })
  return {
    title: text(form, 'title', 1000),
    slug: text(form, 'slug', 1000),
    kind: text(form, 'kind', 100),
    summary: text(form, 'summary', 30_000),
    pot: text(form, 'pot', 100),
    cap: text(form, 'cap', 100),
    leadTiers: list(form, 'leadTiers', 10),
    minWorkingGroup: text(form, 'minWorkingGroup', 100),
    oneLedProjectAtATime: text(form, 'oneLedProjectAtATime', 10),
    themes: text(form, 'themes', 10_000),
    decisionMethod: text(form, 'decisionMethod', 100),
    principleIds: list(form, 'principles', 100),
    dates: Object.fromEntries(timetableFields.map((f) => [f, boxes(f)])) as CallForm['dates'],
    revision: text(form, 'revision', 20),
  }
}

const boxesOf = (day: string | null): DateBoxes =>
  day ? { day: String(Number(day.slice(8, 10))), month: String(Number(day.slice(5, 7))), year: day.slice(0, 4) } : { day: '', month: '', year: '' }

const poundsOf = (pence: number) => formatPounds(pence).replace(/\.00$/, '')

export const blankCallForm = (): CallFormValues => ({
  title: '',
  slug: '',
  kind: '',
  summary: '',
  pot: '',
  cap: '',
  leadTiers: [],
  minWorkingGroup: '0',
  oneLedProjectAtATime: 'no',
  themes: '',
  decisionMethod: '',
  principleIds: [],
  dates: Object.fromEntries(timetableFields.map((f) => [f, boxesOf(null)])) as CallForm['dates'],
  revision: '',
})

export function callFormOf(call: CallRow): CallFormValues {
  return {
    title: call.title,
    slug: call.slug,
    kind: call.kind,
    summary: call.summary,
    pot: poundsOf(call.potPence),
    cap: poundsOf(call.capPence),
    leadTiers: call.settings.leadTiers,
    minWorkingGroup: String(call.settings.minWorkingGroup),
    oneLedProjectAtATime: call.settings.oneLedProjectAtATime ? 'yes' : 'no',
    themes: call.settings.themes.join('\n'),
    decisionMethod: call.decisionMethod,
    principleIds: call.principles.map((p) => String(p.id)),
    dates: {
      opensOn: boxesOf(call.opensOn),
      closesOn: boxesOf(call.closesOn),
      assessmentOn: boxesOf(call.assessmentOn),
      presentationsOn: boxesOf(call.presentationsOn),
      decisionOn: boxesOf(call.decisionOn),
    },
    revision: String(call.revision),
  }
}

/** Radio and checkbox items for the template, with the form's values checked. */
export function callFormChoices(t: Translate, locale: Locale, values: CallFormValues, principles: Awaited<ReturnType<typeof listPrincipleChoices>>) {
  return {
    kinds: callKinds.map((k) => ({ value: k, text: t(`calls.kind.${k}`), checked: values.kind === k })),
    tiers: paidTiers.map((tier) => ({ value: tier, text: t(`calls.tier.${tier}`), checked: values.leadTiers.includes(tier) })),
    decisionMethods: decisionMethods.map((m) => ({ value: m, text: t(`calls.decisionMethod.${m}`), checked: values.decisionMethod === m })),
    oneLed: [
      { value: 'yes', text: t('admin.value.yes'), checked: values.oneLedProjectAtATime === 'yes' },
      { value: 'no', text: t('admin.value.no'), checked: values.oneLedProjectAtATime !== 'yes' },
    ],
    principles: principles.map((p) => {
      const words = principleWording(p, locale)
      return {
        value: String(p.id),
        text: words.shortName,
        checked: values.principleIds.includes(String(p.id)),
        ...(words.shortNameLang ? { attributes: { lang: words.shortNameLang } } : {}),
      }
    }),
  }
}
