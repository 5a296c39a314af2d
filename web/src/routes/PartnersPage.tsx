import { useEffect, useState } from 'react'
import { CsvLink } from '../components/CsvLink.tsx'
import { usePageMarking } from '../components/marking.tsx'
import { PageHeader } from '../components/PageHeader.tsx'
import { EmptyState, ErrorState, Loading } from '../components/states.tsx'
import { useFrameworks } from '../features/frameworks/queries.ts'
import { PartnerResults } from '../features/partners/PartnerResults.tsx'
import { usePartners } from '../features/partners/queries.ts'
import { NewPartner } from '../features/registry/NewRecordButtons.tsx'
import { useT } from '../i18n/useT.ts'
import { useAddressParams } from '../lib/useAddressParams.ts'
import { useDebounced } from '../lib/useDebounced.ts'

/** Partners, filtered by framework and a search; both live in the address so a view can be shared. */
export function PartnersPage() {
  const t = useT()
  const { get, set: setAddress } = useAddressParams()
  const framework = get('framework')
  const [search, setSearch] = useState(get('q'))
  const q = useDebounced(search.trim(), 300)
  const frameworks = useFrameworks()
  const partners = usePartners({
    framework: framework === '' ? undefined : framework,
    q: q === '' ? undefined : q,
  })
  usePageMarking(frameworks.data?.marking)
  usePageMarking(partners.data?.marking)

  useEffect(() => setAddress({ q }), [q, setAddress])

  const setFramework = (value: string) => setAddress({ framework: value })

  const total = partners.data?.total
  return (
    <>
      <PageHeader
        title={t('page.partners.partners')}
        lead={t('page.partners.countriesOutsideTheAllianceThat')}
        actions={
          <CsvLink
            path="/api/v1/partners.csv"
            filters={{ framework: framework === '' ? undefined : framework, q: q === '' ? undefined : q }}
            label={t('ui.csvLink.partners')}
          />
        }
      />
      <NewPartner />
      <search className="filters" aria-label={t('page.partners.filterPartners')}>
        <div className="field">
          <label htmlFor="partner-framework">{t('page.partners.framework')}</label>
          <select
            id="partner-framework"
            className="input"
            value={framework}
            onChange={(event) => setFramework(event.target.value)}
          >
            <option value="">{t('page.partners.allFrameworks')}</option>
            {(frameworks.data?.items ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.shortName})
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="partner-search">{t('page.partners.search')}</label>
          <input
            id="partner-search"
            className="input"
            type="search"
            placeholder={t('page.partners.nameCodeOrCapital')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </search>
      <p className="result-count" aria-live="polite" data-testid="result-count">
        {total === undefined ? '\u00a0' : t('page.partners.count', { count: total })}
        {partners.isFetching && partners.data !== undefined ? (
          <span className="muted"> {t('page.partners.updating')}</span>
        ) : null}
      </p>
      {partners.isPending ? (
        <Loading label={t('page.partners.loadingPartners')} />
      ) : partners.isError ? (
        <ErrorState error={partners.error} onRetry={() => partners.refetch()} />
      ) : partners.data.items.length === 0 ? (
        <EmptyState title={t('page.partners.noPartnersMatch')}>
          <p>{t('page.partners.tryAnotherFrameworkOrA')}</p>
        </EmptyState>
      ) : (
        <PartnerResults partners={partners.data.items} />
      )}
    </>
  )
}
