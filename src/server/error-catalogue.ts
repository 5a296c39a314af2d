import type { MessageKey } from '../i18n/catalogue.ts'
import type { Translator } from './i18n.ts'

/** Each error code with its status; the explanation is the catalogue's `errors.<code>`. */
const entries: ReadonlyArray<readonly [string, number]> = [
  ['invalid-input', 400],
  ['unauthenticated', 401],
  ['forbidden', 403],
  ['not-found', 404],
  ['stale-version', 409],
  ['precondition-required', 428],
  ['conflict', 409],
  ['invalid-state', 409],
  ['rate-limited', 429],
  ['method-not-allowed', 405],
  ['malformed-request', 400],
  ['request-timeout', 408],
  ['body-too-large', 413],
  ['uri-too-long', 414],
  ['unsupported-media-type', 415],
  ['headers-too-large', 431],
  ['metrics-restricted', 403],
  ['not-ready', 503],
  ['internal', 500],
]

function html(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/** The catalogue writes code in backticks, as Markdown does; the page shows it as <code>. */
function withCode(text: string): string {
  return html(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

/** The page that every problem `type` points to: one anchor per error code, in the reader's language. */
export function errorCatalogue({ locale, t }: Translator): string {
  const rows = entries
    .map(
      ([code, status]) =>
        `<tr id="${code}"><td><code>${code}</code></td><td>${status}</td><td>${withCode(t(`errors.${code}` as MessageKey))}</td></tr>`,
    )
    .join('\n')
  const title = html(t('errors.page.title'))
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>
<p>${withCode(t('errors.page.intro'))}</p>
<table><thead><tr><th>${html(t('errors.page.code'))}</th><th>${html(t('errors.page.status'))}</th><th>${html(t('errors.page.meaning'))}</th></tr></thead><tbody>
${rows}
</tbody></table></main></body></html>`
}
