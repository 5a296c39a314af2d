/**
 * The OpenAPI document as the tests read it: the list of operations (so that a table of cases can
 * fail when a route has none) and a strict validator of response bodies against the documented
 * schemas, where every object is closed (additionalProperties false unless the schema says
 * otherwise), so a field the contract does not list cannot go out unnoticed.
 */

export type JsonSchema = { readonly [key: string]: unknown }

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>
  readonly components?: { readonly schemas?: Record<string, JsonSchema> }
}

export interface OpenApiParameter {
  readonly in: string
  readonly name: string
  readonly required?: boolean
  readonly schema?: JsonSchema
}

export interface OpenApiOperation {
  readonly parameters?: readonly OpenApiParameter[]
  readonly requestBody?: { readonly content?: Record<string, { schema?: JsonSchema }> }
  readonly responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
}

export const httpMethods = ['get', 'put', 'post', 'patch', 'delete'] as const

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/api/openapi.json`)
  if (response.status !== 200) {
    throw new Error(`/api/openapi.json answered ${response.status}`)
  }
  return (await response.json()) as OpenApiDocument
}

/** Every operation as "GET /api/v1/partners/{code}". */
export function operations(document: OpenApiDocument, methods: readonly string[] = httpMethods): string[] {
  const keys: string[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      if (methods.includes(method)) {
        keys.push(`${method.toUpperCase()} ${path}`)
      }
    }
  }
  return keys.sort()
}

export function operation(document: OpenApiDocument, key: string): OpenApiOperation {
  const [method = '', path = ''] = key.split(' ')
  const found = document.paths[path]?.[method.toLowerCase()]
  if (found === undefined) {
    throw new Error(`no operation ${key} in the OpenAPI document`)
  }
  return found
}

/** The documented JSON schema of a status's response, or undefined when it is not JSON. */
export function responseSchema(
  document: OpenApiDocument,
  key: string,
  status: number,
): JsonSchema | undefined {
  return operation(document, key).responses?.[String(status)]?.content?.['application/json']?.schema
}

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref
  if (typeof ref !== 'string') {
    return schema
  }
  const name = ref.replace('#/components/schemas/', '')
  const target = document.components?.schemas?.[name]
  if (target === undefined) {
    throw new Error(`unresolved $ref ${ref}`)
  }
  return resolve(document, target)
}

function typeOf(value: unknown): string {
  if (value === null) {
    return 'null'
  }
  if (Array.isArray(value)) {
    return 'array'
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number'
  }
  return typeof value
}

function typeMatches(expected: unknown, value: unknown): boolean {
  const actual = typeOf(value)
  const allowed = Array.isArray(expected) ? expected : [expected]
  return allowed.some((type) => type === actual || (type === 'number' && actual === 'integer'))
}

/**
 * The problems of `value` against `schema`, each as "pointer: what". The subset of JSON Schema
 * that the Zod-generated document uses: type, enum, const, properties, required,
 * additionalProperties, items, anyOf/oneOf/allOf, pattern, min/max lengths and values.
 */
export function strictProblems(
  document: OpenApiDocument,
  schemaIn: JsonSchema,
  value: unknown,
  pointer = '',
): string[] {
  const schema = resolve(document, schemaIn)
  const problems: string[] = []
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const options = schema[combinator]
    if (Array.isArray(options)) {
      const fits = options.some((option) => strictProblems(document, option, value, pointer).length === 0)
      if (!fits) {
        problems.push(`${pointer}: fits none of ${combinator}`)
      }
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      problems.push(...strictProblems(document, part, value, pointer))
    }
  }
  if (schema.type !== undefined && !typeMatches(schema.type, value)) {
    return [...problems, `${pointer}: ${typeOf(value)} where ${JSON.stringify(schema.type)} is documented`]
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) {
    problems.push(`${pointer}: ${JSON.stringify(value)} is not in the documented enum`)
  }
  if ('const' in schema && schema.const !== value) {
    problems.push(`${pointer}: ${JSON.stringify(value)} is not the documented constant`)
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      problems.push(`${pointer}: ${JSON.stringify(value)} does not match ${schema.pattern}`)
    }
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) {
      problems.push(`${pointer}: longer than ${schema.maxLength}`)
    }
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) {
      problems.push(`${pointer}: shorter than ${schema.minLength}`)
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) {
      problems.push(`${pointer}: below ${schema.minimum}`)
    }
    if (typeof schema.maximum === 'number' && value > schema.maximum) {
      problems.push(`${pointer}: above ${schema.maximum}`)
    }
  }
  if (Array.isArray(value) && schema.items !== undefined && typeof schema.items === 'object') {
    value.forEach((item, index) => {
      problems.push(...strictProblems(document, schema.items as JsonSchema, item, `${pointer}/${index}`))
    })
  }
  if (typeOf(value) === 'object' && (schema.type === 'object' || schema.properties !== undefined)) {
    const record = value as Record<string, unknown>
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in record)) {
        problems.push(`${pointer}/${name}: required but missing`)
      }
    }
    for (const [name, field] of Object.entries(record)) {
      const fieldSchema = properties[name]
      if (fieldSchema !== undefined) {
        problems.push(...strictProblems(document, fieldSchema, field, `${pointer}/${name}`))
      } else if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
        problems.push(
          ...strictProblems(document, schema.additionalProperties as JsonSchema, field, `${pointer}/${name}`),
        )
      } else if (schema.additionalProperties !== true) {
        // Closed by default: the contract must list every field that goes out.
        problems.push(`${pointer}/${name}: not in the documented schema`)
      }
    }
  }
  return problems
}
