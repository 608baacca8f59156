// The vote set-up form as posted, and the choices its radios and checkboxes offer.
import { ballotTypes, countCompletions, countingRules, paidTiers } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { asForm, list, text } from '../../web/forms.ts'
import type { DateTimeBoxes, VoteForm } from './rules/vote-settings.ts'

function boxes(form: Record<string, unknown>, prefix: string): DateTimeBoxes {
  return {
    day: text(form, `${prefix}-day`, 10),
    month: text(form, `${prefix}-month`, 10),
    year: text(form, `${prefix}-year`, 10),
    time: text(form, `${prefix}-time`, 10),
  }
}

export function readVoteForm(body: unknown): VoteForm {
  const form = asForm(body)
  return {
    ballotType: text(form, 'ballotType', 40),
    minChoices: text(form, 'minChoices', 20),
    maxChoices: text(form, 'maxChoices', 20),
    pointsPerBallot: text(form, 'pointsPerBallot', 20),
    countingRule: text(form, 'countingRule', 40),
    completion: text(form, 'completion', 40),
    compareWithGreedy: text(form, 'compareWithGreedy', 10) === 'yes',
    budget: text(form, 'budget', 40),
    tiers: list(form, 'tiers', 20),
    opensAt: boxes(form, 'opensAt'),
    closesAt: boxes(form, 'closesAt'),
    revision: text(form, 'revision', 20),
  }
}

export function voteFormChoices(t: Translate, values: VoteForm) {
  const radios = (options: readonly string[], chosen: string, key: string, hints = false) =>
    options.map((value) => ({
      value,
      text: t(`memberVote.${key}.${value}`),
      checked: chosen === value,
      ...(hints ? { hint: { text: t(`memberVote.${key}Hint.${value}`) } } : {}),
    }))
  return {
    ballotTypes: radios(ballotTypes, values.ballotType, 'ballotType', true),
    countingRules: radios(countingRules, values.countingRule, 'countingRule', true),
    completions: radios(countCompletions, values.completion, 'completion', true),
    tiers: paidTiers.map((tier) => ({ value: tier, text: t(`memberVote.tier.${tier}`), checked: values.tiers.includes(tier) })),
    compareWithGreedy: [{ value: 'yes', text: t('memberVote.settings.compareWithGreedyLabel'), checked: values.compareWithGreedy }],
  }
}
