/** The first words of a post, on one line, cut at a word near `max` characters: list views show this, never the whole body. */
export function excerptOf(body: string, max = 180): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}
