import { areaName, streetName } from './places.ts'
import type { Random } from './prng.ts'
import * as s from './sentences.ts'
import type { ThemeContent } from './themes.ts'
import { groups, phraseCatalogue, phraseSentences, rareCategories } from './vocabulary.ts'

/** What a case study's text is about: chosen by generate.ts, written up here. */
export interface TextFacts {
  council: string
  place: string
  theme: ThemeContent
  /** The other themes it touches, which lend it a sentence each. */
  otherThemes: readonly ThemeContent[]
  partner: string | null
  funder: string | null
  participant: string | null
  principle: string | null
  yearStart: number
}

export interface CaseStudyText {
  title: string
  summary: string
  body: string
  outcomes: string
}

const minBody = 1500
const maxBody = 3000

const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six']

export function withArticle(phrase: string): string {
  const lower = phrase.toLowerCase()
  const an = /^(hour|honest)/.test(lower) || (/^[aeiou]/.test(lower) && !/^(eu|uk|uni|use)/.test(lower))
  return `${an ? 'an' : 'a'} ${phrase}`
}

const shortGroups = groups.filter((g) => g.split(' ').length <= 2)

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Fills one case study's placeholders, keeping its places and project the same throughout. */
class Writer {
  readonly area: string
  readonly area2: string
  readonly street: string
  readonly project: string
  readonly aim: string
  private readonly terms: string[]
  private termIndex = 0
  private readonly used = new Set<string>()
  rare = ''
  phrase = ''
  listCount = 3

  constructor(
    private readonly random: Random,
    private readonly facts: TextFacts,
  ) {
    this.area = areaName(random)
    let area2 = areaName(random)
    while (area2 === this.area) area2 = areaName(random)
    this.area2 = area2
    this.street = streetName(random)
    this.project = random.pick(facts.theme.projects)
    this.aim = random.pick(facts.theme.aims)
    this.terms = random.sample(facts.theme.terms, facts.theme.terms.length)
  }

  private slot(name: string): string {
    const r = this.random
    const f = this.facts
    switch (name) {
      case 'council':
        return f.council
      case 'place':
        return f.place
      case 'area':
        return this.area
      case 'area2':
        return this.area2
      case 'street':
        return this.street
      case 'project':
        return this.project
      case 'a-project':
        return withArticle(this.project)
      case 'aim':
        return this.aim
      case 'term':
        return this.terms[this.termIndex++ % this.terms.length]!
      case 'group':
        return r.pick(groups)
      case 'short-group':
        return r.pick(shortGroups)
      case 'partner':
        return f.partner ?? 'a local charity'
      case 'participant':
        return f.participant ?? 'a neighbouring council'
      case 'principle':
        return (f.principle ?? 'co-operation').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())
      case 'rare':
        return this.rare
      case 'a-rare':
        return withArticle(this.rare)
      case 'phrase':
        return this.phrase
      case 'n':
        return String(r.int(2, 60) * 10 + r.int(0, 9))
      case 'small':
        return String(r.int(3, 12))
      case 'tenth':
        return String(r.int(5, 9))
      case 'pct':
        return String(r.int(12, 64))
      case 'months':
        return String(r.int(3, 18))
      case 'weeks':
        return String(r.int(6, 16))
      // Grouped by hand: toLocaleString depends on the ICU data Node was built with.
      case 'money':
        return String(r.int(5, 240) * 1000).replace(/\B(?=(\d{3})+$)/g, ',')
      case 'year':
        return String(f.yearStart)
      case 'nextyear':
        return String(Math.min(2026, f.yearStart + r.int(1, 3)))
      case 'listcount':
        return numberWords[this.listCount] ?? String(this.listCount)
      default:
        throw new Error(`Unknown placeholder {${name}}`)
    }
  }

  fill(template: string): string {
    const text = template.replace(/\{(Cap-)?([a-z0-9-]+)\}/g, (_, cap: string | undefined, name: string) => {
      const value = this.slot(name)
      return cap ? capitalise(value) : value
    })
    return capitalise(text)
  }

  /** A sentence from the pool not yet used in this case study (or any, once all are used). */
  draw(pool: readonly string[]): string {
    const fresh = pool.filter((t) => !this.used.has(t))
    const template = this.random.pick(fresh.length > 0 ? fresh : pool)
    this.used.add(template)
    return this.fill(template)
  }

  rareSentence(): string {
    const category = this.random.pick(rareCategories)
    this.rare = this.random.pick(category.words)
    return this.draw(category.sentences)
  }

  phraseSentence(): string {
    const own = phraseCatalogue.filter((p) => p.themes.includes(this.facts.theme.name))
    const choices = own.length > 0 && this.random.chance(0.7) ? own : phraseCatalogue
    this.phrase = this.random.pick(choices).phrase
    return this.draw(phraseSentences)
  }
}

