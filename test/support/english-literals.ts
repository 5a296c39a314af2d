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
  'eyebrow',
  'empty',
  'emptyText',
  'legend',
])
/** Props that are visible only on one component (`what` is the CSV link's words; on AddForm a route segment). */
const visibleComponentProps = new Set(['CsvLink.what'])

/** Words that read the same in every language: the product's name and its monogram. */
const allowed = new Set(['Liaison', 'L'])

/**
 * Code strings that read like English words but are not shown as prose, each with its reason (file
 * and text): keep this list short; a visible string belongs in the catalogue instead.
 */
const allowedInCode: Readonly<Record<string, string>> = {
  // Each language is offered in its own name, so a reader finds theirs whatever the page's language.
  'i18n/LanguageSwitch.tsx English': 'endonym',
  'i18n/LanguageSwitch.tsx Français': 'endonym',
  // A CSS font stack handed to the chart library, not text.
  // The signed-out principal's name (as in src/domain/principal.ts): the header shows Sign in instead.
  'features/session/queries.ts Public visitor': 'never shown',
  'components/EChart.tsx system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif':
    'CSS',
}

/** Options shown as their own value are allowed only for these lists, whose values are codes a reader knows. */
const codeLists = new Set([
  // Markings are printed as their code, in capitals, as on the document banner.
  'classifications',
  'choosable',
  // Clearances are the same codes.
  'grants.grantableClearances',
  // Member states by their country code, as on the silence procedure's record.
  'members',
])

export function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Text a reader would read as words: two letters in a row, not only symbols, digits or markup. */
function isWords(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  return /\p{L}{2,}/u.test(trimmed) && !allowed.has(trimmed)
}

/**
 * A string in code (not in JSX) that reads as English: a capitalised word (`'Formal'`, `'Not
 * known'`) or two words with a space between them (`'the proposals'`, `', 3 at night'`). Not a
 * slug, key or id (`'in-progress'`, `'nav.partners'`), a path or URL, an IANA zone
 * (`'Europe/Brussels'`) or a code in capitals (`'POST'`, `'ITPP'`).
 */
export function readsAsEnglish(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  if (!isWords(trimmed)) return false
  if (/^(?:[./#@?]|https?:|mailto:|webcal:)/.test(trimmed)) return false
  // A CSS value built in code (`max(0px, calc(50% - 0.75rem))`), not words.
  if (/^(?:calc|max|min|clamp|var|rgb|hsl|translate[XY]?)\(/.test(trimmed)) return false
  if (!/\s/.test(trimmed) && /[/_]/.test(trimmed)) return false
  return (
    /(?:^|[^\p{L}])\p{Lu}\p{Ll}/u.test(trimmed) || /\p{L}{2,}[,.;:!?)—–-]?\s+[(]?\p{L}{2,}/u.test(trimmed)
  )
}

/**
 * A string that reaches the page as text: the whole of a JSX child expression or visible attribute,
 * or a branch of a conditional or logical expression that is (`{late ? 'Late' : ''}`).
 */
function visibleAttribute(attribute: ts.JsxAttribute): boolean {
  const name = attribute.name.getText()
  const element = attribute.parent.parent
  return visibleAttributes.has(name) || visibleComponentProps.has(`${element.tagName.getText()}.${name}`)
}

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
      return !ts.isJsxAttribute(holder) || visibleAttribute(holder)
    }
    if (ts.isJsxAttribute(parent)) return visibleAttribute(parent)
    return false
  }
  return false
}

const comparisons = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
])
/** Properties and attributes whose strings are for the browser or the code, never for a reader. */
const codeNames = new Set([
  'className',
  'class',
  'id',
  'key',
  'type',
  'role',
  'fontFamily',
  'htmlFor',
  'aria-describedby',
  'aria-labelledby',
  'aria-controls',
])

/**
 * A string in code that no reader sees: a module path, a type, a property name, a value compared
 * with (`key === 'Enter'`), a class name, a developer's `Error` message, the `name` of an error.
 */
function codeOnly(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent))
      return true
    if (ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return true
    if (ts.isCaseClause(parent) && child === parent.expression) return true
    if (ts.isBinaryExpression(parent) && comparisons.has(parent.operatorToken.kind)) return true
    if (ts.isPropertyAssignment(parent) && child === parent.name) return true
    if (ts.isElementAccessExpression(parent) && child === parent.argumentExpression) return true
    if (ts.isJsxAttribute(parent) && codeNames.has(parent.name.getText())) return true
    if (ts.isPropertyAssignment(parent) && codeNames.has(parent.name.getText())) return true
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true
    if (ts.isBinaryExpression(parent) && parent.left.getText().endsWith('.name')) return true
    if (ts.isCallExpression(parent) && /^console\./.test(parent.expression.getText())) return true
    if (ts.isCallExpression(parent) && /^(?:t|translate|formatMessage)$/.test(parent.expression.getText()))
      return child === parent.arguments[0]
    if (ts.isStatement(parent) || ts.isJsxElement(parent) || ts.isJsxSelfClosingElement(parent)) return false
  }
  return false
}

/** `[s, s]`: an option whose label is its value, so a reader sees the raw slug. */
function slugAsLabel(node: ts.ArrayLiteralExpression): string | undefined {
  const [value, label] = node.elements
  if (node.elements.length !== 2 || value === undefined || label === undefined) return undefined
  if (!ts.isIdentifier(value) || !ts.isIdentifier(label) || value.text !== label.text) return undefined
  const list = node.parent.parent?.parent
  const listName =
    list !== undefined && ts.isCallExpression(list) && ts.isPropertyAccessExpression(list.expression)
      ? list.expression.expression.getText()
      : ''
  return codeLists.has(listName) ? undefined : `[${value.text}, ${label.text}]`
}

export function englishLiterals(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const where = relative(webSource, file)
  const found: string[] = []
  const report = (node: ts.Node, literal: string) => {
    const shown = literal.replace(/\s+/g, ' ').trim()
    if (Object.hasOwn(allowedInCode, `${where} ${shown}`)) return
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
    found.push(`${where}:${line + 1} ${JSON.stringify(shown)}`)
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && isWords(node.text)) report(node, node.text)
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (shownAsText(node) ? isWords(node.text) : readsAsEnglish(node.text) && !codeOnly(node)) {
        report(node, node.text)
      }
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
      const shown = shownAsText(node)
      if (shown ? parts.some(isWords) : parts.some(readsAsEnglish) && !codeOnly(node)) {
        report(node, parts.join('…'))
      }
    }
    if (ts.isArrayLiteralExpression(node)) {
      const slug = slugAsLabel(node)
      if (slug !== undefined) report(node, slug)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}
