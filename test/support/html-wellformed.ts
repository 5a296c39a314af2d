/** Elements that have no end tag in HTML. */
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

const tagPattern =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*(\/?)>/y

/**
 * The problems that keep a server-rendered page from being well formed: every tag closed in order,
 * attributes quoted, no stray `<` and every `&` an entity. Stricter than HTML needs (it allows an
 * omitted </p>), which is what the portal's templates promise.
 */
export function wellFormedProblems(page: string): string[] {
  const problems: string[] = []
  const stack: string[] = []
  const text = page.replace(/^<!doctype html>\s*/i, '')
  let at = 0
  while (at < text.length) {
    const next = text.indexOf('<', at)
    const chunk = text.slice(at, next === -1 ? text.length : next)
    for (const amp of chunk.matchAll(/&(?!(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);)/g)) {
      problems.push(`a bare & at ${at + (amp.index ?? 0)}`)
    }
    if (next === -1) break
    tagPattern.lastIndex = next
    const tag = tagPattern.exec(text)
    if (tag === null) {
      problems.push(`a stray < at ${next}: ${text.slice(next, next + 40)}`)
      at = next + 1
      continue
    }
    const [whole, closing, rawName, , selfClosing] = tag
    const name = (rawName ?? '').toLowerCase()
    if (closing === '/') {
      const open = stack.pop()
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${next}`)
    } else if (!voidElements.has(name) && selfClosing !== '/') {
      stack.push(name)
    }
    at = next + whole.length
  }
  if (stack.length > 0) problems.push(`never closed: ${stack.join(' > ')}`)
  return problems
}