type Block = { kind: 'heading'; text: string } | { kind: 'paragraph'; sentences: string[] } | { kind: 'list'; lead: string; items: string[] }

function render(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.kind === 'list' ? `${b.lead}\n\n${b.items.map((i) => `- ${i}`).join('\n')}` : b.sentences.join(' ')))
    .join('\n\n')
}

/** Title, summary, Markdown body (about 1.5 to 3 KB) and outcomes for one case study. */
export function writeCaseStudyText(random: Random, facts: TextFacts): CaseStudyText {
  const w = new Writer(random, facts)
  const title = w.fill(s.titlePatterns[random.weighted(s.titlePatterns.map(([, weight]) => weight))]![0])
  const summary = [w.draw(s.summaryFirst), ...(random.chance(0.6) ? [w.draw(s.summarySecond)] : [])].join(' ')

  const about: string[] = [w.draw(s.openings), w.draw(s.context), w.draw(s.context)]
  if (random.chance(0.5)) about.push(w.draw(s.context))
  const did: string[] = [w.draw(s.approach), w.draw(facts.theme.activities), w.draw(s.approach)]
  if (facts.funder) did.push(`Funding came from ${facts.funder}.`)
  const more: string[] = [w.draw(facts.theme.activities)]
  for (const other of facts.otherThemes) more.push(w.draw(other.activities))
  more.push(w.draw(s.approach))
  if (random.chance(0.55)) more.push(w.rareSentence())
  if (random.chance(0.2)) more.push(w.rareSentence())
  if (random.chance(0.3)) about.push(w.phraseSentence())
  if (random.chance(0.08)) more.push(w.phraseSentence())
  const changed: string[] = [w.draw(s.changes), w.draw(s.changes)]
  if (random.chance(0.5)) changed.push(w.draw(s.quotes))
  if (facts.principle && random.chance(0.5)) changed.push(w.draw(s.principleSentences))

  const blocks: Block[] = [
    { kind: 'heading', text: 'About the project' },
    { kind: 'paragraph', sentences: about },
    { kind: 'heading', text: random.pick(s.secondHeadings) },
    { kind: 'paragraph', sentences: did },
  ]
  if (random.chance(0.35)) {
    w.listCount = random.int(3, 4)
    const items: string[] = []
    for (let i = 0; i < w.listCount; i++) items.push(w.draw(s.priorities))
    blocks.push({ kind: 'list', lead: w.draw(s.prioritiesLead), items })
  }
  blocks.push({ kind: 'paragraph', sentences: more })
  if (random.chance(0.4)) {
    blocks.push({ kind: 'heading', text: random.pick(s.challengeHeadings) }, { kind: 'paragraph', sentences: [w.draw(s.challenges), w.draw(s.challenges)] })
  }
  blocks.push({ kind: 'heading', text: random.pick(s.thirdHeadings) }, { kind: 'paragraph', sentences: changed })
  if (random.chance(0.5)) blocks.push({ kind: 'paragraph', sentences: [w.draw(s.nextSteps), w.draw(s.changes)] })

  // Grow or trim to a length drawn for this case study, so sizes spread over the whole range. Each
  // paragraph grows from its own kind of sentence, so the story stays in order.
  const target = random.int(minBody, maxBody - 200)
  const growable: Array<{ sentences: string[]; pools: ReadonlyArray<readonly string[]> }> = [
    { sentences: about, pools: [s.context] },
    { sentences: did, pools: [s.approach, facts.theme.activities] },
    { sentences: more, pools: [s.approach, facts.theme.activities] },
    { sentences: changed, pools: [s.changes] },
  ]
  // Most of the length goes to what was done, as in real write-ups.
  const growth = [1, 2, 2, 1]
  let body = render(blocks)
  while (body.length < target) {
    const paragraph = growable[random.weighted(growth)]!
    const sentence = w.draw(random.pick(paragraph.pools))
    // Changes go before any quote or principle, which read best last.
    if (paragraph.sentences === changed) changed.splice(2, 0, sentence)
    else paragraph.sentences.push(sentence)
    body = render(blocks)
  }
  while (body.length > maxBody) {
    const longest = growable.reduce((a, b) => (b.sentences.length > a.sentences.length ? b : a))
    if (longest.sentences.length <= 1) break
    longest.sentences.pop()
    body = render(blocks)
  }

  const results = [w.draw(facts.theme.results), ...(random.chance(0.5) ? [w.draw((facts.otherThemes[0] ?? facts.theme).results)] : [])]
  const lesson = w.draw(s.lessons)
  const outcomes = random.chance(0.5) ? [...results, lesson].map((line) => `- ${line}`).join('\n') : [...results, lesson].join(' ')
  return { title, summary, body, outcomes }
}
