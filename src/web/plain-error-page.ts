// The error page for errors met before a request reaches the site: an address that cannot be
// decoded, headers too large for Node's parser, a request arriving while the process stops. No
// hook has run (no language, no session, no CSP nonce), so the page is written whole, in English
// and Welsh, with nothing inline: the site's stylesheet and plain markup.
import { translator } from '../i18n/catalogue.ts'
import { escapeHtml } from '../lib/html.ts'

const titleKeys: Record<number, string> = {
  400: 'errors.badRequest.title',
  408: 'errors.badRequest.title',
  431: 'errors.headersTooLarge.title',
  503: 'errors.unavailable.title',
}
const advice: Record<number, string> = { 503: 'errors.unavailable.tryAgain' }

export function plainErrorPage(status: number, options: { networkName: string; assetVersion: string }): string {
  const en = translator('en')
  const cy = translator('cy')
  const key = titleKeys[status] ?? titleKeys[400]!
  const tip = advice[status]
  const section = (t: typeof en, lang: string) =>
    `<div lang="${lang}"><h${lang === 'en' ? 1 : 2} class="govuk-heading-${lang === 'en' ? 'l' : 'm'}">${escapeHtml(t(key))}</h${lang === 'en' ? 1 : 2}>` +
    (tip ? `<p class="govuk-body">${escapeHtml(t(tip))}</p>` : '') +
    `<p class="govuk-body"><a class="govuk-link" href="${lang === 'en' ? '/' : '/cy'}">${escapeHtml(options.networkName)}</a></p></div>`
  return (
    `<!DOCTYPE html><html lang="en" class="govuk-template"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(`${en(key)} – ${options.networkName}`)}</title><link rel="stylesheet" href="/static/app.css?v=${encodeURIComponent(options.assetVersion)}"></head>` +
    `<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">` +
    `${section(en, 'en')}${section(cy, 'cy')}</main></div></body></html>`
  )
}

/** A whole HTTP/1.1 response on a raw socket, for Node's parser errors that never become a request. */
export function rawErrorResponse(status: number, reason: string, html: string): string {
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\nConnection: close\r\n\r\n${html}`
}
