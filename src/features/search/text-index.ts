// Text matching and ranking in memory. Asking PostgreSQL for every match of a common word and its
// rank meant reading and unpacking thousands of stored vectors per new search (docs/benchmarks.md,
// Measurements behind the code); here each published case study's
// vector (its lexemes as PostgreSQL stemmed them, and their positions) is inverted once into
// posting lists, a query's tree (from plain-query.ts, or PostgreSQL's own parse of what was typed)
// is answered with bit sets, and matches are ranked by their title-and-summary lexemes. Phrases are
// checked on the positions, as PostgreSQL's phrase operator does, rather than asking PostgreSQL
// to check them (a round trip, slower than the check, growing with the library). Pure.
import { clearBeyond, countBits } from './bits.ts'
import { hasWelshForms, welshTree } from './tsquery-text.ts'
import type { TsNode } from './tsquery-text.ts'
import { phraseCheck } from './phrase-match.ts'
import type { PhraseNode, PositionLists } from './phrase-match.ts'
import { readLexemePositions, readWeightedLexemes } from './tsvector-text.ts'

/** A growable typed array, so that millions of postings never sit in boxed JavaScript arrays. */
class GrowingList<T extends Int32Array | Uint16Array> {
  length = 0
  constructor(public data: T) {}
  push(n: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = n
  }
}
const intList = () => new GrowingList(new Int32Array(1024))
const shortList = () => new GrowingList(new Uint16Array(1024))

/** Per lexeme (CSR): the positions with it in their title or summary, and its weight there in tenths. */
interface RankLists {
  rankStart: Int32Array
  rankPositions: Uint16Array
  rankWeights: Uint16Array
}

/**
 * The most case studies one index holds: positions are kept in 16 bits, half the memory of the
 * posting lists. The search engine splits larger sets into segments (search-index.ts).
 */
export const maxIndexSize = 65_536

/** Bit set over index positions: one bit per case study. */
export type Bits = Uint32Array

export class TextIndexBuilder {
  private readonly lexemeIds = new Map<string, number>()
  /** Where each position's lexemes start in docLexemes (and where the last one's end). */
  private readonly docStart = intList()
  private readonly docLexemes = intList()
  /** How many word positions each of docLexemes has, and the positions themselves, in the same order. */
  private readonly docCounts = shortList()
  private readonly docPositions = shortList()
  private readonly rankLexeme = intList()
  private readonly rankPosition = intList()
  private readonly rankWeight = intList()
  private added = 0
  /** Positions of Welsh case studies, whose vectors hold words unstemmed (the simple configuration). */
  private readonly welshPositions: number[] = []
  /** Vectors that could not be read: the index then answers nothing alone. */
  private unreadable = 0

  constructor() {
    this.docStart.push(0)
  }

  private idOf(lexeme: string): number {
    let id = this.lexemeIds.get(lexeme)
    if (id === undefined) {
      id = this.lexemeIds.size
      this.lexemeIds.set(lexeme, id)
    }
    return id
  }

  /** The next position's search vector and its weighted title-and-summary vector, as PostgreSQL prints them; `welsh`: built with the simple configuration. */
  add(vector: string | null, ranked: string | null, welsh = false): void {
    if (this.added === maxIndexSize) throw new Error(`a text index holds at most ${maxIndexSize} case studies`)
    const position = this.added++
    if (welsh) this.welshPositions.push(position)
    if (vector) {
      const read = readLexemePositions(vector, (lexeme, positions, count) => {
        this.docLexemes.push(this.idOf(lexeme))
        this.docCounts.push(count)
        for (let i = 0; i < count; i++) this.docPositions.push(positions[i]!)
        // PostgreSQL takes a lexeme without positions as matching any phrase: not modelled.
        if (count === 0) this.unreadable++
      })
      if (!read) this.unreadable++
    }
    this.docStart.push(this.docLexemes.length)
    if (ranked) {
      readWeightedLexemes(ranked, (lexeme, weight) => {
        this.rankLexeme.push(this.idOf(lexeme))
        this.rankPosition.push(position)
        // In tenths (A 10, B 4, C 2, D 1): whole numbers rank by counting, not by comparing.
        this.rankWeight.push(Math.min(0xffff, Math.round(weight * 10)))
      })
    }
  }

