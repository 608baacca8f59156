import { createRequire } from 'node:module'
import path from 'node:path'
import nunjucks from 'nunjucks'
import { sourceDir } from '../runtime.ts'
import { caseStudyListHtml } from './case-study-list.ts'
import type { ListedCaseStudy } from './case-study-list.ts'
import { checkboxesHtml } from './govuk-html.ts'
import type { CheckboxesParams } from './govuk-html.ts'
import { metaDescription } from './meta-description.ts'
import type { Translate } from '../i18n/catalogue.ts'
import { formatterOf } from '../i18n/format.ts'
import { isLocale } from '../i18n/locales.ts'
import { localisePagination } from './pagination.ts'

const require = createRequire(import.meta.url)
export const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist')

export interface SiteLocals {
  networkName: string
  networkShortName: string
  assetVersion: string
}

/** One Nunjucks environment: our layout and partials, each feature's views, then govuk-frontend. */
export function createViews(site: SiteLocals): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([path.join(sourceDir, 'web/views'), path.join(sourceDir, 'features'), govukDist], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  )
  env.addGlobal('site', site)
  // Same markup as govukCheckboxes, and the case-study list, for pages that show dozens (see govuk-html.ts).
  env.addGlobal('govukCheckboxesHtml', (params: CheckboxesParams) => new nunjucks.runtime.SafeString(checkboxesHtml(params)))
  // In the page's language, its case studies marked as English on a Welsh page (render() puts `t` and `locale` in every view's context).
  env.addGlobal('caseStudyListHtml', function (this: { ctx?: { t?: Translate; locale?: unknown } }, items: ListedCaseStudy[], headingLevel: number) {
    const locale = this.ctx?.locale
    return new nunjucks.runtime.SafeString(
      caseStudyListHtml(items, headingLevel, {
        t: this.ctx?.t,
        contentLang: isLocale(locale) && locale !== 'en' ? 'en' : undefined,
        pageLang: isLocale(locale) ? locale : 'en',
      }),
    )
  })
  env.addGlobal('paginationIn', localisePagination)
  // In the page's language: render() puts `locale` in every view's context.
  const formatOf = (ctx: unknown) => {
    const locale = (ctx as { locale?: unknown } | undefined)?.locale
    return formatterOf(isLocale(locale) ? locale : 'en')
  }
  env.addFilter('number', function (this: { ctx?: unknown }, n: unknown) {
    return formatOf(this.ctx).number(n)
  })
  env.addFilter('date', function (this: { ctx?: unknown }, d: unknown) {
    return formatOf(this.ctx).date(d as Date)
  })
  env.addFilter('dateTime', function (this: { ctx?: unknown }, d: unknown) {
    return formatOf(this.ctx).dateTime(d as Date)
  })
  env.addFilter('money', function (this: { ctx?: unknown }, pounds: unknown) {
    return typeof pounds === 'number' ? formatOf(this.ctx).money(pounds) : ''
  })
  env.addFilter('metaDescription', metaDescription)
  env.addFilter('isoDate', (d: unknown) => (d instanceof Date ? d.toISOString() : ''))
  return env
}
