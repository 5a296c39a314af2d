/**
 * The app's page for a record named in the trail, where it has one. Parts of a programme, feeds,
 * users and datasets have no page of their own; their id is shown as text.
 */
const pages: Readonly<Record<string, (id: string) => string>> = {
  programme: (id) => `/programmes/${encodeURIComponent(id)}`,
  engagement: (id) => `/engagements/${encodeURIComponent(id)}`,
  partner: (id) => `/partners/${encodeURIComponent(id)}`,
  framework: (id) => `/frameworks/${encodeURIComponent(id)}`,
}

export function recordPath(entity: string, entityId: string): string | undefined {
  const page = pages[entity]
  return page === undefined || entityId === '' ? undefined : page(entityId)
}
