import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { englishLiterals, sourceFiles, webSource } from '../support/english-literals.ts'

/**
 * No user-visible English outside the message catalogue (issue 12 item 5): every JSX text, every
 * string written as a JSX child (also as a branch of a condition), and every literal aria-label,
 * title, placeholder and alt (and our components' props that become them) in the web app's source
 * must come from the catalogue; so must strings in code (.ts and .tsx) that read as English: option
 * labels, label records, values handed to t(). Parsed with the TypeScript compiler, so comments,
 * class names, keys, ids, comparisons and developers' errors are not mistaken for text.
 */
describe('the web app has no English outside the catalogue', () => {
  it('finds no literal text in JSX or in visible attributes', () => {
    const found = sourceFiles(webSource).flatMap(englishLiterals)
    expect(found).toEqual([])
  })

  it('would catch text, literal children, visible props and English in code (the scanner itself)', () => {
    const probe = join(import.meta.dirname, 'fixtures/english-probe.tsx')
    expect(englishLiterals(probe).map((line) => line.replace(/^.*:\d+ /, ''))).toEqual([
      '"Formal"',
      '"Not known"',
      '"Open for requests"',
      '"Save the draft"',
      '"Close"',
      '"Search partners"',
      '"or cancel"',
      '"Late"',
      '"at entry #…"',
      '"No milestone is late."',
      '"Dialogue since"',
      '"the proposals"',
      '"Starts"',
      '"Ends"',
      '", … at night"',
      '"[s, s]"',
    ])
  })
})
