import { useEffect, useState } from 'react'
import { allianceBodies, itemFormats } from '../../../../src/domain/cooperation/vocabulary.ts'
import { useT } from '../../i18n/useT.ts'
import type { AddressParams } from '../../lib/useAddressParams.ts'
import { useDebounced } from '../../lib/useDebounced.ts'
import { useMembers } from '../members/queries.ts'
import { formatLabels, priorityAreaOptions } from './labels.ts'

/** The catalogue's search box and filters; each lives in the address, so a filtered view can be shared. */
export function CatalogueFilters({
  address,
  set,
  canBeEligible,
}: {
  address: AddressParams
  set: (key: string, value: string) => void
  /** Only a requesting partner has items it is eligible for. */
  canBeEligible: boolean
}) {
  const t = useT()
  const members = useMembers().data?.items ?? []
  const [typed, setTyped] = useState(address.get('q'))
  const settled = useDebounced(typed)
  const current = address.get('q')
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the text searches
  useEffect(() => {
    if (settled !== current) set('q', settled)
  }, [settled])
  return (
    <search className="filters" aria-label={t('cooperation.catalogueFilters.searchAndFilterTheCatalogue')}>
      <div className="field grow">
        <label htmlFor="catalogue-q">{t('cooperation.catalogueFilters.searchTheCatalogue')}</label>
        <input
          id="catalogue-q"
          className="input"
          type="search"
          value={typed}
          placeholder={t('cooperation.catalogueFilters.codeTitleOrWordsOf')}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="catalogue-area">{t('cooperation.catalogueFilters.priorityArea')}</label>
        <select
          id="catalogue-area"
          className="input"
          value={address.get('priorityArea')}
          onChange={(event) => set('priorityArea', event.target.value)}
        >
          <option value="">{t('cooperation.catalogueFilters.allAreas')}</option>
          {priorityAreaOptions().map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="catalogue-provider">{t('cooperation.catalogueFilters.provider')}</label>
        <select
          id="catalogue-provider"
          className="input"
          value={address.get('provider')}
          onChange={(event) => set('provider', event.target.value)}
        >
          <option value="">{t('cooperation.catalogueFilters.allProviders')}</option>
          <optgroup label={t('cooperation.catalogueFilters.allianceBodies')}>
            {Object.entries(allianceBodies).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('cooperation.catalogueFilters.members')}>
            {members.map((member) => (
              <option key={member.code} value={member.code}>
                {member.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor="catalogue-format">{t('cooperation.catalogueFilters.format')}</label>
        <select
          id="catalogue-format"
          className="input"
          value={address.get('format')}
          onChange={(event) => set('format', event.target.value)}
        >
          <option value="">{t('cooperation.catalogueFilters.allFormats')}</option>
          {itemFormats.map((format) => (
            <option key={format} value={format}>
              {formatLabels[format]}
            </option>
          ))}
        </select>
      </div>
      {canBeEligible ? (
        <div className="field check-field">
          <input
            id="catalogue-eligible"
            type="checkbox"
            checked={address.get('eligible') === 'true'}
            onChange={(event) => set('eligible', event.target.checked ? 'true' : '')}
          />
          <label htmlFor="catalogue-eligible">{t('cooperation.catalogueFilters.onlyWhatIMayRequest')}</label>
        </div>
      ) : null}
    </search>
  )
}
