// Test helper (not a test): the seeded document generator and mutator behind fuzz.test.ts.

import { FIXTURE_PRINCIPLES } from './reading-support.ts'

export const MAX_FUZZ_CHARS = 200_000

export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('empty list')
    return item
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

const WORDS =
  'the residents council co-operative we will and of garden energy budget Trafford Bury Oldham bury reading Council Town Principles met Lead Member Year Status contact • - – “quoted” ‘single’ café £20 2021 2019-2022 About project Policy Labs'.split(
    ' ',
  )
const PLACES = [
  'Trafford Council',
  'Bury',
  'Oldham Council',
  'London Borough of Lambeth',
  'Stretford Town Council',
  'City of York Council',
  'Hull City Council',
]
const ODD = [
  '\u0000',
  '\u0007',
  '\u200b',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\r',
  '\t',
  '•',
  '#',
  '*',
  '-',
  '—',
  '’',
  '"',
  '<',
  '>',
  '&',
  '😀',
  '\ud800',
  'é',
  ':',
  '\\',
]

function sentence(rng: Rng): string {
  const n = 3 + rng.int(20)
  const words = Array.from({ length: n }, () => (rng.chance(0.1) ? rng.pick(PLACES) : rng.pick(WORDS)))
  return `${words.join(' ')}${rng.pick(['.', '.', '', '!', '?', ':'])}`
}

function principlesBlock(rng: Rng): string[] {
  const out = [rng.pick(['Principles met', 'Principles met:', '## Principles met', 'PRINCIPLES MET'])]
  const layout = rng.int(3)
  for (const p of FIXTURE_PRINCIPLES) {
    if (rng.chance(0.4)) continue
    let statement = p.statement
    if (rng.chance(0.3)) statement = statement.replace(/e/g, () => (rng.chance(0.05) ? 'a' : 'e'))
    if (rng.chance(0.2)) statement = statement.replace(/ /g, () => (rng.chance(0.1) ? '' : ' '))
    const subs = (p.subPoints ?? []).map((s) => `${rng.pick(['• ', '•', '- '])}${s.name}: ${s.text}`)
    if (layout === 0) out.push('-', p.shortName, statement, ...subs)
    else if (layout === 1) out.push(...(rng.chance(0.3) ? [] : [p.shortName]), statement, ...subs)
    else out.push(`  • ${statement}${subs.length ? ` ${subs.join(' ')}` : ''}`)
  }
  if (rng.chance(0.2)) out.push('• We will do something nobody has listed before.')
  return out
}

export function generate(rng: Rng): string {
  const lines: string[] = []
  if (rng.chance(0.3)) lines.push(rng.pick(['# ', 'Title: ', '']) + sentence(rng))
  for (const label of ['Lead Member', 'Participating Members', 'Year', 'Status', 'Type']) {
    if (rng.chance(0.3))
      lines.push(
        `${rng.pick(['', '• ', '- ', '* '])}${label}${rng.pick([': ', ' '])}${rng.pick([...PLACES, '2020', '2019-2021', 'Policy Labs', sentence(rng)])}`,
      )
  }
  const block = principlesBlock(rng)
  const narrative = Array.from({ length: 1 + rng.int(6) }, () =>
    rng.chance(0.2) ? rng.pick(['About the project', 'Latest posts', 'Share this', 'Accept']) : sentence(rng),
  )
  if (rng.chance(0.7)) lines.push(...block, ...narrative)
  else lines.push(...narrative, '', ...block)
  if (rng.chance(0.6))
    lines.push(
      rng.pick(['For more information contact:', 'For further information contact', 'for MORE information contact: Ann Other']),
      ...PLACES.slice(0, rng.int(4)),
    )
  return lines.join(rng.pick(['\n', '\n', '\r\n', '\n\n']))
}

function hugeLine(rng: Rng): string {
  const n = 20_000 + rng.int(100_000)
  const unit = rng.pick(['a', ' ', ' #', '# ', '•', '- ', 'Council ', 'We will ', '.', 'x'.repeat(50) + ' ', 'Principles met', '::'])
  return `${rng.pick(['', '# ', '• ', 'Lead Member: '])}${unit.repeat(Math.ceil(n / unit.length))}`
}

export function mutate(text: string, rng: Rng): { text: string; steps: string[] } {
  let lines = text.split('\n')
  const steps: string[] = []
  const rounds = rng.int(4)
  for (let r = 0; r < rounds; r++) {
    // Size-blowing mutations (huge line, repeated bullets or lines) in about one document in
    // twelve: enough to catch anything superlinear, few enough to keep the run short.
    const kind = rng.chance(0.03) ? 3 + rng.int(3) : rng.pick([0, 1, 2, 6])
    steps.push(['shuffle', 'cut', 'noise', 'huge-line', 'repeat-bullets', 'repeat-line', 'drop-lines'][kind] ?? '')
    if (kind === 0) {
      for (let i = lines.length - 1; i > 0; i--) {
        const j = rng.int(i + 1)
        ;[lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']
      }
    } else if (kind === 1) {
      const joined = lines.join('\n')
      lines = joined.slice(0, rng.int(joined.length + 1)).split('\n')
    } else if (kind === 2) {
      lines = lines.map((l) =>
        rng.chance(0.3) ? l.slice(0, rng.int(l.length + 1)) + rng.pick(ODD).repeat(1 + rng.int(4)) + l.slice(rng.int(l.length + 1)) : l,
      )
    } else if (kind === 3) {
      lines.splice(rng.int(lines.length + 1), 0, hugeLine(rng))
    } else if (kind === 4) {
      const bullet = rng.pick(['• ', '•', '- ', '  • ']) + rng.pick([...FIXTURE_PRINCIPLES.map((p) => p.statement), 'x', 'Co-design', ''])
      lines.splice(rng.int(lines.length + 1), 0, ...Array.from({ length: 500 + rng.int(4000) }, () => bullet))
    } else if (kind === 5) {
      const line = rng.pick(lines.length ? lines : ['-'])
      lines.splice(rng.int(lines.length + 1), 0, ...Array.from({ length: 100 + rng.int(2000) }, () => line))
    } else {
      lines = lines.filter(() => rng.chance(0.7))
    }
  }
  // Real case studies are a few kilobytes; a quarter of a megabyte is already far beyond them.
  return { text: lines.join('\n').slice(0, MAX_FUZZ_CHARS), steps }
}

export function encode(text: string, rng: Rng): Uint8Array {
  switch (rng.int(5)) {
    case 0:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    case 1:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    case 2:
      return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)
    case 3: {
      const bytes = Buffer.from(text, 'utf8')
      for (let i = 0; i < 1 + rng.int(20); i++) if (bytes.length) bytes[rng.int(bytes.length)] = rng.int(256)
      return bytes
    }
    default:
      return Buffer.from(text, 'utf8')
  }
}

export function asHtml(text: string, rng: Rng): string {
  const body = text
    .split('\n')
    .map((l) => {
      const tag = rng.pick(['p', 'li', 'h2', 'div', 'span', 'td', 'h1', 'nav', 'footer'])
      return `${'<div>'.repeat(rng.int(3))}<${tag}>${l}</${tag}>`
    })
    .join(rng.pick(['\n', '', '<br>']))
  return rng.pick([`<!doctype html><html><head><title>T</title></head><body><main>${body}</main></body></html>`, body, `<article>${body}`])
}
