import type { FastifyServerOptions } from 'fastify'
import { clientErrorHandler } from './client-error.ts'
import { frameworkErrors } from './framework-problems.ts'
import { securityHeaders } from './security-headers.ts'

/**
 * The server options that make the refusals raised before any route (by Fastify's router and by
 * Node's HTTP parser) problem+json answers with the same security headers as every other answer.
 */
export function shellErrorOptions(
  overTls: boolean,
): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  const headers = securityHeaders(overTls)
  return { frameworkErrors: frameworkErrors(headers), clientErrorHandler: clientErrorHandler(headers) }
}
