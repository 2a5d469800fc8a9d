/** `%`, `_` and `\` typed by a person are letters, not wildcards (PostgreSQL's default LIKE escape is `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/** A LIKE / ILIKE pattern matching the words anywhere in a value. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`
}