  build(): TextIndex {
    const size = this.added
    const docStart = this.docStart.data
    const lexemes = this.lexemeIds.size
    // Inverts the case studies' lists into one list per lexeme; positions come out in order.
    const postStart = new Int32Array(lexemes + 1)
    const docs = this.docLexemes.data
    for (let i = 0; i < this.docLexemes.length; i++) postStart[docs[i]! + 1]!++
    for (let l = 0; l < lexemes; l++) postStart[l + 1]! += postStart[l]!
    const fill = postStart.slice(0, lexemes)
    const postings = new Uint16Array(this.docLexemes.length)
    const postCounts = new Uint16Array(this.docLexemes.length)
    // Each lexeme's positions, its case studies in order, one run after another.
    const positionStart = new Int32Array(lexemes + 1)
    const counts = this.docCounts.data
    for (let i = 0; i < this.docLexemes.length; i++) positionStart[docs[i]! + 1]! += counts[i]!
    for (let l = 0; l < lexemes; l++) positionStart[l + 1]! += positionStart[l]!
    const positionFill = positionStart.slice(0, lexemes)
    const positions = new Uint16Array(this.docPositions.length)
    const docPositions = this.docPositions.data
    let from = 0
    for (let p = 0; p < size; p++) {
      for (let i = docStart[p]!; i < docStart[p + 1]!; i++) {
        const lexeme = docs[i]!
        const at = fill[lexeme]!++
        postings[at] = p
        postCounts[at] = counts[i]!
        positions.set(docPositions.subarray(from, from + counts[i]!), positionFill[lexeme]!)
        positionFill[lexeme]! += counts[i]!
        from += counts[i]!
      }
    }
    const rankStart = new Int32Array(lexemes + 1)
    const ranked = this.rankLexeme.length
    for (let i = 0; i < ranked; i++) rankStart[this.rankLexeme.data[i]! + 1]!++
    for (let l = 0; l < lexemes; l++) rankStart[l + 1]! += rankStart[l]!
    const rankFill = rankStart.slice(0, lexemes)
    const rankPositions = new Uint16Array(ranked)
    const rankWeights = new Uint16Array(ranked)
    for (let i = 0; i < ranked; i++) {
      const at = rankFill[this.rankLexeme.data[i]!]!++
      rankPositions[at] = this.rankPosition.data[i]!
      rankWeights[at] = this.rankWeight.data[i]!
    }
    let welsh: Bits | null = null
    if (this.welshPositions.length > 0) {
      welsh = new Uint32Array(Math.ceil(size / 32))
      for (const p of this.welshPositions) welsh[p >>> 5]! |= 1 << (p & 31)
    }
    return new TextIndex(
      size,
      this.lexemeIds,
      { postStart, postings, postCounts, positionStart, positions },
      { rankStart, rankPositions, rankWeights },
      this.unreadable === 0,
      welsh,
    )
  }
}

export class TextIndex {
  private readonly words: number

  constructor(
    readonly size: number,
    private readonly lexemeIds: ReadonlyMap<string, number>,
    private readonly lists: PositionLists,
    private readonly rankLists: RankLists,
    /** Every vector was read: without that, only the database can say what matches. */
    readonly complete: boolean,
    /** The positions of Welsh case studies; null when there are none. */
    private readonly welsh: Bits | null = null,
  ) {
    this.words = Math.ceil(size / 32)
  }

  /** Bytes held, for the benchmark's account of memory. */
  get bytes(): number {
    return [...Object.values(this.lists), ...Object.values(this.rankLists)].reduce((sum: number, a: ArrayBufferView) => sum + a.byteLength, 0)
  }

  /** Whether evaluate() answers the query exactly: phrases of words (and of phrases) only, as websearch_to_tsquery makes them. */
  answers(node: TsNode): boolean {
    if (!this.complete) return false
    switch (node.op) {
      case 'word':
        return true
      case 'not':
        return this.answers(node.arg)
      case 'phrase':
        return node.args.every((arg) => arg.op === 'word' || (arg.op === 'phrase' && this.answers(arg)))
      default:
        return node.args.every((arg) => this.answers(arg))
    }
  }

  /** Whether some case study here is in Welsh. */
  get hasWelsh(): boolean {
    return this.welsh !== null
  }

  /** Whether some case study has the lexeme. */
  has(lexeme: string): boolean {
    return this.lexemeIds.has(lexeme)
  }

  emptyBits(): Bits {
    return new Uint32Array(this.words)
  }

  /** Positions holding the lexeme. */
  private wordBits(lexeme: string): Bits {
    const bits = this.emptyBits()
    const id = this.lexemeIds.get(lexeme)
    if (id === undefined) return bits
    const { postStart, postings } = this.lists
    for (let i = postStart[id]!; i < postStart[id + 1]!; i++) {
      const p = postings[i]!
      bits[p >>> 5]! |= 1 << (p & 31)
    }
    return bits
  }

  /**
   * The positions matching the query: exactly when answers(node), otherwise with a phrase that
   * cannot be checked taken as all its words anywhere (more than it matches), for the caller to check.
   * English case studies are matched by the words' english lexemes, Welsh ones by the words as
   * typed (welshTree): each language's matches are kept for its own case studies.
   */
  evaluate(node: TsNode): Bits {
    const bits = this.evaluateIn(node)
    if (this.welsh === null || !hasWelshForms(node)) return bits
    const inWelsh = this.evaluateIn(welshTree(node))
    const welsh = this.welsh
    for (let w = 0; w < bits.length; w++) bits[w] = (bits[w]! & ~welsh[w]!) | (inWelsh[w]! & welsh[w]!)
    return bits
  }

