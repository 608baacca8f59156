// PostgreSQL's text form of a weighted tsvector (`'council':1A,4B 'hous':5B`) read as each
// lexeme's positions, or as its weight in ranking: the sum of its occurrences' weights, as
// ts_rank's default weights (A 1, B 0.4, C 0.2, D 0.1). Pure.

/** ts_rank's default weights by the letter's code (A 65 … D 68); a position without a letter is D. */
const weightOfLetter = [1, 0.4, 0.2, 0.1]

/** Calls `each` with every lexeme and its weight; stops at the first thing it cannot read. */
export function readWeightedLexemes(text: string, each: (lexeme: string, weight: number) => void): void {
  readLexemePositions(text, (lexeme, _positions, count, letters) => {
    // A lexeme without positions still weighs one D.
    let weight = count === 0 ? weightOfLetter[3]! : 0
    for (let i = 0; i < count; i++) weight += weightOfLetter[letters[i]! - 65]!
    each(lexeme, weight)
  })
}

/** The most positions PostgreSQL keeps for one lexeme of a tsvector is 256: room to spare. */
const maxPositions = 1024

/**
 * Reads a whole tsvector's text (`'co-op':3 'council':1A,4B`), calling `each` with every lexeme,
 * its positions and their weights as letter codes (65 A to 68 D; no letter is D): the first
 * `count` entries of `positions` and `letters`, reused between calls. False when the text is not a
 * tsvector's: the caller must not trust what it has read.
 * The search engine reads every published case study's vector at start-up, so this keeps to
 * character codes and slices.
 */
export function readLexemePositions(text: string, each: (lexeme: string, positions: Uint16Array, count: number, letters: Uint8Array) => void): boolean {
  const positions = new Uint16Array(maxPositions)
  const letters = new Uint8Array(maxPositions)
  const end = text.length
  let i = 0
  while (i < end) {
    let c = text.charCodeAt(i)
    if (c === 32) {
      i++
      continue
    }
    if (c !== 39) return false
    // Most lexemes hold neither a quote nor a backslash: one slice.
    let close = text.indexOf("'", i + 1)
    if (close === -1) return false
    let lexeme: string
    const backslash = text.indexOf('\\', i + 1)
    if ((backslash === -1 || backslash > close) && text.charCodeAt(close + 1) !== 39) {
      lexeme = text.slice(i + 1, close)
    } else {
      lexeme = ''
      close = -1
      for (let j = i + 1; j < end; j++) {
        const ch = text[j]!
        if (ch === '\\' && j + 1 < end) lexeme += text[++j]
        else if (ch === "'" && text[j + 1] === "'") lexeme += text[++j]
        else if (ch === "'") {
          close = j
          break
        } else lexeme += ch
      }
      if (close === -1) return false
    }
    i = close + 1
    let count = 0
    if (text.charCodeAt(i) === 58) {
      i++
      for (;;) {
        let n = 0
        let digits = 0
        for (c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
          n = n * 10 + (c - 48)
          digits++
        }
        if (digits === 0 || n > 0xffff || count === maxPositions) return false
        positions[count] = n
        letters[count++] = c >= 65 && c <= 68 ? c : 68
        if (c >= 65 && c <= 68) c = text.charCodeAt(++i)
        if (c === 44) i++
        else if (i === end || c === 32) break
        else return false
      }
    }
    each(lexeme, positions, count, letters)
  }
  return true
}
