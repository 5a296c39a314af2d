import { Problem } from '../../../src/contract/common.ts'
import { t } from '../i18n/translate.ts'

/** One field's message from a problem+json `errors[]` entry, e.g. pointer "#/username". */
export interface FieldProblem {
  readonly pointer: string
  readonly detail: string
}

/** An RFC 9457 problem returned by the API (or made up here when the network or the answer fails). */
export class ApiProblem extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly type: string
  readonly errors: readonly FieldProblem[]
  /** On a 409 `stale-version`: the version the record has now. */
  readonly currentVersion: number | undefined
  /** What the person can do about it, added by the page that knows (e.g. "save again"). */
  readonly advice: string | undefined

  constructor(init: {
    status: number
    title: string
    detail: string
    type?: string
    errors?: readonly FieldProblem[]
    currentVersion?: number | undefined
    advice?: string | undefined
  }) {
    super(init.detail)
    this.name = 'ApiProblem'
    this.status = init.status
    this.title = init.title
    this.detail = init.detail
    this.type = init.type ?? 'about:blank'
    this.errors = init.errors ?? []
    this.currentVersion = init.currentVersion
    this.advice = init.advice
  }

  withAdvice(advice: string): ApiProblem {
    const { status, title, detail, type, errors, currentVersion } = this
    return new ApiProblem({ status, title, detail, type, errors, currentVersion, advice })
  }

  /** The problem's code: the last segment of its `type` URI (e.g. `stale-version`). */
  get code(): string {
    return this.type.split(/[/#]/).pop() ?? ''
  }

  /** Someone else wrote the record since this page read it (not a clash of state or ids). */
  get changedMeanwhile(): boolean {
    return this.status === 409 && (this.code === 'stale-version' || this.currentVersion !== undefined)
  }

  /**
   * One message per top-level field, keyed by the first segment of its pointer ("#/marking/x" →
   * "marking"); the first message wins, as with the shared schema's own messages on the form.
   */
  fieldMessages(): Readonly<Record<string, string>> {
    const messages: Record<string, string> = {}
    for (const error of this.errors) {
      const key = error.pointer.replace(/^#?\//, '').split('/')[0] ?? ''
      messages[key] ??= error.detail
    }
    return messages
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem
}

/** The contract's members, each optional: a proxy's partial answer still gives what it has. */
const ProblemBody = Problem.partial()

/**
 * The one reader of problem+json: the body is read with the contract's `Problem` schema, the
 * same one the server documents, so a member the server sends is read the same way everywhere. A
 * body that is not a problem (a proxy's HTML page, nothing at all) still becomes one with the status.
 */
export function problemFrom(status: number, statusText: string, body: unknown): ApiProblem {
  const parsed = ProblemBody.safeParse(body)
  if (!parsed.success) {
    return new ApiProblem({
      status,
      title: statusText || t('problem.requestFailed'),
      detail: t('problem.serverAnswered', { status }),
    })
  }
  const problem = parsed.data
  return new ApiProblem({
    status,
    title: problem.title || statusText || t('problem.requestFailed'),
    detail: problem.detail || t('problem.serverAnswered', { status }),
    type: problem.type,
    errors: (problem.errors ?? []).map(({ pointer, detail }) => ({ pointer, detail })),
    currentVersion: problem.currentVersion,
  })
}

/** Whatever a request threw, as a problem the page can show (a bad 2xx body is one too). */
export function asProblem(error: unknown): ApiProblem {
  if (isApiProblem(error)) return error
  return new ApiProblem({
    status: 0,
    title: t('problem.unexpected'),
    detail: error instanceof Error ? error.message : t('problem.unreadable'),
  })
}

export const networkProblem = () =>
  new ApiProblem({
    status: 0,
    title: t('problem.network'),
    detail: t('problem.networkDetail'),
  })
