import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import en from '../../src/i18n/messages/en.json' with { type: 'json' }
import { placeholdersOf } from '../../src/i18n/placeholders.ts'
import { sourceFiles, webSource } from '../support/english-literals.ts'

const messages: Record<string, string> = en

/**
 * Every `t('key', { … })` in the web app hands over exactly the values its message names: a value
 * the message does not name is dropped, and one it names but is not given makes react-intl print
 * the raw message. Only object literals are read (a spread or a variable is taken on trust).
 */
function mismatches(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  )
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ['t', 'translate'].includes(node.expression.getText(source)) &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const key = node.arguments[0].text
      const message = messages[key]
      const values = node.arguments[1]
      if (message !== undefined) {
        const wanted = placeholdersOf(message)
          .filter((placeholder) => !placeholder.endsWith(':tag'))
          .map((placeholder) => placeholder.replace(/:.*$/, ''))
        const literal = values !== undefined && ts.isObjectLiteralExpression(values) ? values : undefined
        const spread = literal?.properties.some((property) => ts.isSpreadAssignment(property)) ?? false
        if ((values === undefined || literal !== undefined) && !spread) {
          const given = (literal?.properties ?? []).map((property) => property.name?.getText(source) ?? '')
          const missing = wanted.filter((name) => !given.includes(name))
          const extra = given.filter((name) => !wanted.includes(name))
          if (missing.length > 0 || extra.length > 0) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
            found.push(
              `${relative(webSource, file)}:${line + 1} ${key}: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`,
            )
          }
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('the values handed to each message', () => {
  it('are exactly the placeholders the message names, in every call with a literal', () => {
    expect(sourceFiles(webSource).flatMap(mismatches)).toEqual([])
  })
})
