/**
 * PostgreSQL's text form of a `tsquery` (what `websearch_to_tsquery('english', …)::text`
 * returns), parsed into a tree the in-memory index evaluates. PostgreSQL does the hard part —
 * stemming and stop words with the same `english` configuration that built the documents — so
 * the lexemes here are exactly the ones stored in `directory_entries.document`.
 *
 * Grammar (PostgreSQL's output, fully parenthesised where precedence needs it):
 *   expr   := or
 *   or     := and ('|' and)*
 *   and    := unary (('&' | '<->' | '<N>') unary)*
 *   unary  := '!' unary | '(' expr ')' | lexeme
 *   lexeme := "'" text "'" (':' flags)?
 * A phrase (`<->`) is evaluated as AND: adjacency is not checked (documented in the README).
 */

export type QueryNode =
  | { type: 'term'; lexeme: string; prefix: boolean }
  | { type: 'not'; child: QueryNode }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }

type Token = { kind: 'term'; lexeme: string; prefix: boolean } | { kind: 'op'; op: '&' | '|' | '!' | '(' | ')' }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (ch === ' ') {
      i++
    } else if (ch === "'") {
      let lexeme = ''
      i++
      while (i < text.length) {
        if (text[i] === "'" && text[i + 1] === "'") {
          lexeme += "'"
          i += 2
        } else if (text[i] === "'") {
          i++
          break
        } else if (text[i] === '\\' && i + 1 < text.length) {
          lexeme += text[i + 1]
          i += 2
        } else {
          lexeme += text[i]
          i++
        }
      }
      let prefix = false
      if (text[i] === ':') {
        i++
        while (i < text.length && /[*A-Da-d]/.test(text[i] as string)) {
          if (text[i] === '*') prefix = true
          i++
        }
      }
      tokens.push({ kind: 'term', lexeme, prefix })
    } else if (ch === '<') {
      const end = text.indexOf('>', i)
      i = end < 0 ? text.length : end + 1
      tokens.push({ kind: 'op', op: '&' })
    } else if (ch === '&' || ch === '|' || ch === '!' || ch === '(' || ch === ')') {
      tokens.push({ kind: 'op', op: ch })
      i++
    } else {
      // Anything else is not PostgreSQL's output; skip it rather than fail a search.
      i++
    }
  }
  return tokens
}

/** Parses tsquery text; an empty query (all stop words) gives null. */
export function parseTsquery(text: string): QueryNode | null {
  const tokens = tokenize(text)
  let pos = 0
  const peek = () => tokens[pos]
  const isOp = (op: string) => {
    const token = peek()
    return token?.kind === 'op' && token.op === op
  }

  function unary(): QueryNode | null {
    const token = peek()
    if (!token) return null
    if (token.kind === 'term') {
      pos++
      return { type: 'term', lexeme: token.lexeme, prefix: token.prefix }
    }
    if (token.op === '!') {
      pos++
      const child = unary()
      return child ? { type: 'not', child } : null
    }
    if (token.op === '(') {
      pos++
      const inner = or()
      if (isOp(')')) pos++
      return inner
    }
    pos++
    return null
  }

  function and(): QueryNode | null {
    const children: QueryNode[] = []
    const first = unary()
    if (first) children.push(first)
    while (isOp('&')) {
      pos++
      const next = unary()
      if (next) children.push(next)
    }
    if (children.length === 0) return null
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'and', children }
  }

  function or(): QueryNode | null {
    const children: QueryNode[] = []
    const first = and()
    if (first) children.push(first)
    while (isOp('|')) {
      pos++
      const next = and()
      if (next) children.push(next)
    }
    if (children.length === 0) return null
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'or', children }
  }

  return or()
}
