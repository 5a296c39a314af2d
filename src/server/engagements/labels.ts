import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  type EngagementFormat,
  type EngagementKind,
  type EngagementLevel,
  engagementFormats,
  engagementKinds,
  engagementLevels,
} from '../../domain/engagement.ts'
import {
  type StatementKind,
  type StatementStatus,
  statementKinds,
  statementStatuses,
} from '../../domain/engagement-statement.ts'
import { catalogues, isMessageKey } from '../../i18n/catalogue.ts'
import { type Locale, locales } from '../../i18n/locale.ts'
import { requestLocale } from '../i18n.ts'

/**
 * The words the API sends beside engagement and statement codes (`kindLabel`, `levelLabel`, …), in
 * one language. They are the catalogue's `label.<family>.<slug>` messages, the same words the web
 * app shows, so an API client reading French gets the French the pages use.
 */
export interface EngagementLabels {
  readonly kind: Readonly<Record<EngagementKind, string>>
  readonly level: Readonly<Record<EngagementLevel, string>>
  readonly format: Readonly<Record<EngagementFormat, string>>
  readonly statementKind: Readonly<Record<StatementKind, string>>
  readonly statementStatus: Readonly<Record<StatementStatus, string>>
}

function family<S extends string>(locale: Locale, name: string, slugs: readonly S[]): Record<S, string> {
  const words = {} as Record<S, string>
  for (const slug of slugs) {
    const key = `label.${name}.${slug}`
    // A slug without a message stops the server at start-up, not a request later.
    if (!isMessageKey(key)) throw new Error(`The catalogue has no ${key}`)
    words[slug] = catalogues[locale][key]
  }
  return words
}

function build(locale: Locale): EngagementLabels {
  return {
    kind: family(locale, 'engagementKind', engagementKinds),
    level: family(locale, 'level', engagementLevels),
    format: family(locale, 'format', engagementFormats),
    statementKind: family(locale, 'statementKind', statementKinds),
    statementStatus: family(locale, 'statementStatus', statementStatuses),
  }
}

// Built once per language at start-up: a list presents thousands of rows with them.
const byLocale = new Map<Locale, EngagementLabels>(locales.map((locale) => [locale, build(locale)]))

export function engagementLabels(locale: Locale): EngagementLabels {
  return byLocale.get(locale) ?? build(locale)
}

/**
 * The labels for this request's language (the switch's cookie, else Accept-Language, else English),
 * and a `Vary` that tells caches the answer depends on both.
 */
export function requestLabels(request: FastifyRequest, reply: FastifyReply): EngagementLabels {
  reply.header('vary', 'accept-language, cookie')
  return engagementLabels(requestLocale(request))
}
