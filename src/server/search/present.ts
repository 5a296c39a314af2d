import type { z } from 'zod'
import type { SearchHit } from '../../contract/search.ts'
import { highlightWords, searchSnippet } from '../../domain/search-snippet.ts'
import type { SearchHit as SearchHitRecord } from '../../store/search-store.ts'
import { presentMarking } from '../present.ts'

/**
 * Where the web app shows a hit. Parts link to their programme, events to their partner. A
 * statement links to the statements page, not to its engagement: that engagement may be hidden
 * from the reader, and its id is not the statement's to reveal.
 */
function hitUrl(hit: SearchHitRecord): string {
  const id = encodeURIComponent(hit.id)
  const parent = encodeURIComponent(hit.parentId ?? '')
  switch (hit.type) {
    case 'partner':
      return `/partners/${id}`
    case 'event':
      return `/partners/${parent}`
    case 'framework':
      return `/frameworks/${id}`
    case 'programme':
      return `/programmes/${id}`
    case 'programme-node':
    case 'milestone':
      return `/programmes/${parent}`
    case 'engagement':
      return `/engagements/${id}`
    case 'statement':
      return '/statements'
  }
}

/** The snippet quotes only the record's own body (or title), never a related record. */
export function presentSearchHit(hit: SearchHitRecord, words: readonly string[]): z.infer<typeof SearchHit> {
  // A milestone has no body: its title is its snippet.
  const snippet = searchSnippet(hit.body === '' ? hit.title : hit.body, words)
  return {
    type: hit.type,
    id: hit.id,
    title: hit.title,
    titleHighlights: highlightWords(hit.title, words),
    snippet: { text: snippet.text, highlights: [...snippet.highlights] },
    url: hitUrl(hit),
    marking: presentMarking(hit.marking),
  }
}
