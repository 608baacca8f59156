// PostgreSQL's text form of a weighted tsvector (`'council':1A,4B 'hous':5B`) read as each
// lexeme's weight in ranking: the sum of its occurrences' weights, as ts_rank's default weights
// (A 1, B 0.4, C 0.2, D 0.1). Pure.

const weights: Record<string, number> = { A: 1, B: 0.4, C: 0.2, D: 0.1 }

/** Calls `each` with every lexeme and its weight; stops at the first thing it cannot read. */
export function readWeightedLexemes(text: string, each: (lexeme: string, weight: number) => void): void {
  let i = 0
  while (i < text.length) {
    if (text[i] === ' ') {
      i++
      continue
    }
    if (text[i] !== "'") return
    let lexeme = ''
    let closed = false
    for (i++; i < text.length; i++) {
      const c = text[i]!
      if (c === '\\' && i + 1 < text.length) lexeme += text[++i]
      else if (c === "'" && text[i + 1] === "'") lexeme += text[++i]
      else if (c === "'") {
        closed = true
        i++
        break
      } else lexeme += c
    }
    if (!closed) return
    // Positions: `:1A,4B,7` (no letter is D); a lexeme without positions still weighs one D.
    let weight = 0
    if (text[i] === ':') {
      i++
      while (i < text.length && text[i] !== ' ') {
        while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++
        const letter = text[i]
        if (letter !== undefined && letter in weights) {
          weight += weights[letter]!
          i++
        } else {
          weight += weights.D!
        }
        if (text[i] === ',') i++
        else if (i < text.length && text[i] !== ' ') return
      }
    } else {
      weight = weights.D!
    }
    each(lexeme, weight)
  }
}
