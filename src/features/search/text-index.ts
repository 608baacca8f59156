// Text matching and ranking in memory. Asking PostgreSQL for every match of a common word and its
// rank meant reading and unpacking thousands of stored vectors per new search (22 ms on average
// at 10,000 case studies, over 300 ms at 100,000, measured); here each published case study's
// lexemes (as PostgreSQL stemmed them) are inverted once into posting lists, a query's tree (from
// plain-query.ts, or PostgreSQL's own parse of what was typed) is answered with bit sets, and
// matches are ranked by their title-and-summary lexemes. Phrases need word positions, which are not kept:
// the engine asks PostgreSQL which case studies hold them. Pure.
import { clearBeyond, countBits } from './bits.ts'
import type { TsNode } from './tsquery-text.ts'
import { readWeightedLexemes } from './tsvector-text.ts'

/** Separates the lexemes of one case study in what the engine reads (never part of a lexeme). */
export const lexemeSeparator = '\u001f'

/** A growable Int32Array, so that millions of postings never sit in boxed JavaScript arrays. */
class IntList {
  data = new Int32Array(1024)
  length = 0
  push(n: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = n
  }
}

/** Bit set over index positions: one bit per case study. */
export type Bits = Uint32Array

export class TextIndexBuilder {
  private readonly lexemeIds = new Map<string, number>()
  /** Where each position's lexemes start in docLexemes (and where the last one's end). */
  private readonly docStart = new IntList()
  private readonly docLexemes = new IntList()
  private readonly rankLexeme = new IntList()
  private readonly rankPosition = new IntList()
  private readonly rankWeight = new IntList()
  private added = 0

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

  /** The next position's lexemes (separated by `lexemeSeparator`) and its weighted title-and-summary vector as text. */
  add(lexemes: string | null, ranked: string | null): void {
    const position = this.added++
    if (lexemes) for (const lexeme of lexemes.split(lexemeSeparator)) this.docLexemes.push(this.idOf(lexeme))
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
    const postings = new Int32Array(this.docLexemes.length)
    for (let p = 0; p < size; p++) {
      for (let i = docStart[p]!; i < docStart[p + 1]!; i++) postings[fill[docs[i]!]!++] = p
    }
    const rankStart = new Int32Array(lexemes + 1)
    const ranked = this.rankLexeme.length
    for (let i = 0; i < ranked; i++) rankStart[this.rankLexeme.data[i]! + 1]!++
    for (let l = 0; l < lexemes; l++) rankStart[l + 1]! += rankStart[l]!
    const rankFill = rankStart.slice(0, lexemes)
    const rankPositions = new Int32Array(ranked)
    const rankWeights = new Uint16Array(ranked)
    for (let i = 0; i < ranked; i++) {
      const at = rankFill[this.rankLexeme.data[i]!]!++
      rankPositions[at] = this.rankPosition.data[i]!
      rankWeights[at] = this.rankWeight.data[i]!
    }
    return new TextIndex(size, this.lexemeIds, postStart, postings, rankStart, rankPositions, rankWeights)
  }
}

export class TextIndex {
  private readonly words: number
  /** Reused by every ranking (they run one at a time): a weight per position, zero between calls. */
  private readonly scratch: Uint32Array

  constructor(
    readonly size: number,
    private readonly lexemeIds: ReadonlyMap<string, number>,
    private readonly postStart: Int32Array,
    private readonly postings: Int32Array,
    private readonly rankStart: Int32Array,
    private readonly rankPositions: Int32Array,
    private readonly rankWeights: Uint16Array,
  ) {
    this.words = Math.ceil(size / 32)
    this.scratch = new Uint32Array(size)
  }

  /** Bytes held, for the benchmark's account of memory. */
  get bytes(): number {
    return this.postStart.byteLength + this.postings.byteLength + this.rankStart.byteLength + this.rankPositions.byteLength + this.rankWeights.byteLength + this.scratch.byteLength
  }

  emptyBits(): Bits {
    return new Uint32Array(this.words)
  }

  /** Positions holding the lexeme. */
  private wordBits(lexeme: string): Bits {
    const bits = this.emptyBits()
    const id = this.lexemeIds.get(lexeme)
    if (id === undefined) return bits
    for (let i = this.postStart[id]!; i < this.postStart[id + 1]!; i++) {
      const p = this.postings[i]!
      bits[p >>> 5]! |= 1 << (p & 31)
    }
    return bits
  }

  /**
   * The positions matching the query. A phrase is taken as all its words anywhere (more than the
   * phrase matches): only the caller knows whether positions will be checked afterwards.
   */
  evaluate(node: TsNode): Bits {
    switch (node.op) {
      case 'word':
        return this.wordBits(node.lexeme)
      case 'not': {
        const bits = this.evaluate(node.arg)
        for (let w = 0; w < bits.length; w++) bits[w] = ~bits[w]!
        return clearBeyond(bits, this.size)
      }
      case 'or': {
        const bits = this.evaluate(node.args[0]!)
        for (const arg of node.args.slice(1)) {
          const more = this.evaluate(arg)
          for (let w = 0; w < bits.length; w++) bits[w]! |= more[w]!
        }
        return bits
      }
      default: {
        const bits = this.evaluate(node.args[0]!)
        for (const arg of node.args.slice(1)) {
          const more = this.evaluate(arg)
          for (let w = 0; w < bits.length; w++) bits[w]! &= more[w]!
        }
        return bits
      }
    }
  }

  /**
   * The matching positions best first: by the summed weights of the wanted lexemes in each one's
   * title (A) and summary (B); ties (a match only in the body weighs 0) keep the order of
   * `tieOrder`, a permutation of every position.
   */
  rank(bits: Bits, wanted: Iterable<string>, tieOrder: Int32Array): Int32Array {
    const ids: number[] = []
    for (const lexeme of wanted) {
      const id = this.lexemeIds.get(lexeme)
      if (id !== undefined) ids.push(id)
    }
    const scratch = this.scratch
    for (const id of ids) {
      for (let i = this.rankStart[id]!; i < this.rankStart[id + 1]!; i++) scratch[this.rankPositions[i]!]! += this.rankWeights[i]!
    }
    const count = countBits(bits)
    const inOrder = new Int32Array(count)
    let best = 0
    let n = 0
    for (let i = 0; i < tieOrder.length && n < count; i++) {
      const p = tieOrder[i]!
      if ((bits[p >>> 5]! & (1 << (p & 31))) === 0) continue
      inOrder[n++] = p
      if (scratch[p]! > best) best = scratch[p]!
    }
    // A counting sort on the whole-number weights keeps ties in their order, in linear time.
    const startOf = new Int32Array(best + 2)
    for (let i = 0; i < count; i++) startOf[best - scratch[inOrder[i]!]! + 1]!++
    for (let w = 1; w < startOf.length; w++) startOf[w]! += startOf[w - 1]!
    const ranked = new Int32Array(count)
    for (let i = 0; i < count; i++) {
      const p = inOrder[i]!
      ranked[startOf[best - scratch[p]!]!++] = p
    }
    for (const id of ids) {
      for (let i = this.rankStart[id]!; i < this.rankStart[id + 1]!; i++) scratch[this.rankPositions[i]!] = 0
    }
    return ranked
  }
}
