import { escapeHtml as e } from '../../lib/html.ts'
import type { PackDocument, PackEntry } from './pack-document.ts'
import type { Block, Inline } from './rules/markdown-tree.ts'

// The HTML edition: one long page with a contents list of links, from the same data as the PDF.
// Every string is escaped here; links are only http(s) and mailto (rules/markdown-tree.ts).
// GOV.UK classes so it reads as the rest of the site; the command line's copy adds a small style.

function inline(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return e(n.v)
        case 'code':
          return `<code>${e(n.v)}</code>`
        case 'br':
          return '<br>'
        case 'em':
          return `<em>${inline(n.c)}</em>`
        case 'strong':
          return `<strong>${inline(n.c)}</strong>`
        case 'strike':
          return `<s>${inline(n.c)}</s>`
        case 'link':
          return `<a class="govuk-link" href="${e(n.href)}">${inline(n.c)}</a>`
      }
    })
    .join('')
}

const headingClass: Record<number, string> = { 2: 'govuk-heading-l', 3: 'govuk-heading-m', 4: 'govuk-heading-s', 5: 'govuk-heading-s', 6: 'govuk-heading-s' }

/** Blocks with their headings moved to sit under `base` (a body's level-2 heading becomes h`base`). */
export function blocksHtml(blocks: Block[], base: number): string {
  return blocks
    .map((b) => {
      switch (b.t) {
        case 'heading': {
          const level = Math.min(6, b.level - 2 + base)
          return `<h${level} class="${headingClass[level]}">${inline(b.c)}</h${level}>`
        }
        case 'para':
          return `<p class="govuk-body">${inline(b.c)}</p>`
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul'
          const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : ''
          return `<${tag} class="govuk-list govuk-list--${b.ordered ? 'number' : 'bullet'}"${start}>${b.items.map((i) => `<li>${blocksHtml(i, base)}</li>`).join('')}</${tag}>`
        }
        case 'quote':
          return `<blockquote class="govuk-inset-text">${blocksHtml(b.c, base)}</blockquote>`
        case 'codeblock':
          return `<pre><code>${e(b.v)}</code></pre>`
        case 'rule':
          return '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">'
        case 'table':
          return `<div class="pack-table"><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${b.head
            .map((c) => `<th scope="col" class="govuk-table__header">${inline(c)}</th>`)
            .join('')}</tr></thead><tbody class="govuk-table__body">${b.rows
            .map((r) => `<tr class="govuk-table__row">${r.map((c) => `<td class="govuk-table__cell">${inline(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table></div>`
      }
    })
    .join('\n')
}

/** The anchor of the nth entry (from 1): stable within one pack, whatever its titles. */
export const entryAnchor = (n: number) => `case-study-${n}`

function fact(label: string, value: string): string {
  return value
    ? `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${e(label)}</dt><dd class="govuk-summary-list__value">${e(value)}</dd></div>`
    : ''
}

function entryHtml(entry: PackEntry, n: number, L: Record<string, string>): string {
  const contact = entry.contact
  return `<article class="pack-entry" id="${entryAnchor(n)}" lang="${entry.language}">
<h3 class="govuk-heading-l">${e(entry.title)}</h3>
${entry.summary ? `<p class="govuk-body-l">${e(entry.summary)}</p>` : ''}
<dl class="govuk-summary-list">${fact(L.council!, entry.council)}${fact(L.principlesMet!, entry.principles.join(', '))}${fact(L.lead!, entry.lead)}${fact(L.participants!, entry.participants.join(', '))}${fact(L.year!, entry.year)}</dl>
${blocksHtml(entry.body, 4)}
${entry.outcomes.length > 0 ? `<h4 class="govuk-heading-m">${e(L.outcomes!)}</h4>${blocksHtml(entry.outcomes, 5)}` : ''}
${
  contact
    ? `<h4 class="govuk-heading-m">${e(L.contact!)}</h4><p class="govuk-body">${[
        e(contact.name),
        contact.role ? e(contact.role) : '',
        contact.email ? `<a class="govuk-link" href="mailto:${e(contact.email)}">${e(contact.email)}</a>` : '',
        contact.phone ? e(contact.phone) : '',
      ]
        .filter(Boolean)
        .join('<br>')}</p>`
    : ''
}
${entry.url ? `<p class="govuk-body"><a class="govuk-link" href="${e(entry.url)}">${e(L.readOnline!)}<span class="govuk-visually-hidden">: ${e(entry.title)}</span></a></p>` : ''}
</article>`
}

/**
 * The edition's body: the title as h1, the contents (links to each section and case study), then
 * every section (h2) and case study (h3). The page around it gives the language and the landmarks.
 */
export function packEditionHtml(doc: PackDocument, coverSrc: string | null = null): string {
  const { head, body } = packEditionParts(doc, coverSrc)
  return `${head}\n${body}`
}

/**
 * The title and cover text, and the rest: a page puts its own lines (the download) between them.
 * Its ids start with pack-, case-study- or section-: the preview shows the edition under the form,
 * whose fields have ids of their own (a duplicate id made the preview invalid HTML).
 * `coverSrc` is where the cover image is found (its own address once published, a data: address
 * in the preview, a file beside the command line's copy); without it the cover shows no image.
 */
export function packEditionParts(doc: PackDocument, coverSrc: string | null = null): { head: string; body: string } {
  const L = doc.labels
  let n = 0
  const numbered = doc.sections.map((s) => ({ heading: s.heading, entries: s.entries.map((entry) => ({ entry, n: ++n })) }))
  const matter = [
    doc.foreword.length > 0 ? { id: 'pack-foreword', title: L.foreword!, html: blocksHtml(doc.foreword, 3) } : null,
    doc.principles.length > 0
      ? {
          id: 'pack-principles',
          title: L.principles!,
          html: doc.principles.map((p) => `<h3 class="govuk-heading-m">${e(p.name)}</h3><p class="govuk-body">${e(p.statement)}</p>`).join('\n'),
        }
      : null,
  ].filter((m) => m !== null)
  const back = [
    doc.projects.length > 0
      ? {
          id: 'pack-projects',
          title: L.projects!,
          html: `<ul class="govuk-list govuk-list--bullet">${doc.projects.map((p) => `<li>${e(p.title)}${p.lead ? ` (${e(p.lead)})` : ''}</li>`).join('')}</ul>`,
        }
      : null,
    doc.members.length > 0
      ? {
          id: 'pack-members',
          title: L.members!,
          html: doc.members
            .map((g) => `<h3 class="govuk-heading-m">${e(g.tier)}</h3><ul class="govuk-list">${g.names.map((m) => `<li>${e(m)}</li>`).join('')}</ul>`)
            .join('\n'),
        }
      : null,
    doc.joinUs.length > 0 ? { id: 'pack-join-us', title: L.joinUs!, html: blocksHtml(doc.joinUs, 3) } : null,
  ].filter((m) => m !== null)
  const contents = `<nav aria-labelledby="pack-contents"><h2 class="govuk-heading-l" id="pack-contents">${e(L.contents!)}</h2><ol class="govuk-list govuk-list--number">
${matter.map((m) => `<li><a class="govuk-link" href="#${m.id}">${e(m.title)}</a></li>`).join('\n')}
${numbered
  .map(
    (s, i) =>
      `<li><a class="govuk-link" href="#section-${i + 1}">${e(s.heading)}</a><ul class="govuk-list">${s.entries.map(({ entry, n }) => `<li><a class="govuk-link" href="#${entryAnchor(n)}">${e(entry.title)}</a></li>`).join('')}</ul></li>`,
  )
  .join('\n')}
${back.map((m) => `<li><a class="govuk-link" href="#${m.id}">${e(m.title)}</a></li>`).join('\n')}
</ol></nav>`
  const section = (m: { id: string; title: string; html: string }) =>
    `<section aria-labelledby="${m.id}"><h2 class="govuk-heading-xl" id="${m.id}">${e(m.title)}</h2>\n${m.html}</section>`
  const image = doc.coverImage && coverSrc ? doc.coverImage : null
  const head = [
    `<h1 class="govuk-heading-xl">${e(doc.title)}</h1>`,
    ...doc.cover.map((p) => `<p class="govuk-body-l">${e(p)}</p>`),
    image
      ? `<p class="govuk-body"><img class="pack-cover-image" src="${e(coverSrc!)}" alt="${e(image.alt)}" width="${image.width}" height="${image.height}"></p>`
      : '',
  ]
    .filter(Boolean)
    .join('\n')
  const body = [
    contents,
    ...matter.map(section),
    ...numbered.map(
      (s, i) =>
        `<section aria-labelledby="section-${i + 1}"><h2 class="govuk-heading-xl" id="section-${i + 1}">${e(s.heading)}</h2>\n${s.entries.map(({ entry, n }) => entryHtml(entry, n, L)).join('\n')}</section>`,
    ),
    ...back.map(section),
  ].join('\n')
  return { head, body }
}

/** The edition as a file of its own (the command line's --html-dir): the same body, a plain style. */
export function standalonePackHtml(doc: PackDocument, coverSrc: string | null = null): string {
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; line-height: 1.5; max-width: 44em; margin: 0 auto; padding: 1em; color: #0b0c0c; overflow-wrap: anywhere; }
a { color: #1d70b8; } a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
.pack-entry { border-top: 2px solid #b1b4b6; margin-top: 2em; }
.pack-table { overflow-x: auto; } table { border-collapse: collapse; } th, td { border-bottom: 1px solid #b1b4b6; padding: .3em .6em; text-align: left; }
dt { font-weight: bold; } dd { margin: 0 0 .5em; }
.pack-cover-image { max-width: 100%; height: auto; }
.govuk-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; }
</style>
</head>
<body>
<main>
${packEditionHtml(doc, coverSrc)}
</main>
</body>
</html>
`
}
