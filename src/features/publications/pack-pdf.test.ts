import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { packCandidate } from '../../../test/publications.ts'
import { pdfBookmarks, pdfCatalogue, pdfInfo, pdfLinkTargets, pdfText, pdfToolsMissing, unembeddedFonts } from '../../../test/pdf-tools.ts'
import { buildPackDocument, type PackDocument } from './pack-document.ts'
import { packPdf } from './pack-pdf.ts'
import { selectPack, yearPeriod, type PackCandidate } from './rules/pack-content.ts'

const skip = pdfToolsMissing() ?? false
const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-pack-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function makePack(candidates: PackCandidate[], language: Locale = 'en'): { document: PackDocument; file: string } {
  const t = translator(language)
  const sections = selectPack(candidates, {
    period: yearPeriod(2025),
    kinds: ['case-studies', 'policy-labs', 'affiliate-pieces'],
    order: 'council',
    language,
    principleOrder: [1],
  })
  const document = buildPackDocument(
    language,
    t,
    sections,
    {
      title: t('publications.pack.yearTitle', { year: 2025 }),
      coverText: 'Our members’ work in 2025.',
      foreword: 'A *year* of work.',
      order: 'council',
      matters: ['principles', 'projects', 'members', 'join-us'],
    },
    {
      network: 'The network',
      baseUrl: 'https://coophub.example',
      principles: [{ name: 'Citizens as equal partners', statement: 'Residents design services with us.' }],
      projects: [{ title: 'A funded project', lead: 'Council 1' }],
      members: [{ tier: t('publications.pack.tier.full'), names: ['Council 1', 'Cyngor Gwynedd'] }],
    },
  )
  const file = path.join(dir, `pack-${Math.random().toString(36).slice(2)}.pdf`)
  const pdf = packPdf(document)
  writeFileSync(file, pdf.bytes)
  assert.equal(Number(pdfInfo(file).Pages), pdf.pages)
  return { document, file }
}

/** Each case study's page as the contents page states it: the number at the end of its line. */
function contentsPages(file: string, lastContentsPage: number, titles: string[]): Map<string, number> {
  const lines = pdfText(file, 2, lastContentsPage).split('\n')
  const pages = new Map<string, number>()
  for (const title of titles) {
    const line = lines.find((l) => l.startsWith(`${title} `))
    const number = line ? /(\d+)\s*$/.exec(line)?.[1] : undefined
    if (number) pages.set(title, Number(number))
  }
  return pages
}

test('the PDF is tagged A4 with its title, language, embedded fonts, contents with right page numbers and a bookmark per case study', { skip }, () => {
  const candidates = Array.from({ length: 24 }, (_, i) => packCandidate(i + 1, i % 5 === 0 ? { body: 'Long. '.repeat(900) } : {}))
  const { document, file } = makePack(candidates)
  const info = pdfInfo(file)
  assert.equal(info.Tagged, 'yes')
  assert.equal(info.Title, 'Case-study pack 2025')
  assert.match(info['Page size'] ?? '', /A4/)
  assert.match(pdfCatalogue(file), /\/Lang \(en-GB\)/)
  assert.deepEqual(unembeddedFonts(file), [])

  const titles = document.sections.flatMap((s) => s.entries.map((e) => e.title))
  assert.equal(titles.length, 24)
  const bookmarks = pdfBookmarks(file)
  const entryBookmarks = new Map(bookmarks.flatMap((b) => b.kids).map((k) => [k.title, k.page]))
  for (const title of titles) assert.ok(entryBookmarks.has(title), `a bookmark for ${title}`)
  for (const heading of ['Foreword', 'Our statement of principles', 'Council 0', 'Join us'])
    assert.ok(
      bookmarks.some((b) => b.title === heading),
      heading,
    )

  const firstSection = Math.min(...bookmarks.map((b) => b.page))
  const contents = contentsPages(file, firstSection - 1, titles)
  assert.equal(contents.size, titles.length, 'every case study is in the contents')
  for (const [title, page] of contents) {
    assert.equal(page, entryBookmarks.get(title), `${title}: contents and bookmark agree`)
    assert.ok(pdfText(file, page).includes(title), `${title} is on page ${page}`)
  }
  // Each case study starts on a page of its own.
  assert.equal(new Set(contents.values()).size, titles.length)

  const pages = Number(info.Pages)
  const last = bookmarks.find((b) => b.title === 'Join us')!.page
  assert.equal(last, pages, 'Join us is the last page')
  const pageText = pdfText(file, pages)
  assert.match(pageText, new RegExp(`\\b${pages}\\s*$`), 'the last page carries its number')
  const all = pdfText(file)
  for (const title of titles) assert.ok(all.includes(title))
})

test('a contact is printed only with consent; principles by name; members and year shown', { skip }, () => {
  const { file } = makePack([packCandidate(1), packCandidate(2)])
  const text = pdfText(file)
  assert.equal(text.match(/sian@example\.org/g)?.length, 1, 'only the consenting contact (case study 2)')
  assert.match(text, /Principles met: Citizens as equal partners/)
  assert.match(text, /Participating members: Cyngor Gwynedd/)
  assert.match(text, /Year: 2025/)
  const links = pdfLinkTargets(file)
  for (const target of [
    'https://coophub.example/case-studies/case-study-1',
    'https://coophub.example/case-studies/case-study-2',
    'mailto:sian@example.org',
    'https://coophub.example/join',
  ])
    assert.ok(links.includes(target), `a working link to ${target} in ${links.join(', ')}`)
})

test('a Welsh pack: Welsh labels, language cy, Welsh letters intact', { skip }, () => {
  const { file } = makePack([packCandidate(1, { title: 'Gŵyl y Llŷn: ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ' })], 'cy')
  assert.match(pdfCatalogue(file), /\/Lang \(cy-GB\)/)
  const text = pdfText(file)
  assert.ok(text.includes('Gŵyl y Llŷn: ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ'))
  assert.ok(text.includes('Cynnwys'))
  assert.equal(pdfInfo(file).Title, 'Pecyn astudiaethau achos 2025')
})

test('hostile content never breaks generation', { skip }, () => {
  const hostile = [
    packCandidate(1, { title: `${'Cydweithredol '.repeat(21)}diwedd`.slice(0, 300), body: '' }),
    packCandidate(2, { body: `${'x'.repeat(2000)} ${'https://example.org/'.padEnd(500, 'a')}` }),
    packCandidate(3, { body: '| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 😀🎉🏳️‍🌈 | **ŵ** | [l](https://x.example) |' }),
    packCandidate(4, {
      title: 'Emoji 🎉🧑🏽‍🤝‍🧑🏻 ŵŷ',
      summary: '#set page(width: 1pt) ] [ $ " \\ `',
      body: '#### deep\n\n# top\n\n> > nested\n\n```\n#import "x"\n```\n\n1. a\n   1. b\n      - c',
    }),
    packCandidate(5, { title: '   ', body: '<script>alert(1)</script>', outcomes: '', principles: [], lead: null, participants: [], yearStart: 2025 }),
  ]
  const { document, file } = makePack(hostile)
  const info = pdfInfo(file)
  assert.equal(info.Tagged, 'yes')
  const text = pdfText(file)
  assert.ok(text.includes('Emoji'), 'the emoji title is printed, without the characters no font has')
  assert.ok(text.includes('<script>alert(1)</script>'), 'markup in a body is shown as words')
  assert.equal(document.sections.flatMap((s) => s.entries).length, 5)
})
