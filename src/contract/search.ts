import { z } from 'zod'
import { searchTypes } from '../domain/search-types.ts'
import { MarkingView, Paging } from './common.ts'

const Highlight = z
  .object({
    start: z.number().int().meta({ description: 'UTF-16 offset of the first marked character' }),
    end: z.number().int().meta({ description: 'UTF-16 offset just after the last marked character' }),
  })
  .meta({ id: 'SearchHighlight' })

const Snippet = z
  .object({
    text: z.string().meta({ description: 'Plain text (never HTML); "…" where it was cut' }),
    highlights: z.array(Highlight),
  })
  .meta({ id: 'SearchSnippet' })

export const SearchType = z.enum(searchTypes).meta({ id: 'SearchType' })

export const SearchHit = z
  .object({
    type: SearchType,
    id: z.string(),
    title: z.string(),
    titleHighlights: z.array(Highlight),
    snippet: Snippet,
    url: z.string().meta({ description: 'Where the web app shows the record', example: '/partners/JPN' }),
    marking: MarkingView,
  })
  .meta({ id: 'SearchHit' })

export const SearchResults = z
  .object({
    items: z.array(SearchHit),
    total: z.number().int().meta({ description: 'Every hit this principal may read, over all pages' }),
    marking: MarkingView.meta({ description: 'Highest marking of the hits on this page' }),
  })
  .meta({ id: 'SearchResults' })

export const SearchQuery = Paging.extend({
  q: z
    .string()
    .min(1, 'q must not be empty')
    .max(1000, 'q must be at most 1000 characters')
    .meta({ description: 'Plain words; quotes, *, OR, NEAR, - and : are read as spaces', example: 'tokyo' }),
  type: SearchType.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit must be at least 1')
    .max(100, 'limit must be at most 100')
    .default(20),
})
