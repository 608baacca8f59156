import type { Translate } from '../i18n/catalogue.ts'

/**
 * The words govuk-frontend's components write themselves, in a language: views pass them as the
 * components' options (`govukPasswordInput(govuk.passwordInput | merge(...))` is not Nunjucks, so
 * views name the option: `showPasswordText: govuk.passwordInput.showPasswordText`, or use the
 * `withGovukText` global). Made once per language.
 */
export function govukTextOf(t: Translate) {
  // govuk-frontend's script picks the plural form and puts the number where "%{count}" is: the
  // message chooses by {form} (a select over the language's plural forms) and leaves {count} to it.
  const count = (key: string) => Object.fromEntries(['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => [form, t(key, { form, count: '%{count}' })]))
  return {
    skipLink: t('govuk.skipLink'),
    errorSummaryTitle: t('govuk.errorSummary.title'),
    errorMessagePrefix: t('govuk.errorMessage.prefix'),
    backLink: t('govuk.backLink'),
    breadcrumbsLabel: t('govuk.breadcrumbs.label'),
    serviceNavigation: {
      ariaLabel: t('govuk.serviceNavigation.label'),
      menuButtonText: t('govuk.serviceNavigation.menu'),
      navigationLabel: t('govuk.serviceNavigation.menu'),
    },
    pagination: {
      landmarkLabel: t('govuk.pagination.label'),
      previousHtml: t('govuk.pagination.previousHtml'),
      nextHtml: t('govuk.pagination.nextHtml'),
    },
    passwordInput: {
      showPasswordText: t('govuk.passwordInput.show'),
      hidePasswordText: t('govuk.passwordInput.hide'),
      showPasswordAriaLabelText: t('govuk.passwordInput.showLabel'),
      hidePasswordAriaLabelText: t('govuk.passwordInput.hideLabel'),
      passwordShownAnnouncementText: t('govuk.passwordInput.shown'),
      passwordHiddenAnnouncementText: t('govuk.passwordInput.hidden'),
    },
    characterCount: {
      charactersUnderLimitText: count('govuk.characterCount.charactersUnder'),
      charactersAtLimitText: t('govuk.characterCount.charactersAtLimit'),
      charactersOverLimitText: count('govuk.characterCount.charactersOver'),
      wordsUnderLimitText: count('govuk.characterCount.wordsUnder'),
      wordsAtLimitText: t('govuk.characterCount.wordsAtLimit'),
      wordsOverLimitText: count('govuk.characterCount.wordsOver'),
      textareaDescriptionText: count('govuk.characterCount.description'),
    },
  }
}

export type GovukText = ReturnType<typeof govukTextOf>
