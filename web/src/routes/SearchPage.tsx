import { Link } from 'react-router'
import { type SearchType, searchTypes } from '../../../src/domain/search-types.ts'
import { MarkingTag, usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { Pagination } from '../components/Pagination.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { Highlighted } from '../features/search/Highlighted.tsx'
import { useSearch } from '../features/search/queries.ts'
import { searchTypeLabels } from '../i18n/labels.ts'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'

const pageSize = 20

/** One search over everything the viewer may read; the query, type and page live in the address. */
export function SearchPage() {
  const t = useT()
  const { get, set: setAddress } = useAddressParams()
  const q = get('q')
  const type = get('type')
  const page = Math.max(0, Number(get('page')) || 0)
  const results = useSearch({ q, type: type || undefined, limit: pageSize, offset: page * pageSize })
  usePageMarking(results.data?.marking)
  // A new filter starts again from the first page.
  const set = (key: string, value: string) =>
    setAddress(key === 'page' ? { page: value } : { [key]: value, page: '' })
  const data = results.data
  return (
    <>
      <title>{q === '' ? t('page.search.searchLiaison') : t('page.search.searchLiaison2', { q })}</title>
      <PageHeader
        title={t('page.search.search')}
        lead={t('page.search.partnersEventsFrameworksProgrammesEngage')}
      />
      <search className="filters" aria-label={t('page.search.filterSearchResults')}>
        <div className="field">
          <label htmlFor="search-type">{t('page.search.kindOfRecord')}</label>
          <select
            id="search-type"
            className="input"
            value={type}
            onChange={(event) => set('type', event.target.value)}
          >
            <option value="">{t('page.search.all')}</option>
            {searchTypes.map((value) => (
              <option key={value} value={value}>
                {searchTypeLabels[value]}
              </option>
            ))}
          </select>
        </div>
      </search>
      {q.trim() === '' ? (
        <EmptyState title={t('page.search.typeSomethingToSearch')}>
          <p>{t('page.search.useTheSearchBoxAt')}</p>
        </EmptyState>
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : data === undefined ? (
        <Loading label={t('page.search.searching')} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t('page.search.nothingFoundFor', { q })}>
          <p>
            {t('page.search.tryFewerOrShorterWords')}
            {type === '' ? '' : t('page.search.orEveryKindOfRecord')}.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {t('page.search.countAndPage', {
              total: data.total,
              page: page + 1,
              pages: Math.max(1, Math.ceil(data.total / pageSize)),
            })}
          </p>
          <ol className="card-list search-results" data-testid="search-results">
            {data.items.map((hit) => (
              <li key={`${hit.type}:${hit.id}`} className="card">
                <p className="search-kind">{searchTypeLabels[hit.type as SearchType]}</p>
                <h2 className="card-title">
                  <Link to={hit.url}>
                    <Highlighted text={hit.title} highlights={hit.titleHighlights} />
                  </Link>
                </h2>
                <p className="search-snippet">
                  <Highlighted text={hit.snippet.text} highlights={hit.snippet.highlights} />
                </p>
                <MarkingTag marking={hit.marking} />
              </li>
            ))}
          </ol>
          <Pagination
            label={t('page.search.searchResultPages')}
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPage={(to) => set('page', String(to))}
          />
        </>
      )}
    </>
  )
}
