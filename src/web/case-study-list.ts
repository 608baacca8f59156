// The list of case studies on the search, home and principle pages, as a function: rendering it
// through the Nunjucks partial cost a third of the search page's rendering (ten results, each
// with a dozen lookups and its principle tags). Markup as the partial had it.
import { translator, type Translate } from '../i18n/catalogue.ts'
import { escapeHtml } from '../lib/html.ts'
import { tagHtml } from './govuk-html.ts'

export interface ListedCaseStudy {
  slug: string
  title: string
  summary: string
  kindLabel: string
  yearLabel: string
  leadName: string | null
  /** The language of its title, summary and snippet; the page's (or contentLang's) when not given. */
  language?: string
  /** With its Welsh wording where the network gave one, shown on a Welsh page. */
  principles: ReadonlyArray<{ shortName: string; shortNameCy?: string | null }>
  /** Already safe HTML (highlight.ts escapes it). */
  snippetHtml: string | null
}

export interface ListOptions {
  /** The page's words (English when not given). */
  t?: Translate
  /**
   * The language of the case studies' text (titles, summaries, names) where it is not the page's:
   * "en" on a Welsh page, so that it is marked lang="en".
   */
  contentLang?: string
  /** The page's language; taken as Welsh when contentLang is "en", else English. */
  pageLang?: string
}

const between = '<span aria-hidden="true"> · </span><span class="govuk-visually-hidden">, </span>'
const english = translator('en')

export function caseStudyListHtml(items: readonly ListedCaseStudy[], headingLevel: number, options: ListOptions = {}): string {
  const t = options.t ?? english
  const h = `h${Math.min(6, Math.max(1, Math.trunc(headingLevel) || 2))}`
  const pageLang = options.pageLang ?? (options.contentLang === 'en' ? 'cy' : 'en')
  const lang = options.contentLang ? ` lang="${escapeHtml(options.contentLang)}"` : ''
  const langOf = (language: string | undefined) => (language === undefined ? lang : language === pageLang ? '' : ` lang="${escapeHtml(language)}"`)
  // Content in another language than the page: its own element says so.
  const content = (html: string) => (lang ? `<span${lang}>${html}</span>` : html)
  const inText = (html: string, textLang: string) => (textLang ? `<span${textLang}>${html}</span>` : html)
  const welsh = pageLang === 'cy'
  const noLead = escapeHtml(t('caseStudies.list.noLead'))
  const snippetLabel = escapeHtml(t('caseStudies.list.snippet'))
  const principlesLabel = escapeHtml(t('caseStudies.list.principles'))
  let html = '<ul class="govuk-list coophub-results" data-qa="case-study-list">'
  for (const item of items) {
    const textLang = langOf(item.language)
    html += '<li class="coophub-result" data-qa="case-study-result">'
    html += `<${h} class="govuk-heading-m coophub-result__title"><a class="govuk-link" href="/case-studies/${escapeHtml(item.slug)}"${textLang}>${escapeHtml(item.title)}</a></${h}>`
    html += `<p class="govuk-body-s coophub-result__meta">${item.leadName ? content(escapeHtml(item.leadName)) : noLead}`
    if (item.yearLabel) html += `${between}${escapeHtml(item.yearLabel)}`
    html += `${between}${escapeHtml(item.kindLabel)}</p>`
    if (item.summary) html += `<p class="govuk-body"${textLang}>${escapeHtml(item.summary)}</p>`
    if (item.snippetHtml) {
      html += `<p class="govuk-body-s coophub-result__snippet" data-qa="snippet"><span class="govuk-visually-hidden">${snippetLabel} </span>${inText(item.snippetHtml, textLang)}</p>`
    }
    if (item.principles.length > 0) {
      html += `<ul class="coophub-tags" aria-label="${principlesLabel}">`
      for (const p of item.principles) {
        const cy = welsh ? p.shortNameCy?.trim() : undefined
        html += `<li${cy ? '' : lang}>${tagHtml({ text: cy || p.shortName, classes: 'govuk-tag--grey' })}</li>`
      }
      html += '</ul>'
    }
    html += '</li>'
  }
  return `${html}</ul>`
}