  private evaluateIn(node: TsNode): Bits {
    switch (node.op) {
      case 'word':
        return this.wordBits(node.lexeme)
      case 'phrase':
        return this.answers(node) ? this.phraseBits(node) : this.allOf(node.args)
      case 'not': {
        const bits = this.evaluateIn(node.arg)
        for (let w = 0; w < bits.length; w++) bits[w] = ~bits[w]!
        return clearBeyond(bits, this.size)
      }
      case 'or': {
        const bits = this.evaluateIn(node.args[0]!)
        for (const arg of node.args.slice(1)) {
          const more = this.evaluateIn(arg)
          for (let w = 0; w < bits.length; w++) bits[w]! |= more[w]!
        }
        return bits
      }
      default:
        return this.allOf(node.args)
    }
  }

  private allOf(args: readonly TsNode[]): Bits {
    const bits = this.evaluateIn(args[0]!)
    for (const arg of args.slice(1)) {
      const more = this.evaluateIn(arg)
      for (let w = 0; w < bits.length; w++) bits[w]! &= more[w]!
    }
    return bits
  }

  /**
   * Adds to `scores[offset + p]` the weights of the wanted lexemes in position p's title (A) and
   * summary (B), for every position holding one; clearScores() takes them away again.
   */
  addScores(wanted: Iterable<string>, scores: Uint32Array, offset: number): void {
    const { rankStart, rankPositions, rankWeights } = this.rankLists
    for (const id of this.idsOf(wanted)) {
      for (let i = rankStart[id]!; i < rankStart[id + 1]!; i++) scores[offset + rankPositions[i]!]! += rankWeights[i]!
    }
  }

  clearScores(wanted: Iterable<string>, scores: Uint32Array, offset: number): void {
    const { rankStart, rankPositions } = this.rankLists
    for (const id of this.idsOf(wanted)) {
      for (let i = rankStart[id]!; i < rankStart[id + 1]!; i++) scores[offset + rankPositions[i]!] = 0
    }
  }

  private idsOf(lexemes: Iterable<string>): number[] {
    const ids: number[] = []
    for (const lexeme of lexemes) {
      const id = this.lexemeIds.get(lexeme)
      if (id !== undefined) ids.push(id)
    }
    return ids
  }

  /** The matching positions best first (see rankByScores). */
  rank(bits: Bits, wanted: Iterable<string>, tieOrder: Int32Array): Int32Array {
    const scores = new Uint32Array(this.size)
    this.addScores(wanted, scores, 0)
    return rankByScores(bits, scores, tieOrder)
  }

  /** Positions holding the phrase: those with all its words, kept where the words stand as it says. */
  private phraseBits(node: PhraseNode): Bits {
    const lexemes = new Set<string>()
    const collect = (n: TsNode): void => {
      if (n.op === 'word') lexemes.add(n.lexeme)
      else if (n.op === 'phrase') n.args.forEach(collect)
    }
    collect(node)
    const ids = new Map<string, number>()
    for (const lexeme of lexemes) {
      const id = this.lexemeIds.get(lexeme)
      if (id === undefined) return this.emptyBits()
      ids.set(lexeme, id)
    }
    const bits = this.allOf([...lexemes].map((lexeme): TsNode => ({ op: 'word', lexeme })))
    const holds = phraseCheck(this.lists, ids, node)
    for (let w = 0; w < bits.length; w++) {
      for (let word = bits[w]!; word !== 0; word &= word - 1) {
        const bit = word & -word
        if (!holds(w * 32 + 31 - Math.clz32(bit))) bits[w]! &= ~bit
      }
    }
    return bits
  }
}

/**
 * The matching positions best first: by their scores (summed weights in tenths, see addScores);
 * ties (a match only in the body scores 0) keep the order of `tieOrder`, which lists every
 * position that may match. A counting sort on the whole-number scores: linear time.
 */
export function rankByScores(bits: Bits, scores: Uint32Array, tieOrder: Int32Array): Int32Array {
  const count = countBits(bits)
  const inOrder = new Int32Array(count)
  let best = 0
  let n = 0
  for (let i = 0; i < tieOrder.length && n < count; i++) {
    const p = tieOrder[i]!
    if ((bits[p >>> 5]! & (1 << (p & 31))) === 0) continue
    inOrder[n++] = p
    if (scores[p]! > best) best = scores[p]!
  }
  const startOf = new Int32Array(best + 2)
  for (let i = 0; i < n; i++) startOf[best - scores[inOrder[i]!]! + 1]!++
  for (let w = 1; w < startOf.length; w++) startOf[w]! += startOf[w - 1]!
  const ranked = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const p = inOrder[i]!
    ranked[startOf[best - scores[p]!]!++] = p
  }
  return ranked
}
