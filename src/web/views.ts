import { createRequire } from 'node:module'
import path from 'node:path'
import nunjucks from 'nunjucks'

const require = createRequire(import.meta.url)
export const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist')

export interface SiteLocals {
  networkName: string
  networkShortName: string
  assetVersion: string
}

// `{% from "…macro.njk" import x %}` runs the imported template again on every render to collect
// its macros. An import without context always yields the same macros, so keep them per template.
const exportedMacros = new WeakMap<object, unknown>()
type GetExported = (this: object, ...args: unknown[]) => unknown
const templateProto = (nunjucks.Template as unknown as { prototype: { getExported: GetExported } }).prototype
const originalGetExported = templateProto.getExported
templateProto.getExported = function (this: object, ...args: unknown[]) {
  const [first] = args
  if (args.length !== 1 || typeof first !== 'function') return originalGetExported.apply(this, args)
  const callback = first as (error: unknown, exported: unknown) => void
  if (exportedMacros.has(this)) return callback(null, exportedMacros.get(this))
  return originalGetExported.call(this, (error: unknown, exported: unknown) => {
    if (!error) exportedMacros.set(this, exported)
    callback(error, exported)
  })
}

/** One Nunjucks environment: our layout and partials, each feature's views, then govuk-frontend. */
export function createViews(site: SiteLocals): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [path.resolve(import.meta.dirname, 'views'), path.resolve(import.meta.dirname, '../features'), govukDist],
      { noCache: false },
    ),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  )
  env.addGlobal('site', site)
  env.addFilter('number', (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB') : String(n ?? '')))
  env.addFilter('date', (d: unknown) =>
    d instanceof Date
      ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
      : '',
  )
  env.addFilter('isoDate', (d: unknown) => (d instanceof Date ? d.toISOString() : ''))
  return env
}
