import { createHash } from 'node:crypto'

/**
 * Rendered calendar feeds, kept per process. A feed of a partner at scale is thousands of events
 * (about 4,200 and 1.6 MB for KOR in the benchmark) and took hundreds of milliseconds to query and
 * write, while calendar programs poll it unchanged.
 *
 * An entry is keyed by what decides its content: the principal's visibility shape (everything the
 * marking filter reads from the principal, so two principals share an entry only if they see
 * exactly the same rows; one who sees less never gets another's feed), the scope and its name; and
 * it is used only while the data version it was built from is still current. DTSTAMP stays the time
 * the entry was written, which RFC 5545 allows for a published calendar.
 */
export interface CachedFeed {
  readonly body: string
  /** A strong validator of the body, for If-None-Match. */
  readonly etag: string
}

export class FeedCache {
  private readonly entries = new Map<string, { version: string; feed: CachedFeed }>()

  constructor(private readonly capacity = 64) {}

  get(key: string, version: string): CachedFeed | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined || entry.version !== version) return undefined
    // Moved to the end, so the map stays in least-recently-used order.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.feed
  }

  set(key: string, version: string, body: string): CachedFeed {
    const feed = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` }
    this.entries.delete(key)
    this.entries.set(key, { version, feed })
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    return feed
  }
}
