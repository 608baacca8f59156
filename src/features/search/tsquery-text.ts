// PostgreSQL's text form of a tsquery (what `websearch_to_tsquery(...)::text` prints) read into a
// tree, so that the in-memory text index can answer it without asking the database to match.
// PostgreSQL still parses and stems what people type: only its output is read here. Pure.

// Runs of one operator are kept as one node with a list of operands, so that a very long query
// (10,000 characters of words, each joined by `&`) makes a wide tree, not one deep enough to
// overflow the stack of whatever walks it.
export type TsNode =
  /**
   * `lexeme`: the word as the english configuration reads it, which English case studies are
   * indexed by. `simple`: as typed, lower-cased — what Welsh case studies are indexed by (the
   * simple configuration: PostgreSQL has no Welsh stemmer) — when known and different.
   */
  | { op: 'word'; lexeme: string; simple?: string }
  | { op: 'not'; arg: TsNode }
  | { op: 'and' | 'or'; args: TsNode[] }
  /** Operands joined by `<->` or `<N>`: `distances[i]` is how many positions separate args[i] and args[i + 1] (`<->` is 1). */
  | { op: 'phrase'; args: TsNode[]; distances: number[] }

type Token = { t: 'word'; lexeme: string } | { t: '&' | '|' | '!' | '(' | ')' } | { t: 'phrase'; distance: number }

/** Lexeme with `''` and backslash escapes, from the opening quote at `from`; null when unterminated. */
function quoted(text: string, from: number): { lexeme: string; end: number } | null {
  let lexeme = ''
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]!
    if (c === '\\' && i + 1 < text.length) lexeme += text[++i]
    else if (c === "'" && text[i + 1] === "'") lexeme += text[++i]
    else if (c === "'") return { lexeme, end: i + 1 }
    else lexeme += c
  }
  return null
}

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === ' ') {
      i++
    } else if (c === "'") {
      const word = quoted(text, i)
      // A weight or prefix mark (`:A`, `:*`) restricts a match in ways the index cannot tell.
      if (!word || text[word.end] === ':') return null
      tokens.push({ t: 'word', lexeme: word.lexeme })
      i = word.end
    } else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      tokens.push({ t: c })
      i++
    } else if (c === '<') {
      // PostgreSQL's distances go up to 16384.
      const m = /^<(-|\d{1,5})>/.exec(text.slice(i, i + 8))
      if (!m) return null
      tokens.push({ t: 'phrase', distance: m[1] === '-' ? 1 : Number(m[1]) })
      i += m[0].length
    } else {
      return null
    }
  }
  return tokens
}

/**
 * The tree of a tsquery's text, with PostgreSQL's precedence (`!`, then `<->`, then `&`, then `|`);
 * null for an empty query (only very common words) and for anything this reader does not know,
 * which the caller then leaves to the database.
 */
export function parseTsquery(text: string): TsNode | null {
  const tokens = tokenize(text)
  if (!tokens || tokens.length === 0) return null
  let at = 0
  const peek = () => tokens[at]
  /** Operands of `next` joined by `is` tokens: one operand as it is, several as one `op` node. */
  const run = (next: () => TsNode | null, is: (t: Token | undefined) => boolean, op: 'and' | 'or' | 'phrase') => (): TsNode | null => {
    const first = next()
    if (!first || !is(peek())) return first
    const args = [first]
    const distances: number[] = []
    while (is(peek())) {
      const token = tokens[at++]!
      if (token.t === 'phrase') distances.push(token.distance)
      const operand = next()
      if (!operand) return null
      args.push(operand)
    }
    return op === 'phrase' ? { op, args, distances } : { op, args }
  }
  const unary = (): TsNode | null => {
    const token = tokens[at++]
    if (!token) return null
    if (token.t === 'word') return { op: 'word', lexeme: token.lexeme }
    if (token.t === '!') {
      const arg = unary()
      return arg && { op: 'not', arg }
    }
    if (token.t === '(') {
      const inner = or()
      if (peek()?.t !== ')') return null
      at++
      return inner
    }
    return null
  }
  const phrase = run(unary, (t) => t?.t === 'phrase', 'phrase')
  const and = run(phrase, (t) => t?.t === '&', 'and')
  const or: () => TsNode | null = run(and, (t) => t?.t === '|', 'or')
  const tree = or()
  return tree && at === tokens.length ? tree : null
}

/** The lexemes a match is ranked by: those not asked to be absent. */
export function wantedLexemes(node: TsNode, negated = false, out = new Set<string>()): Set<string> {
  if (node.op === 'word') {
    if (!negated) out.add(node.lexeme)
    // Welsh case studies rank by the words as typed.
    if (!negated && node.simple !== undefined) out.add(node.simple)
  } else if (node.op === 'not') {
    wantedLexemes(node.arg, !negated, out)
  } else {
    for (const arg of node.args) wantedLexemes(arg, negated, out)
  }
  return out
}

/** The tree as Welsh case studies are matched: each word as typed (lower-cased) where that is known. */
export function welshTree(node: TsNode): TsNode {
  switch (node.op) {
    case 'word':
      return node.simple === undefined ? node : { op: 'word', lexeme: node.simple }
    case 'not':
      return { op: 'not', arg: welshTree(node.arg) }
    case 'phrase':
      return { op: 'phrase', args: node.args.map(welshTree), distances: node.distances }
    default:
      return { op: node.op, args: node.args.map(welshTree) }
  }
}

/** Whether some word of the tree is matched differently in Welsh case studies. */
export function hasWelshForms(node: TsNode): boolean {
  if (node.op === 'word') return node.simple !== undefined
  if (node.op === 'not') return hasWelshForms(node.arg)
  return node.args.some(hasWelshForms)
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The tree in tsquery's text form, for `::tsquery`: the query as the index answers it, asked of the database. */
export function tsqueryText(node: TsNode): string {
  switch (node.op) {
    case 'word':
      return quote(node.lexeme)
    case 'not':
      return `!(${tsqueryText(node.arg)})`
    case 'phrase':
      return `(${node.args.map((arg, i) => (i === 0 ? '' : ` <${node.distances[i - 1]}> `) + tsqueryText(arg)).join('')})`
    default:
      return `(${node.args.map(tsqueryText).join(node.op === 'and' ? ' & ' : ' | ')})`
  }
}
