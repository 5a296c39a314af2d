const entries: ReadonlyArray<readonly [string, number, string]> = [
  [
    'invalid-input',
    400,
    'The request does not match the schema. `errors` lists every field with what is wrong.',
  ],
  ['unauthenticated', 401, 'Sign in first, or the username or password was not correct.'],
  ['forbidden', 403, 'You can see this record but may not make this change.'],
  [
    'not-found',
    404,
    'There is no such record, or you may not see it. The two are deliberately indistinguishable.',
  ],
  [
    'stale-version',
    409,
    'Someone changed the record since you read it. Reload, reapply your change and send it again.',
  ],
  [
    'precondition-required',
    428,
    'A change must send If-Match with the ETag of the version you read (e.g. `If-Match: "3"`). Read the record and send its ETag.',
  ],
  ['conflict', 409, 'The change clashes with another record (for example a duplicate id).'],
  ['invalid-state', 409, 'The record is not in a state that allows this action; `detail` says why.'],
  [
    'rate-limited',
    429,
    'Too many attempts: sign-in allows ten a minute from one address, and ten failures in 15 minutes for one account from anywhere. Wait (see Retry-After) and try again.',
  ],
  [
    'method-not-allowed',
    405,
    'The path exists but does not answer this method. The `Allow` header lists the methods it answers.',
  ],
  [
    'malformed-request',
    400,
    'The request is not valid HTTP/1.1 (its request line, a header, or the framing of its body); `detail` names the fault. The connection is closed.',
  ],
  ['request-timeout', 408, 'The request did not arrive completely in time. Send it again.'],
  ['body-too-large', 413, 'The body is larger than the API accepts (1 MiB). Send a smaller body.'],
  [
    'uri-too-long',
    414,
    'A path segment is longer than 100 characters, longer than any id or code of the API.',
  ],
  [
    'unsupported-media-type',
    415,
    'The body is not sent as `application/json`. Send JSON with `Content-Type: application/json`.',
  ],
  [
    'headers-too-large',
    431,
    'The request line and headers are larger than 16 KiB (a very long query, or too many cookies). Shorten them. The connection is closed.',
  ],
  [
    'metrics-restricted',
    403,
    'Without `LIAISON_METRICS_TOKEN`, /metrics answers only direct (not proxied) requests from the server host. Scrape from the host, or set the token and send it as `Authorization: Bearer`.',
  ],
  [
    'not-ready',
    503,
    'The instance should not get traffic now: it is shutting down, its database does not answer, or a migration is pending (`detail` says which). Try another instance or retry shortly.',
  ],
  ['internal', 500, 'Something failed on the server. Nothing was changed; the error has been logged.'],
]

/** The page that every problem `type` points to: one anchor per error code. */
export function errorCatalogue(): string {
  const rows = entries
    .map(
      ([code, status, text]) =>
        `<tr id="${code}"><td><code>${code}</code></td><td>${status}</td><td>${text}</td></tr>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Liaison API errors</title></head>
<body><main><h1>Liaison API errors</h1>
<p>Every error is an RFC 9457 <code>application/problem+json</code> body with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and <code>instance</code>. The <code>type</code> ends with one of these codes.</p>
<table><thead><tr><th>Code</th><th>Status</th><th>Meaning and what to do</th></tr></thead><tbody>
${rows}
</tbody></table></main></body></html>`
}
