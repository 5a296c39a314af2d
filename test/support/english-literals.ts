import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export const webSource = join(import.meta.dirname, '../../web/src')
/** Attributes a reader sees or hears: the HTML ones and the props of our components that become them. */
const visibleAttributes = new Set([
  'aria-label',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
  'submit',
  'titleLabel',
  'hint',
  'lead',
  'caption',
])

/** Words that read the same in every language: the product's name and its monogram. */
const allowed = new Set(['Liaison', 'L'])

export function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

/** Text a reader would read as words: two letters in a row, not only symbols, digits or markup. */
function isWords(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  return /\p{L}{2,}/u.test(trimmed) && !allowed.has(trimmed)
}

/**
 * A string that reaches the page as text: the whole of a JSX child expression or visible attribute,
 * or a branch of a conditional or logical expression that is (`{late ? 'Late' : ''}`).
 */
function shownAsText(node: ts.Node): boolean {
  let child: ts.Node = node
  for (let parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (ts.isParenthesizedExpression(parent)) continue
    if (ts.isConditionalExpression(parent) && child !== parent.condition) continue
    if (
      ts.isBinaryExpression(parent) &&
      [
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.AmpersandAmpersandToken,
      ].includes(parent.operatorToken.kind) &&
      child === parent.right
    )
      continue
    if (ts.isJsxExpression(parent)) {
      const holder = parent.parent
      return !ts.isJsxAttribute(holder) || visibleAttributes.has(holder.name.getText())
    }
    if (ts.isJsxAttribute(parent)) return visibleAttributes.has(parent.name.getText())
    return false
  }
  return false
}

export function englishLiterals(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const report = (node: ts.Node, literal: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
    found.push(
      `${relative(webSource, file)}:${line + 1} ${JSON.stringify(literal.replace(/\s+/g, ' ').trim())}`,
    )
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && isWords(node.text)) report(node, node.text)
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      shownAsText(node) &&
      isWords(node.text)
    ) {
      report(node, node.text)
    }
    if (ts.isTemplateExpression(node) && shownAsText(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
      if (parts.some(isWords)) report(node, parts.join('…'))
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}
