// Likely duplicates among case-study titles, in memory, with pg_trgm's own measure: the trigram
// sets of each word padded with two spaces before and one after, similarity = shared / union.
// Asking the database once per imported document grew slow with the table (docs/benchmarks.md,
// "Measurements behind the code"); the web review (one document) asks PostgreSQL the same question.

export const TITLE_SIMILAR = 0.6
export const TITLE_RELATED = 0.3

export interface TitleEntry {
  id: number
  slug: string
  title: string
  leadId: number | null
  year: number | null
}

export interface TitleMatch extends TitleEntry {
  similarity: number
  reason: 'title' | 'lead-and-year'
}

/** pg_trgm's trigrams of a text: per alphanumeric word, lower-cased, padded "  word ". */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = [' ', ' ', ...word, ' ']
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded[i]! + padded[i + 1]! + padded[i + 2]!)
  }
  return out
}

/** pg_trgm's similarity(a, b) of two texts. */
export function titleSimilarity(a: string, b: string): number {
  const x = trigrams(a)
  const y = trigrams(b)
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const t of x) if (y.has(t)) shared++
  return shared / (x.size + y.size - shared)
}

/** Shared / union of two sorted lists of trigram ids. */
function similarity(a: Int32Array, b: Int32Array): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return a.length + b.length === 0 ? 0 : shared / (a.length + b.length - shared)
}

// The same lead and year flags only the latest few of that council's year, not every one of them.
const RELATED_RECENT = 32

export class TitleIndex {
  private readonly entries: Array<TitleEntry & { grams: Int32Array }> = []
  private readonly ids = new Map<string, number>()
  private readonly postings: number[][] = []
  private readonly byLeadYear = new Map<string, number[]>()
  private readonly positionOfId = new Map<number, number>()
  private counts = new Int32Array(1024)
  // Each entry's number of trigrams, by position: the bound below reads it for every entry a
  // probe touches, and a typed array beside the entries is what keeps that loop cheap (measured
  // 2.9 s of 3.7 s over 10,000 titles when it was read from the entry objects).
  private sizes = new Int32Array(1024)
  /** 1 for the probe's same-lead-and-year entries while a find runs. */
  private relatedMark = new Uint8Array(1024)

  /** Trigram ids of a text, sorted; `add` gives new trigrams ids, a probe gives them -1 (no postings). */
  private gramIds(text: string, add: boolean): Int32Array {
    const out: number[] = []
    let unknown = 0
    for (const g of trigrams(text)) {
      let id = this.ids.get(g)
      if (id === undefined && add) {
        id = this.postings.length
        this.ids.set(g, id)
        this.postings.push([])
      }
      // An unknown trigram matches nothing but still counts towards the union.
      out.push(id ?? -1 - unknown++)
    }
    return Int32Array.from(out).sort()
  }

  add(entry: TitleEntry): void {
    const known = this.positionOfId.get(entry.id)
    const grams = this.gramIds(entry.title, true)
    if (known !== undefined) {
      // A re-imported title: findable by its new words too.
      const e = this.entries[known]!
      for (const g of grams) if (!e.grams.includes(g)) this.postings[g]!.push(known)
      Object.assign(e, { title: entry.title, slug: entry.slug, grams })
      this.sizes[known] = grams.length
      return
    }
    const position = this.entries.length
    this.entries.push({ ...entry, grams })
    if (this.sizes.length <= position) this.sizes = growInt32(this.sizes, position * 2)
    this.sizes[position] = grams.length
    this.positionOfId.set(entry.id, position)
    for (const g of grams) this.postings[g]!.push(position)
    if (entry.leadId !== null && entry.year !== null) {
      const key = `${entry.leadId}:${entry.year}`
      const list = this.byLeadYear.get(key)
      if (list) list.push(position)
      else this.byLeadYear.set(key, [position])
    }
  }

  /**
   * Entries with a very similar title, or the same lead and year and a related title (the lead
   * and year alone would flag every council's second case study of a year), best first.
   */
  find(probe: TitleEntry, limit = 3): TitleMatch[] {
    const grams = this.gramIds(probe.title, false)
    if (grams.length === 0) return []
    // A title above TITLE_SIMILAR shares more than that share of the probe's trigrams, so it
    // shares at least one of the rarest (|grams| − that) of them: only their postings are walked,
    // never those of words every title has ("in", "the"). Shared rare trigrams are counted, and
    // only entries that could still pass (sharing every trigram not counted) are compared.
    const lengths = Array.from(grams, (g) => (g >= 0 ? this.postings[g]!.length : 0))
    const order = Array.from(grams.keys()).sort((a, b) => lengths[a]! - lengths[b]!)
    const need = grams.length - Math.floor(TITLE_SIMILAR * grams.length)
    if (this.counts.length < this.entries.length) {
      this.counts = new Int32Array(this.entries.length * 2)
      this.relatedMark = new Uint8Array(this.entries.length * 2)
    }
    const counts = this.counts
    const touched: number[] = []
    let walked = 0
    for (let k = 0; k < need; k++) {
      const g = grams[order[k]!]!
      if (g < 0) continue
      const list = this.postings[g]!
      walked += list.length
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!
        if (counts[p]!++ === 0) touched.push(p)
      }
    }
    // Walking a few more lists, counting only for entries already touched, tightens the bound
    // below: each one walked is one trigram fewer assumed shared. Worth it while the lists stay
    // short next to the exact comparisons they save (measured on 10,000 generated titles).
    let seen = need
    const budget = walked * 6 + 256
    while (seen < grams.length) {
      const g = grams[order[seen]!]!
      const list = g >= 0 ? this.postings[g]! : []
      if (walked + list.length > budget) break
      walked += list.length
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!
        if (counts[p]! > 0) counts[p]!++
      }
      seen++
    }
    const unseen = grams.length - seen
    const sameLeadYear = probe.leadId !== null && probe.year !== null ? (this.byLeadYear.get(`${probe.leadId}:${probe.year}`) ?? []) : []
    const related = sameLeadYear.slice(-RELATED_RECENT)
    const sizes = this.sizes
    const mark = this.relatedMark
    for (const p of related) mark[p] = 1
    const matches: TitleMatch[] = []
    const consider = (p: number, s: number) => {
      const e = this.entries[p]!
      if (e.id === probe.id) return
      const reason = s > TITLE_SIMILAR ? 'title' : s > TITLE_RELATED && mark[p] === 1 ? 'lead-and-year' : null
      if (reason) matches.push({ id: e.id, slug: e.slug, title: e.title, leadId: e.leadId, year: e.year, similarity: s, reason })
    }
    for (let k = 0; k < touched.length; k++) {
      const p = touched[k]!
      const most = counts[p]! + unseen
      counts[p] = 0
      // Only an entry that could pass if it shared every trigram not counted is compared exactly.
      if (most / (grams.length + sizes[p]! - most) > TITLE_SIMILAR && mark[p] === 0) consider(p, similarity(grams, this.entries[p]!.grams))
    }
    for (const p of related) consider(p, similarity(grams, this.entries[p]!.grams))
    for (const p of related) mark[p] = 0
    return matches.sort((a, b) => b.similarity - a.similarity || a.id - b.id).slice(0, limit)
  }
}

function growInt32(from: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(size)
  to.set(from)
  return to
}
